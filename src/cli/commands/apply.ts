import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fetchRemoteState } from '../../api/remote-state.js';
import { ConfigError } from '../../errors.js';
import { applyPlan, emptyReport, type ApplyReport } from '../../reconcile/apply.js';
import { describeGuard } from '../../reconcile/guards.js';
import { hasChanges, PLAN_FORMAT_VERSION, type Plan } from '../../reconcile/plan-types.js';
import { progressRenderer, renderApplyReport } from '../../render/apply-report.js';
import { renderPlanText } from '../../render/plan-text.js';
import { choice, commonOptions, parseFlags, stringValue } from '../args.js';
import { ExitCode, ExitError } from '../errors.js';
import { wantsColor, type Io, type Writer } from '../io.js';
import { openSession, planSession, type Session, type SyncOptions } from '../sync.js';
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
  --root DIR, --config FILE, --no-color, --no-cache, --debug (print every API request)
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
      : await readPlanFile(path.resolve(io.cwd, options.planFile));
  const session = await openSession(
    saved === undefined ? options : { ...options, target: options.target ?? saved.target.name },
    io,
    info,
  );
  try {
    const plan =
      saved === undefined
        ? (await planSession(session, io, options)).plan
        : await checkSavedPlan(saved, session);
    info.write(`\n${renderPlanText(plan, { color })}`);
    if (!hasChanges(plan)) return done(io, options, emptyReport());
    if (options.dryRun) return ExitCode.ok;
    if (plan.guard.tripped && !options.allowMassDelete) {
      io.stderr.write(`\nRefusing to apply: ${describeGuard(plan.guard)}\n`);
      return ExitCode.error;
    }
    await confirm(plan, options, io, info);
    const report = await applyPlan(plan, session.connection.client, {
      onEvent: progressRenderer((text) => info.write(text), {
        color,
        tty: io.isTTY && options.format === 'text',
      }),
    });
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

async function readPlanFile(file: string): Promise<Plan> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`Cannot read the plan ${file}: ${(error as Error).message}`);
  }
  const plan = parsed as Partial<Plan> | null;
  if (
    plan?.format_version !== PLAN_FORMAT_VERSION ||
    !Array.isArray(plan.actions) ||
    typeof plan.remote_fingerprint !== 'string'
  ) {
    throw new ConfigError(
      `${file} is not a plan of this version of opencx-trainings (format_version ${PLAN_FORMAT_VERSION}). Make it again with "plan --out".`,
    );
  }
  return plan as Plan;
}

/** A saved plan holds only while OpenCX is exactly as it was when the plan was made. */
async function checkSavedPlan(plan: Plan, session: Session): Promise<Plan> {
  if (plan.target.name !== session.target.name || plan.namespace !== session.config.namespace) {
    throw new ConfigError(
      `The plan was made for target "${plan.target.name}" and namespace "${plan.namespace}", not "${session.target.name}" and "${session.config.namespace}".`,
    );
  }
  const pinnedIds = plan.actions.flatMap((a) =>
    'matched_by' in a && a.matched_by === 'id' ? [a.id] : [],
  );
  const state = await fetchRemoteState(session.connection.client, {
    namespace: plan.namespace,
    pinnedIds,
    needSegments: false,
    needDirectories: false,
  });
  if (state.fingerprint !== plan.remote_fingerprint) {
    throw new ConfigError(
      'OpenCX changed since this plan was made, so it may no longer be right. Run "plan" again, then apply the new plan.',
    );
  }
  return plan;
}
