import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { sortDiagnostics } from '../diagnostics/diagnostic.js';
import type { ApplyReport, ResultStatus } from '../reconcile/apply-types.js';
import type { Plan } from '../reconcile/plan-types.js';
import type { ReviewRecord } from '../reconcile/review-record.js';
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
export function renderPlanComment(
  plan: Plan,
  run: RunInfo = {},
  sections = '',
  record?: ReviewRecord,
): string {
  const applied = 'Updated on every push; applied when the pull request is merged.';
  const extra = sections === '' ? '' : `\n${sections}`;
  const hidden = record === undefined ? '' : `${reviewRecordLine(record)}\n`;
  return `${renderPlanMarkdown(plan)}${extra}\n${footer(run, applied)}${hidden}`;
}

const RECORD_PREFIX = '<!-- opencx-trainings:reviewed ';

/** The review record as a hidden line: base64url JSON, which no `-->` can end early. */
function reviewRecordLine(record: ReviewRecord): string {
  return `${RECORD_PREFIX}${Buffer.from(JSON.stringify(record)).toString('base64url')} -->`;
}

/** The review record's JSON in a comment, or undefined when it holds none. */
export function reviewRecordJson(body: string): unknown {
  const start = body.lastIndexOf(RECORD_PREFIX);
  if (start === -1) return undefined;
  const end = body.indexOf(' -->', start);
  const encoded = body.slice(start + RECORD_PREFIX.length, end === -1 ? undefined : end);
  try {
    return JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
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

/** The plan applied on a merge is not the one its pull request showed: how they differ. */
export function renderPlanChanged(
  pullRequest: number,
  differences: readonly string[],
  refused: boolean,
  run: RunInfo = {},
): string {
  const out = [
    `### OpenCX apply: the plan differs from the one reviewed on #${pullRequest}`,
    '',
    refused
      ? 'Nothing was applied (`plan-changed: refuse`). Plan again on a new pull request, review it, and merge it.'
      : 'It was applied as it is now (`plan-changed: warn`). What changed since the review:',
    '',
    ...differences.slice(0, MAX_PROBLEM_ROWS).map((d) => `- ${escapeHtml(d)}`),
    ...(differences.length > MAX_PROBLEM_ROWS
      ? [`- and ${differences.length - MAX_PROBLEM_ROWS} more`]
      : []),
    '',
    'The org or the files changed between the review and the merge (a dashboard edit, another merge).',
    '',
  ];
  return `${out.join('\n')}${footer(run)}`;
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
