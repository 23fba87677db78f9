import { hasChanges } from '../../reconcile/plan-types.js';
import { PLAN_FORMATS, renderPlan, type PlanFormat } from '../../render/plan-formats.js';
import { choice, commonOptions, COMMON_OPTIONS, parseFlags, stringValue } from '../args.js';
import { ExitCode } from '../../util/errors.js';
import { wantsColor, writePieces, type Io } from '../../app/io.js';
import { writePlanFile } from '../../app/plan-file.js';
import { openSession, planSession, type SyncOptions } from '../../app/session.js';

export interface PlanOptions extends SyncOptions {
  format: PlanFormat;
  detailedExitcode: boolean;
  out: string | undefined;
  verbose: boolean;
}

export const planUsage = `Usage: opencx-trainings plan [--target NAME] [--format text|json|markdown] [--detailed-exitcode] [--out FILE]

Show what apply would change in OpenCX: creates, updates, publications and deletes, with the
differences in content. Reads the org; never writes to it.

Options:
  --target NAME          target from opencx.yml (default: default_target, else the local emulator)
  --format FORMAT        text (default), json (see docs/plan-format.md) or markdown (pull requests)
  --detailed-exitcode    exit 2 when there are changes, 0 when none, 1 on errors
  --out FILE             also save the plan as JSON, for "apply --plan FILE"
  --verbose              list unchanged trainings too
  --root DIR, --config FILE, --no-color, --debug (print every API request); --no-cache: no effect
`;

export const PLAN_FLAGS = {
  ...COMMON_OPTIONS,
  format: { type: 'string' },
  debug: { type: 'boolean' },
} as const;

export function parsePlanArgs(args: readonly string[]): PlanOptions | 'help' {
  const { values } = parseFlags(
    {
      ...PLAN_FLAGS,
      'detailed-exitcode': { type: 'boolean' },
      out: { type: 'string' },
      verbose: { type: 'boolean', short: 'v' },
    },
    args,
  );
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
  const info = options.format === 'json' ? io.stderr : io.stdout;
  const session = await openSession(options, io, info);
  try {
    const { plan } = await planSession(session, io, options);
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
