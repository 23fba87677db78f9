import { jsonSchemaOf, type SchemaName } from '../../app/json-schemas.js';
import { parseFlags, type Flags } from '../args.js';
import { HELP_ROW, renderUsage } from '../usage.js';
import { UsageError, ExitCode } from '../../util/errors.js';
import type { Io } from '../../app/io.js';

const SCHEMA_FLAGS = { help: { type: 'boolean', short: 'h' } } as const satisfies Flags;

export const schemaUsage = renderUsage({
  command: 'schema',
  flags: SCHEMA_FLAGS,
  operands: '[training|config]',
  about: 'Print the JSON Schema of training frontmatter (default) or of opencx.yml, for editors.',
  sections: [{ title: 'Options', rows: [HELP_ROW] }],
  examples: [
    'opencx-trainings schema > training.schema.json',
    'opencx-trainings schema config > opencx.schema.json',
  ],
});

export function parseSchemaArgs(args: readonly string[]): { name: SchemaName } | 'help' {
  const { values, positionals } = parseFlags(SCHEMA_FLAGS, args, {
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
