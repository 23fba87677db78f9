import {
  NOT_STARTED,
  type ActionResult,
  type ApplyEvent,
  type ApplyReport,
} from '../reconcile/apply-types.js';
import type { ActionKind } from '../reconcile/plan-types.js';
import { styleFor, type Style } from './style.js';

const DONE: Record<ActionKind, string> = {
  create: 'created',
  update: 'updated',
  publish: 'published',
  unpublish: 'unpublished',
  delete: 'deleted',
  'repair-duplicate': 'removed duplicate',
  'no-op': 'unchanged',
};

/** One line for a finished action: what happened to which training. */
function formatResult(result: ActionResult, s: Style): string {
  const name = `${s.bold(result.key)}${result.id === null ? '' : s.dim(` (${result.id})`)}`;
  switch (result.status) {
    case 'ok':
      return `${s.green('✔')} ${DONE[result.kind]} ${name}${result.detail === undefined ? '' : s.dim(`: ${result.detail}`)}`;
    case 'failed':
      return `${s.red('✖')} ${result.kind} ${name} failed: ${result.detail ?? 'unknown error'}`;
    case 'skipped':
      return `${s.yellow('-')} ${result.kind} ${name} skipped: ${result.detail ?? ''}`;
  }
}

/** "3 created, 1 updated, 1 deleted; 1 failed" */
export function describeReport(report: ApplyReport): string {
  const counts = new Map<string, number>();
  for (const r of report.results) {
    if (r.status === 'ok') counts.set(DONE[r.kind], (counts.get(DONE[r.kind]) ?? 0) + 1);
  }
  const done = [...counts].map(([verb, n]) => `${n} ${verb}`).join(', ') || 'nothing changed';
  const problems = [
    report.counts.failed > 0 ? `${report.counts.failed} failed` : '',
    report.counts.skipped > 0 ? `${report.counts.skipped} skipped` : '',
  ].filter((p) => p !== '');
  return problems.length === 0 ? done : `${done}; ${problems.join(', ')}`;
}

/** The closing report: the summary, then every failure and skip again, so none scrolls away. */
export function renderApplyReport(report: ApplyReport, options: { color: boolean }): string {
  const s = styleFor(options.color);
  const ok = report.counts.failed === 0;
  const heading = report.interrupted
    ? s.yellow('Apply interrupted:')
    : ok
      ? s.green('Apply complete:')
      : s.red('Apply finished with errors:');
  const lines = [`${heading} ${describeReport(report)}.`];
  const notStarted = report.results.filter((r) => r.detail === NOT_STARTED).length;
  for (const r of report.results.filter((x) => x.status !== 'ok' && x.detail !== NOT_STARTED))
    lines.push(`  ${formatResult(r, s)}`);
  if (notStarted > 0) {
    lines.push(`  ${notStarted} action(s) not started: apply again to carry them out.`);
  }
  const concurrent = describeConcurrentWrites(report);
  if (concurrent !== undefined) lines.push(s.yellow(concurrent));
  return `${lines.join('\n')}\n`;
}

/** The apply report as documented JSON (docs/plan-format.md, "Apply report"). */
export function renderApplyJson(report: ApplyReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/**
 * What `apply` prints last on stdout. Pure. JSON: the whole report (docs/plan-format.md), even
 * when empty, so that a tool always gets one document; text: the closing report, when anything
 * was attempted.
 */
export function renderApplyOutput(
  report: ApplyReport,
  options: { format: 'text' | 'json'; color: boolean },
): string {
  if (options.format === 'json') return renderApplyJson(report);
  return report.results.length > 0
    ? `\n${renderApplyReport(report, { color: options.color })}`
    : '';
}

/** Said when another run created the same trainings at the same moment as this one. */
export function describeConcurrentWrites(report: ApplyReport): string | undefined {
  const keys = report.concurrent_keys;
  if (keys.length === 0) return undefined;
  const shown =
    keys.length > 5
      ? `${keys.slice(0, 5).join(', ')} and ${keys.length - 5} more`
      : keys.join(', ');
  return `Another run was writing to this namespace at the same time: ${keys.length} training(s) were created twice (${shown}); the extra copies were removed, keeping the oldest of each.`;
}

/**
 * Progress while applying. On a terminal: one line redrawn in place, with failures printed above
 * it as they happen. Otherwise (CI logs): one line per finished action.
 */
export function progressRenderer(
  write: (text: string) => void,
  options: { color: boolean; tty: boolean },
): (event: ApplyEvent) => void {
  const s = styleFor(options.color);
  let failed = 0;
  return (event) => {
    if (event.type !== 'action-done') return;
    if (event.result.status === 'failed') failed++;
    if (!options.tty) {
      write(`${formatResult(event.result, s)}\n`);
      return;
    }
    const clear = '\r\u001b[2K';
    const above = event.result.status === 'ok' ? '' : `${clear}${formatResult(event.result, s)}\n`;
    const width = 24;
    const filled = Math.round((event.done / Math.max(1, event.total)) * width);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    const tail = failed > 0 ? s.red(` · ${failed} failed`) : '';
    const end = event.done === event.total ? `${clear}` : '';
    write(`${above}${clear}Applying ${bar} ${event.done}/${event.total}${tail}${end}`);
  };
}
