import type { Action, Plan } from '../reconcile/plan-types.js';
import { hasChanges } from '../reconcile/plan-types.js';
import { unifiedDiff } from './content-diff.js';
import { cell, codeCell, escapeHtml, fence } from './markdown.js';
import {
  VERBS,
  describeReason,
  describeSummary,
  fileLabel,
  formatValue,
  isTextField,
  labelOf,
} from './describe.js';

/** Diffs longer than this many lines are folded away in a <details> block. */
const MARKDOWN_DIFF_OPEN_LINES = 20;
/** GitHub refuses comments over 65,536 characters; stay well below. */
export const MARKDOWN_MAX_CHARS = 60_000;

const ICONS: Record<Action['kind'], string> = {
  create: '🟢',
  update: '🟡',
  publish: '🔼',
  unpublish: '🔽',
  delete: '🔴',
  'repair-duplicate': '🔴',
  'no-op': '⚪',
};

/**
 * The plan for a pull request comment or a job summary. A plan too long for a comment loses its
 * diffs first, then its rows, and says so.
 */
export function renderPlanMarkdown(plan: Plan): string {
  const full = render(plan, true);
  if (full.length <= MARKDOWN_MAX_CHARS) return full;
  const note =
    '\n_Diffs left out: the plan is too long for a comment. Run `opencx-trainings plan` to see them._\n';
  const short = render(plan, false);
  if (short.length + note.length <= MARKDOWN_MAX_CHARS) return short + note;
  const cut = short.lastIndexOf('\n', MARKDOWN_MAX_CHARS - note.length);
  return `${short.slice(0, cut)}\n${note}`;
}

function render(plan: Plan, withDiffs: boolean): string {
  const out: string[] = [];
  const changed = plan.actions.filter((a) => a.kind !== 'no-op');
  const deletes = plan.summary.delete + plan.summary['repair-duplicate'];
  out.push(`### OpenCX plan: ${describeSummary(plan)}`, '');
  out.push(
    `Target \`${plan.target.name}\` · namespace \`${plan.namespace}\` · ${plan.summary['no-op']} unchanged`,
    '',
  );

  if (deletes > 0) {
    out.push(
      '> [!WARNING]',
      `> This plan **deletes ${deletes} training${deletes === 1 ? '' : 's'}** from OpenCX.`,
    );
    if (plan.guard.tripped)
      out.push('> The mass-delete guard will refuse it unless applied with `--allow-mass-delete`.');
    out.push('');
  }
  if (!hasChanges(plan)) {
    out.push('No changes: OpenCX matches the files.');
  } else {
    out.push('| | training | key | why |', '|---|---|---|---|');
    for (const a of changed) {
      out.push(
        `| ${ICONS[a.kind]} ${VERBS[a.kind]} | ${cell(a.title)} | ${codeCell(a.key)} | ${cell(describeReason(a))} |`,
      );
    }
    out.push('');
    if (withDiffs) for (const a of changed) out.push(...renderDetails(a));
  }
  if (plan.warnings.length > 0) {
    out.push('**Warnings**', '', ...plan.warnings.map((w) => `- ${escapeHtml(w.message)}`), '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function renderDetails(action: Action): string[] {
  if (action.kind !== 'update' && action.kind !== 'publish' && action.kind !== 'unpublish')
    return [];
  const fields = action.changes
    .filter((c) => !isTextField(c))
    .map((c) => `${labelOf(c)}: ${formatValue(c.before)} → ${formatValue(c.after)}`);
  const diff = action.changes.filter(isTextField).flatMap((c) =>
    unifiedDiff(
      typeof c.before === 'string' ? c.before : '',
      typeof c.after === 'string' ? c.after : '',
      {
        from: `OpenCX ${labelOf(c)}`,
        to: c.field === 'pending_edit' ? 'removed' : fileLabel(action),
      },
    ),
  );
  // A publication alone says all in its table row.
  if (diff.length === 0 && action.changes.every((c) => c.field === 'draft')) return [];
  const body = fence([...fields.map((f) => `! ${f}`), ...diff].join('\n'), 'diff');
  const title = `<code>${escapeHtml(action.key)}</code>: ${escapeHtml(action.changes.map(labelOf).join(', '))}`;
  const open = body.length <= MARKDOWN_DIFF_OPEN_LINES ? ' open' : '';
  return [`<details${open}><summary>${title}</summary>`, '', ...body, '', '</details>', ''];
}
