import path from 'node:path';
import { initRepository } from '../../app/init.js';
import { NAMESPACE_PATTERN } from '../../config/schema.js';
import { DEFAULT_TOKEN_ENV } from '../../model/opencx-api.js';
import { renderInitReport } from '../../render/init-report.js';
import { styleFor } from '../../render/style.js';
import { VERSION } from '../../util/version.js';
import { parseFlags, stringValue, type Flags } from '../args.js';
import { COLOR_ROW, HELP_ROW, renderUsage } from '../usage.js';
import { ExitCode, UsageError } from '../../util/errors.js';
import { wantsColor, type Io } from '../../app/io.js';

export interface InitOptions {
  dir: string | undefined;
  namespace: string | undefined;
  promotion: boolean;
  color: boolean | undefined;
}

const INIT_FLAGS = {
  dir: { type: 'string', value: 'DIR' },
  namespace: { type: 'string', value: 'NAME' },
  promotion: { type: 'boolean' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Flags;

export const initUsage = renderUsage({
  command: 'init',
  flags: INIT_FLAGS,
  about: `Set up a repository of trainings: opencx.yml (a production target whose API key comes from
$${DEFAULT_TOKEN_ENV}, and a local emulator target), two example trainings, the GitHub workflow that
plans on pull requests and applies on main, editor settings for the JSON Schemas, and .opencx/
in .gitignore. Never overwrites a file: those that exist are left as they are and listed.`,
  sections: [
    {
      title: 'Options',
      rows: [
        ['--dir DIR', "the repository's folder (default: the current folder)"],
        [
          '--namespace NAME',
          'owner name recorded on the trainings it creates (default: from the folder name)',
        ],
        [
          '--promotion',
          'merges apply to a staging target; a workflow promotes to production what staging holds',
        ],
        COLOR_ROW,
        HELP_ROW,
      ],
    },
  ],
  examples: [
    'opencx-trainings init',
    'opencx-trainings init --dir support-bot --namespace support',
    'opencx-trainings init --promotion',
  ],
});

export function parseInitArgs(args: readonly string[]): InitOptions | 'help' {
  const { values } = parseFlags(INIT_FLAGS, args);
  if (values.help === true) return 'help';
  const namespace = stringValue(values.namespace);
  if (namespace !== undefined && !NAMESPACE_PATTERN.test(namespace)) {
    throw new UsageError(
      `--namespace must be lower-case letters, digits, ".", "_" or "-" (at most 64), not "${namespace}".`,
    );
  }
  return {
    dir: stringValue(values.dir),
    namespace,
    promotion: values.promotion === true,
    color: values['no-color'] === true ? false : values.color === true ? true : undefined,
  };
}

export async function init(options: InitOptions, io: Io): Promise<ExitCode> {
  const dir = path.resolve(io.cwd, options.dir ?? '.');
  const outcome = await initRepository({
    dir,
    namespace: options.namespace,
    version: VERSION,
    promotion: options.promotion,
  });
  io.stdout.write(
    renderInitReport(outcome.results, {
      dir: path.relative(io.cwd, dir) || '.',
      namespace: outcome.namespace,
      examples: outcome.examples,
      style: styleFor(wantsColor(io, options.color)),
    }),
  );
  return outcome.results.some((r) => r.outcome === 'outside') ? ExitCode.error : ExitCode.ok;
}
