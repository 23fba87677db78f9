import { jsonSchemaOf, type SchemaName } from '../../app/json-schemas.js';
import { parseFlags } from '../args.js';
import { UsageError, ExitCode } from '../../util/errors.js';
import type { Io } from '../../app/io.js';

export const schemaUsage = `Usage: opencx-trainings schema [training|config]

Print the JSON Schema of training frontmatter (default) or of opencx.yml, for editors.
`;

export function parseSchemaArgs(args: readonly string[]): { name: SchemaName } | 'help' {
  const { values, positionals } = parseFlags({ help: { type: 'boolean', short: 'h' } }, args, {
    positionals: 1,
  });
  if (values.help === true) return 'help';
  const name = positionals[0] ?? 'training';
  if (name !== 'training' && name !== 'config') {
    throw new UsageError(`Unknown schema "${name}": use "training" or "config".`);
  }
  return { name };
}

export function schema(options: { name: SchemaName }, io: Io): Promise<ExitCode> {
  io.stdout.write(`${JSON.stringify(jsonSchemaOf(options.name), null, 2)}\n`);
  return Promise.resolve(ExitCode.ok);
}
