import { ExitCode } from '../util/errors.js';
import { wantsColor, type Io } from '../app/io.js';
import { renderPlanComment } from '../render/github-markdown.js';
import { planJsonChunks } from '../render/plan-json.js';
import { renderPlanText } from '../render/plan-text.js';
import { formatAnnotation } from '../render/workflow-commands.js';
import { publishComment } from './comment.js';
import { lintChange } from './lint-change.js';
import { renderLintSections } from '../render/lint-comment.js';
import { reviewRecordOf } from '../reconcile/review-record.js';
import { pathFromRoot } from './context.js';
import { appendSummary, planOutputs, writeOutputs, type Outputs } from './outputs.js';
import {
  explainFailure,
  saveForLaterSteps,
  startRun,
  withPlan,
  type ActionOptions,
} from './run.js';

export const PLAN_FILE_NAME = 'opencx-trainings-plan.json';

/**
 * `mode: plan`, on a pull request: validate and plan; the plan goes to the log, the job summary
 * and the sticky comment, and problems in the files become annotations on their lines. A plan
 * that could not be made says why in the same places, and the job fails.
 */
export async function runPlanMode(options: ActionOptions, io: Io): Promise<ExitCode> {
  const run = await startRun(io);
  const scope = { target: options.target ?? 'default', directory: run.directory };
  let markdown: string;
  let outputs: Outputs = {};
  let failure: { error: unknown } | undefined;
  let newErrors = 0;
  try {
    markdown = await withPlan(options, io, run, async (plan, session) => {
      const file = await saveForLaterSteps(
        io,
        run,
        options.planOut,
        PLAN_FILE_NAME,
        planJsonChunks(plan),
      );
      io.stdout.write(`\n${renderPlanText(plan, { color: wantsColor(io, options.color) })}`);
      // A warning about a file (a moved file that will lose its identity) belongs on its diff.
      for (const w of plan.warnings) {
        io.stdout.write(
          formatAnnotation('warning', w.message, {
            file: w.file === undefined ? undefined : pathFromRoot(w.file, run.directory),
            title: `opencx-trainings ${w.code}`,
          }),
        );
      }
      outputs = planOutputs(plan, file);
      const lint = await lintChange(session, options, io, run);
      for (const f of lint.added) {
        io.stdout.write(
          formatAnnotation(f.severity === 'info' ? 'notice' : f.severity, f.message, {
            file: pathFromRoot(f.file, run.directory),
            line: f.line,
            col: f.column,
            title: `opencx-trainings lint ${f.rule}`,
          }),
        );
      }
      newErrors = lint.added.filter((f) => f.severity === 'error').length;
      const record = reviewRecordOf(plan, {
        head: run.context.event.sha,
        base: run.context.event.pullRequest?.baseSha ?? null,
      });
      return renderPlanComment(plan, run.info, renderLintSections(lint), record);
    });
  } catch (error) {
    markdown = explainFailure(error, 'plan', run, io);
    failure = { error };
  }
  await appendSummary(run.context.summaryFile, markdown);
  const url = options.comment ? await publishComment(io, run, scope, markdown, options) : undefined;
  await writeOutputs(run.context.outputFile, {
    ...outputs,
    ...(url === undefined ? {} : { 'comment-url': url }),
  });
  // Now that the summary and the comment say what went wrong, the CLI reports it as usual.
  if (failure !== undefined) throw failure.error;
  if (newErrors > 0) {
    io.stderr.write(
      `The pull request adds ${newErrors} lint error(s), listed in the comment: fix them, or change their severity in opencx.yml.\n`,
    );
    return ExitCode.error;
  }
  return ExitCode.ok;
}
