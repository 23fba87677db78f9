import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { sortDiagnostics } from '../diagnostics/diagnostic.js';
import type { ApplyReport, ResultStatus } from '../reconcile/apply-types.js';
import type { Plan } from '../reconcile/plan-types.js';
import { describeConcurrentWrites, describeReport } from './apply-report.js';
import { VERBS } from './describe.js';
import { describeCounts, formatLocation } from './diagnostics.js';
import { cell, codeCell, escapeHtml, fence } from './markdown.js';
import { renderPlanMarkdown } from './plan-markdown.js';

/**
 * The Markdown that the GitHub action posts: the pull request comment and the job summaries.
 * Pure: the caller adds the comment's hidden marker and decides where each text goes.
 */

export interface RunInfo {
  /** The commit planned or applied. */
  sha?: string | null | undefined;
  /** The workflow run, for the log and annotations. */
  runUrl?: string | undefined;
}

/** Problems listed in a comment at most; GitHub refuses comments over 65,536 characters. */
const MAX_PROBLEM_ROWS = 100;

/** The plan, as a pull request comment and as the plan job's summary. */
export function renderPlanComment(plan: Plan, run: RunInfo = {}, sections = ''): string {
  const applied = 'Updated on every push; applied when the pull request is merged.';
  const extra = sections === '' ? '' : `\n${sections}`;
  return `${renderPlanMarkdown(plan)}${extra}\n${footer(run, applied)}`;
}

/** Problems in the files: nothing was planned. Each one is also annotated on its line. */
export function renderProblemsComment(
  diagnostics: readonly Diagnostic[],
  what: 'plan' | 'apply',
  run: RunInfo = {},
): string {
  const out = [
    `### OpenCX ${what}: ✖ ${describeCounts(diagnostics)} in the training files`,
    '',
    what === 'plan'
      ? 'Nothing was planned and nothing was changed in OpenCX. Fix these problems and push again; each is also marked on its line under **Files changed**.'
      : 'Nothing was applied and nothing was changed in OpenCX. Fix these problems in a pull request; each is also annotated in the workflow run.',
    '',
    '| where | problem | how to fix |',
    '|---|---|---|',
    ...sortDiagnostics(diagnostics)
      .slice(0, MAX_PROBLEM_ROWS)
      .map((d) => {
        const where = formatLocation(d);
        const icon = d.severity === 'error' ? '❌' : '⚠️';
        return `| ${where === '' ? '' : codeCell(where)} | ${icon} ${cell(d.message)} <sub>${cell(d.code)}</sub> | ${cell(d.hint ?? '')} |`;
      }),
    '',
  ];
  if (diagnostics.length > MAX_PROBLEM_ROWS) {
    out.push(
      `_And ${diagnostics.length - MAX_PROBLEM_ROWS} more: run \`opencx-trainings validate\` to see them all._`,
      '',
    );
  }
  return `${out.join('\n')}\n${footer(run)}`;
}

/** The plan or apply could not run (no API key, OpenCX unreachable...). */
export function renderFailureComment(
  what: 'plan' | 'apply',
  message: string,
  run: RunInfo = {},
): string {
  const out = [
    `### OpenCX ${what} failed`,
    '',
    ...fence(message, 'text'),
    '',
    run.runUrl === undefined
      ? 'The log of the workflow run has the details.'
      : `The [log of the workflow run](${run.runUrl}) has the details.`,
    '',
  ];
  return `${out.join('\n')}\n${footer(run)}`;
}

const STATUS: Record<ResultStatus, string> = { ok: '✅', failed: '❌', skipped: '⏭️' };

/** The apply job's summary: what happened to each training, then the plan it carried out. */
export function renderApplySummary(plan: Plan, report: ApplyReport, run: RunInfo = {}): string {
  const ok = report.counts.failed === 0;
  const how = report.interrupted ? ' interrupted' : ok ? '' : ' finished with errors';
  const out = [
    `### OpenCX apply${how}: ${describeReport(report)}`,
    '',
    `Target \`${plan.target.name}\` · namespace \`${plan.namespace}\``,
    '',
  ];
  const concurrent = describeConcurrentWrites(report);
  if (concurrent !== undefined) out.push('> [!WARNING]', `> ${escapeHtml(concurrent)}`, '');
  if (report.results.length > 0) {
    out.push('| | action | training | key | detail |', '|---|---|---|---|---|');
    for (const r of report.results) {
      out.push(
        `| ${STATUS[r.status]} | ${VERBS[r.kind]} | ${cell(r.title)} | ${codeCell(r.key)} | ${cell(r.detail ?? '')} |`,
      );
    }
    out.push('');
  }
  out.push(...folded('The plan that was applied', renderPlanMarkdown(plan)));
  return `${out.join('\n')}\n${footer(run)}`;
}

/** The mass-delete guard stopped the apply before any write. */
export function renderApplyRefused(plan: Plan, reason: string, run: RunInfo = {}): string {
  const out = [
    '### OpenCX apply refused: nothing was changed',
    '',
    '> [!CAUTION]',
    `> ${escapeHtml(reason)}`,
    '',
    renderPlanMarkdown(plan),
  ];
  return `${out.join('\n')}\n${footer(run)}`;
}

function folded(summary: string, markdown: string): string[] {
  return [`<details><summary>${escapeHtml(summary)}</summary>`, '', markdown, '</details>', ''];
}

function footer(run: RunInfo, note?: string): string {
  const parts = [
    run.sha == null ? undefined : `For commit ${run.sha.slice(0, 7)}.`,
    note,
    run.runUrl === undefined ? undefined : `[Workflow run](${run.runUrl}).`,
  ].filter((p) => p !== undefined);
  return parts.length === 0 ? '' : `<sub>${parts.join(' ')}</sub>\n`;
}
