import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, ExitCode, ExitError } from '../../util/errors.js';
import {
  applyPlan,
  emptyReport,
  MassDeleteRefusedError,
  refusingGuard,
  type ApplyReport,
} from '../../reconcile/apply.js';
import { parsePlan } from '../../reconcile/plan-schema.js';
import { hasChanges, type Plan } from '../../reconcile/plan-types.js';
import { comparePlans } from '../../reconcile/saved-plan.js';
import { progressRenderer, renderApplyReport } from '../../render/apply-report.js';
import { renderPlanText } from '../../render/plan-text.js';
import { choice, commonOptions, parseFlags, stringValue } from '../args.js';
import { wantsColor, type Io, type Writer } from '../../app/io.js';
import { openSession, planSession, type SyncOptions } from '../../app/session.js';
import { PLAN_FLAGS } from './plan.js';

export interface ApplyOptions extends SyncOptions {
  yes: boolean;
  planFile: string | undefined;
  allowMassDelete: boolean;
  dryRun: boolean;
  format: 'text' | 'json';
}

export const applyUsage = `Usage: opencx-trainings apply [--target NAME] [--yes] [--plan FILE] [--allow-mass-delete]

Make OpenCX match the files: plan from the live state, show the plan, ask, then create, update,
publish and delete. Safe to run again at any time; a second run changes nothing.

Options:
  --target NAME          target from opencx.yml (default: default_target, else the local emulator)
  --yes                  do not ask (required when not run from a terminal)
  --plan FILE            apply a plan saved with "plan --out FILE", if OpenCX has not changed since
  --allow-mass-delete    let the plan delete more than max_deletes / max_delete_ratio allow
  --dry-run              show the plan and stop (same as "plan")
  --format FORMAT        text (default) or json (the apply report)
  --root DIR, --config FILE, --no-color, --debug (print every API request); --no-cache: no effect
`;

export function parseApplyArgs(args: readonly string[]): ApplyOptions | 'help' {
  const { values } = parseFlags(
    {
      ...PLAN_FLAGS,
      yes: { type: 'boolean', short: 'y' },
      plan: { type: 'string' },
      'allow-mass-delete': { type: 'boolean' },
      'dry-run': { type: 'boolean' },
    },
    args,
  );
  if (values.help === true) return 'help';
  return {
    ...commonOptions(values),
    debug: values.debug === true,
    yes: values.yes === true,
    planFile: stringValue(values.plan),
    allowMassDelete: values['allow-mass-delete'] === true,
    dryRun: values['dry-run'] === true,
    format: choice('format', values.format, ['text', 'json'] as const, 'text'),
  };
}

export async function apply(options: ApplyOptions, io: Io): Promise<ExitCode> {
  const info = options.format === 'json' ? io.stderr : io.stdout;
  const color = wantsColor(io, options.color);
  const saved =
    options.planFile === undefined
      ? undefined
      : await readSavedPlan(path.resolve(io.cwd, options.planFile), options.planFile);
  const session = await openSession(
    saved === undefined ? options : { ...options, target: options.target ?? saved.target.name },
    io,
    info,
  );
  try {
    const { plan } = await planSession(session, io, options);
    if (saved !== undefined) keepsPromise(saved, plan, options.planFile ?? '', io);
    info.write(`\n${renderPlanText(plan, { color })}`);
    if (!hasChanges(plan)) return done(io, options, emptyReport());
    if (options.dryRun) return ExitCode.ok;
    const applyOptions = {
      limits: session.config,
      allowMassDelete: options.allowMassDelete,
      onEvent: progressRenderer((text) => info.write(text), {
        color,
        tty: io.isTTY && options.format === 'text',
      }),
    };
    // The engine refuses such a plan itself; saying so first spares a useless question.
    const refused = refusingGuard(plan, applyOptions);
    if (refused !== null) throw new MassDeleteRefusedError(refused);
    await confirm(plan, options, io, info);
    const report = await applyPlan(plan, session.connection.client, applyOptions);
    return done(io, options, report);
  } finally {
    await session.connection.close();
  }
}

function done(io: Io, options: ApplyOptions, report: ApplyReport): ExitCode {
  if (options.format === 'json') io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else if (report.results.length > 0)
    io.stdout.write(`\n${renderApplyReport(report, { color: wantsColor(io, options.color) })}`);
  return report.counts.failed > 0 ? ExitCode.error : ExitCode.ok;
}

/** Ask on a terminal; elsewhere only --yes may say yes. */
async function confirm(plan: Plan, options: ApplyOptions, io: Io, info: Writer): Promise<void> {
  if (options.yes) return;
  if (!io.interactive) {
    io.stderr.write(
      '\nRefusing to apply without confirmation: not running in a terminal. Pass --yes to apply.\n',
    );
    throw new ExitError(ExitCode.error);
  }
  const answer = await io.ask(
    `\nApply these changes to target "${plan.target.name}"? Only "yes" is accepted: `,
  );
  if (answer.trim().toLowerCase() !== 'yes') {
    info.write('Apply cancelled; nothing was changed.\n');
    throw new ExitError(ExitCode.error);
  }
}

/** A plan saved by "plan --out", checked against the documented format. */
async function readSavedPlan(file: string, shown: string): Promise<Plan> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`Cannot read the plan ${shown}: ${(error as Error).message}`);
  }
  const result = parsePlan(parsed);
  if (result.ok) return result.plan;
  throw new ConfigError(
    `${shown} is not a plan saved by this version of opencx-trainings:\n${result.problems.map((p) => `  ${p}`).join('\n')}\nMake it again with "opencx-trainings plan --out ${shown}".`,
  );
}

/**
 * The saved plan is what the reviewer agreed to; the fresh one is what would be written now.
 * Only when they are the same does apply go on, and then with the fresh one.
 */
function keepsPromise(saved: Plan, fresh: Plan, shown: string, io: Io): void {
  const differences = comparePlans(saved, fresh);
  if (differences.length === 0) return;
  io.stderr.write(
    `The saved plan ${shown} no longer holds; nothing was changed.\n${differences.map((d) => `  - ${d}`).join('\n')}\nRun "opencx-trainings plan --out ${shown}" again, review it, then apply it.\n`,
  );
  throw new ExitError(ExitCode.error);
}
