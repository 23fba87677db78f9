import { hasChanges } from '../../reconcile/plan-types.js';
import { PLAN_FORMATS, renderPlan, type PlanFormat } from '../../render/plan-formats.js';
import {
  choice,
  commonOptions,
  COMMON_OPTIONS,
  parseFlags,
  stringValue,
  type Flags,
} from '../args.js';
import { renderUsage, SESSION_ROWS, TARGET_ROW } from '../usage.js';
import { ExitCode } from '../../util/errors.js';
import { wantsColor, writePieces, type Io } from '../../app/io.js';
import { writePlanFile } from '../../app/plan-file.js';
import { jsonDiagnostics, openSession, planSession, type SyncOptions } from '../../app/session.js';

export interface PlanOptions extends SyncOptions {
  format: PlanFormat;
  detailedExitcode: boolean;
  out: string | undefined;
  verbose: boolean;
}

/** What plan and apply both read, after their own flags. */
export const SYNC_FLAGS = {
  debug: { type: 'boolean' },
  ...COMMON_OPTIONS,
} as const satisfies Flags;

const PLAN_FLAGS = {
  format: { type: 'string', value: PLAN_FORMATS.join('|') },
  'detailed-exitcode': { type: 'boolean' },
  out: { type: 'string', value: 'FILE' },
  verbose: { type: 'boolean', short: 'v' },
  ...SYNC_FLAGS,
} as const satisfies Flags;

export const planUsage = renderUsage({
  command: 'plan',
  flags: PLAN_FLAGS,
  about: `Show what apply would change in OpenCX: creates, updates, publications and deletes, with the
differences in content. Reads the org; never writes to it.`,
  sections: [
    {
      title: 'Options',
      rows: [
        TARGET_ROW,
        ['--format FORMAT', 'text (default), json (see docs/plan-format.md) or markdown'],
        ['--detailed-exitcode', 'exit 2 when there are changes, 0 when none, 1 on errors'],
        ['--out FILE', 'also save the plan as JSON, for "apply --plan FILE"'],
        ['-v, --verbose', 'list unchanged trainings too'],
        ...SESSION_ROWS,
      ],
    },
  ],
  examples: [
    'opencx-trainings plan',
    'opencx-trainings plan --target production --out plan.json',
    'opencx-trainings plan --format json | jq .summary',
  ],
});

export function parsePlanArgs(args: readonly string[]): PlanOptions | 'help' {
  const { values } = parseFlags(PLAN_FLAGS, args);
  if (values.help === true) return 'help';
  return {
    ...commonOptions(values),
    debug: values.debug === true,
    format: choice('format', values.format, PLAN_FORMATS, 'text'),
    detailedExitcode: values['detailed-exitcode'] === true,
    out: stringValue(values.out),
    verbose: values.verbose === true,
  };
}

export async function plan(options: PlanOptions, io: Io): Promise<ExitCode> {
  // Machine-readable output keeps stdout for the document alone.
  const info = options.format === 'text' ? io.stdout : io.stderr;
  const show = options.format === 'json' ? jsonDiagnostics(io, options) : undefined;
  const session = await openSession(options, io, info, show);
  try {
    const { plan } = await planSession(session, io, options, show);
    const color = wantsColor(io, options.color);
    await writePieces(
      io.stdout,
      renderPlan(plan, options.format, { color, verbose: options.verbose }),
    );
    if (options.out !== undefined) {
      await writePlanFile(plan, options.out, io.cwd);
      info.write(
        `Saved the plan to ${options.out}; apply it with: opencx-trainings apply --plan ${options.out}\n`,
      );
    }
    return options.detailedExitcode && hasChanges(plan) ? ExitCode.changes : ExitCode.ok;
  } finally {
    await session.connection.close();
  }
}
