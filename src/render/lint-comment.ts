import type { ScopeImpact } from '../lint/compare.js';
import type { Finding } from '../lint/lint.js';
import { describeSituations } from '../lint/scope.js';
import { cell, codeCell } from './markdown.js';

/** What a pull request changes in what the agent is told, against its base. */
export interface LintSections {
  /** Null when the base could not be read (not a git checkout, or the commit not found). */
  impact: ScopeImpact[] | null;
  added: Finding[];
  /** Findings on the head that the base already had: counted, not listed. */
  existing: number;
}

/** Rows of a section at most: the comment stays short; the rest is counted. */
const MAX_ROWS = 15;
const ICONS = { error: '⛔', warning: '⚠️', info: 'ℹ️' } as const;

/** The two sections the plan comment gains: impact by scope, and new lint findings. Pure. */
export function renderLintSections(s: LintSections): string {
  const out = ['#### Impact by scope', ''];
  if (s.impact === null) {
    out.push('The base of the pull request could not be read: no comparison.', '');
  } else if (s.impact.length === 0) {
    out.push('No situation gains, loses or changes a training.', '');
  } else {
    out.push('| where | gains | loses | changes |', '|---|---|---|---|');
    for (const i of s.impact.slice(0, MAX_ROWS)) {
      const keys = (list: string[]) => list.map(codeCell).join(' ');
      out.push(
        `| ${cell(describeSituations(i.situations))} | ${keys(i.added)} | ${keys(i.removed)} | ${keys(i.changed)} |`,
      );
    }
    if (s.impact.length > MAX_ROWS) out.push(`| and ${s.impact.length - MAX_ROWS} more | | | |`);
    out.push('');
  }
  out.push('#### New lint findings', '');
  if (s.added.length === 0) out.push('None.');
  for (const f of s.added.slice(0, MAX_ROWS)) {
    out.push(`- ${ICONS[f.severity]} \`${f.file}:${f.line}\` ${f.rule}: ${cell(f.message)}`);
  }
  if (s.added.length > MAX_ROWS) out.push(`- and ${s.added.length - MAX_ROWS} more`);
  if (s.existing > 0) {
    out.push(
      '',
      `${s.existing} finding(s) already on the base are not listed (\`opencx-trainings lint\` shows them all).`,
    );
  }
  return `${out.join('\n')}\n`;
}
