import type { Explanation } from '../lint/explain.js';
import { plural, styleFor } from './style.js';

/** JSON output of `explain`; bump it on any incompatible change. */
const EXPLAIN_FORMAT_VERSION = 1;

export function renderExplainJson(explanation: Explanation): string {
  return `${JSON.stringify({ format_version: EXPLAIN_FORMAT_VERSION, ...explanation }, null, 2)}\n`;
}

/** What the agent is given in one situation, as text. Pure. */
export function renderExplainText(e: Explanation, options: { color: boolean }): string {
  const s = styleFor(options.color);
  const who = e.segment === null ? 'a contact in no segment' : `a contact in "${e.segment}"`;
  const lines = [s.bold(`On ${e.channel}, with ${who}:`), ''];
  lines.push(
    `Always on (BEHAVIORAL): ${plural(e.alwaysOn.trainings.length, 'training')}, ${e.alwaysOn.characters} characters`,
  );
  for (const t of e.alwaysOn.trainings) {
    lines.push(`  ${t.title} ${s.dim(`${t.file}, ${t.characters} characters`)}`);
  }
  const count = e.scenarios.reduce((n, d) => n + d.trainings.length, 0);
  lines.push('', `Can fire (SCENARIO_SPECIFIC): ${plural(count, 'training')}`);
  for (const { directory, trainings } of e.scenarios) {
    lines.push(`  ${s.bold(directory ?? '(no directory)')}`);
    for (const t of trainings) lines.push(`    ${t.title} ${s.dim(t.file)}`);
  }
  if (e.ranked !== undefined) {
    lines.push(
      '',
      "Closest triggers to the question (word similarity, an approximation of the agent's",
      'semantic matching, which may choose otherwise):',
    );
    if (e.ranked.length === 0) lines.push('  none shares a word with it');
    for (const t of e.ranked) {
      lines.push(`  ${t.score.toFixed(2)}  ${t.title} ${s.dim(t.file)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
