import type { Action, Plan } from '../reconcile/plan-types.js';
import { hasChanges } from '../reconcile/plan-types.js';
import { unifiedDiff } from './content-diff.js';
import {
  VERBS,
  describeReason,
  describeSummary,
  fileLabel,
  formatValue,
  isTextField,
  labelOf,
} from './describe.js';
import { plural, styleFor, type Style } from './style.js';

export interface TextOptions {
  color: boolean;
  /** Also list trainings without changes. */
  verbose?: boolean;
}

const SYMBOLS: Record<Action['kind'], string> = {
  create: '+',
  update: '~',
  publish: '↑',
  unpublish: '↓',
  delete: '-',
  'repair-duplicate': '-',
  'no-op': ' ',
};

/** The plan for a person at a terminal, Terraform style: each action, its diff, a summary. */
export function renderPlanText(plan: Plan, options: TextOptions): string {
  const s = styleFor(options.color);
  const out: string[] = [];
  const shown = plan.actions.filter((a) => options.verbose === true || a.kind !== 'no-op');
  for (const action of shown) {
    const lines = renderAction(action, s);
    // Actions with details get a blank line after them; one-liners stay together.
    out.push(...lines, ...(lines.length > 2 ? [''] : []));
  }
  if (shown.length > 0 && out.at(-1) !== '') out.push('');

  if (plan.warnings.length > 0) {
    out.push(s.yellow('Warnings:'));
    for (const w of plan.warnings) out.push(`  ${s.yellow('!')} ${w.message}`);
    out.push('');
  }
  const unchanged = plan.summary['no-op'];
  if (!hasChanges(plan)) {
    out.push(
      `${s.green('No changes.')} OpenCX matches the files (${plural(unchanged, 'training')}).`,
    );
  } else {
    out.push(`${s.bold('Plan:')} ${describeSummary(plan)}; ${unchanged} unchanged.`);
  }
  return `${out.join('\n')}\n`;
}

function renderAction(action: Action, s: Style): string[] {
  const color = colorOf(action, s);
  const head = `${color(`${SYMBOLS[action.kind]} ${VERBS[action.kind]}`)} ${s.bold(action.key)}  ${JSON.stringify(action.title)}`;
  const lines = [
    head,
    `    ${s.dim(describeReason(action))}${action.file === null ? '' : s.dim(` · ${action.file}`)}`,
  ];
  if (action.kind === 'update' || action.kind === 'publish' || action.kind === 'unpublish') {
    for (const change of action.changes) {
      if (isTextField(change)) continue;
      lines.push(
        `    ${labelOf(change)}: ${formatValue(change.before)} → ${formatValue(change.after)}`,
      );
    }
    for (const change of action.changes.filter(isTextField)) {
      const before = typeof change.before === 'string' ? change.before : '';
      const after = typeof change.after === 'string' ? change.after : '';
      const diff = unifiedDiff(before, after, {
        from: `OpenCX ${labelOf(change)}`,
        to: change.field === 'pending_edit' ? 'removed' : fileLabel(action),
      });
      lines.push(...diff.map((l) => `    ${colorDiffLine(l, s)}`));
    }
  }
  return lines;
}

function colorOf(action: Action, s: Style): (text: string) => string {
  switch (action.kind) {
    case 'create':
    case 'publish':
      return s.green;
    case 'update':
    case 'unpublish':
      return s.yellow;
    case 'delete':
    case 'repair-duplicate':
      return s.red;
    case 'no-op':
      return s.dim;
  }
}

function colorDiffLine(line: string, s: Style): string {
  if (line.startsWith('+++') || line.startsWith('---')) return s.bold(line);
  if (line.startsWith('@@')) return s.cyan(line);
  if (line.startsWith('!')) return s.yellow(line);
  if (line.startsWith('+')) return s.green(line);
  if (line.startsWith('-')) return s.red(line);
  return line;
}
