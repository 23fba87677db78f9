import { abortOnInterrupt } from '../app/interrupt.js';
import { ExitCode, UsageError } from '../util/errors.js';
import { wantsColor, type Io } from '../app/io.js';
import type { Session } from '../app/session.js';
import { applyPlan, MassDeleteRefusedError } from '../reconcile/apply.js';
import { emptyReport, type ApplyReport } from '../reconcile/apply-types.js';
import { describeGuard } from '../reconcile/guards.js';
import { hasChanges, type Plan } from '../reconcile/plan-types.js';
import {
  describeReport,
  progressRenderer,
  renderApplyJson,
  renderApplyOutput,
} from '../render/apply-report.js';
import {
  renderApplyRefused,
  renderApplySummary,
  renderPlanChanged,
} from '../render/github-markdown.js';
import { planJsonChunks } from '../render/plan-json.js';
import { renderPlanText } from '../render/plan-text.js';
import { formatAnnotation } from '../render/workflow-commands.js';
import { isPullRequestEvent, pathFromRoot } from './context.js';
import { startDeployment } from './deployment.js';
import { commentPlanChanged, compareWithReviewedPlan } from './reviewed-plan.js';
import { appendSummary, applyOutputs, writeOutputs } from './outputs.js';
import { PLAN_FILE_NAME } from './plan-mode.js';
import {
  explainFailure,
  saveForLaterSteps,
  startRun,
  withPlan,
  type ActionOptions,
  type ActionRun,
} from './run.js';

const REPORT_FILE_NAME = 'opencx-trainings-report.json';

/**
 * `mode: apply`, after a merge: plan from the live state and apply it without asking. The
 * report goes to the log and the job summary; a failed action is annotated on its file and
 * fails the job, and so does a plan the mass-delete guard refuses.
 */
export async function runApplyMode(options: ActionOptions, io: Io): Promise<ExitCode> {
  const run = await startRun(io);
  if (isPullRequestEvent(run.context.event.name)) {
    throw new UsageError(
      `mode "apply" does not run on a "${run.context.event.name}" event: changes are applied after they are merged. Use mode "plan" on pull requests and "apply" on push to the default branch.`,
    );
  }
  try {
    return await withPlan(options, io, run, (plan, session) =>
      applyAndReport(plan, session, options, io, run),
    );
  } catch (error) {
    await appendSummary(run.context.summaryFile, explainFailure(error, 'apply', run, io));
    throw error;
  }
}

async function applyAndReport(
  plan: Plan,
  session: Session,
  options: ActionOptions,
  io: Io,
  run: ActionRun,
): Promise<ExitCode> {
  const color = wantsColor(io, options.color);
  const planFile = await saveForLaterSteps(
    io,
    run,
    options.planOut,
    PLAN_FILE_NAME,
    planJsonChunks(plan),
  );
  io.stdout.write(`\n${renderPlanText(plan, { color })}`);
  const review = await compareWithReviewedPlan(
    io,
    run,
    { target: options.target ?? 'default', directory: run.directory },
    plan,
    options,
  );
  if (review.kind === 'unknown') {
    io.stdout.write(`No reviewed plan to compare with: ${review.reason}.\n`);
  } else if (review.kind === 'same') {
    io.stdout.write(`The plan is the one reviewed on pull request #${review.pullRequest}.\n`);
  } else {
    const refused = options.planChanged === 'refuse';
    const text = renderPlanChanged(review.pullRequest, review.differences, refused, run.info);
    io.stdout.write(
      formatAnnotation(
        refused ? 'error' : 'warning',
        `The plan differs from the one reviewed on pull request #${review.pullRequest}: ${review.differences.join('; ')}`,
        { title: 'opencx-trainings apply' },
      ),
    );
    await appendSummary(run.context.summaryFile, text);
    await commentPlanChanged(io, run, review.pullRequest, text, options);
    if (refused) return ExitCode.error;
  }
  const deployment = await startDeployment(io, run, session.target.name, options);
  let report: ApplyReport = emptyReport();
  try {
    if (hasChanges(plan)) {
      report = await applyPlan(plan, session.connection.client, {
        limits: session.config,
        allowMassDelete: options.allowMassDelete,
        onEvent: progressRenderer((text) => io.stdout.write(text), { color, tty: false }),
        signal: abortOnInterrupt(io),
      });
    }
  } catch (error) {
    if (!(error instanceof MassDeleteRefusedError)) {
      await deployment?.finish('error', 'The apply stopped: see the workflow run');
      throw error;
    }
    io.stdout.write(formatAnnotation('error', error.message, { title: 'opencx-trainings apply' }));
    await deployment?.finish('failure', 'Refused by the mass-delete guard: nothing was changed');
    await appendSummary(
      run.context.summaryFile,
      renderApplyRefused(plan, describeGuard(error.guard), run.info),
    );
    return ExitCode.error;
  }
  await deployment?.finish(
    report.interrupted ? 'error' : report.counts.failed > 0 ? 'failure' : 'success',
    `${report.interrupted ? 'Interrupted: ' : ''}${describeReport(report)}`,
  );
  io.stdout.write(renderApplyOutput(report, { format: 'text', color }));
  for (const r of report.results.filter((x) => x.status === 'failed')) {
    io.stdout.write(
      formatAnnotation('error', `${r.kind} ${r.key} failed: ${r.detail ?? 'unknown error'}`, {
        file: r.file === null ? undefined : pathFromRoot(r.file, run.directory),
        title: 'opencx-trainings apply',
      }),
    );
  }
  const reportFile = await saveForLaterSteps(
    io,
    run,
    undefined,
    REPORT_FILE_NAME,
    renderApplyJson(report),
  );
  await appendSummary(run.context.summaryFile, renderApplySummary(plan, report, run.info));
  await writeOutputs(run.context.outputFile, applyOutputs(plan, planFile, report, reportFile));
  if (report.interrupted) return ExitCode.interrupted;
  return report.counts.failed > 0 ? ExitCode.error : ExitCode.ok;
}
