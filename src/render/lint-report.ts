import type { Finding } from '../lint/lint.js';
import type { FindingSeverity } from '../lint/settings.js';
import { plural, styleFor } from './style.js';
import { formatAnnotation } from './workflow-commands.js';

export const LINT_FORMATS = ['text', 'json', 'github'] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];

/** JSON output of `lint`; bump it on any incompatible change (docs/plan-format.md, "Lint"). */
const LINT_FORMAT_VERSION = 1;

function countFindings(findings: readonly Finding[]): Record<FindingSeverity, number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** The whole output of `lint` in one format. Pure. */
export function renderLintReport(
  findings: readonly Finding[],
  options: { format: LintFormat; color: boolean; trainings: number },
): string {
  switch (options.format) {
    case 'json':
      return `${JSON.stringify(
        {
          format_version: LINT_FORMAT_VERSION,
          trainings: options.trainings,
          counts: countFindings(findings),
          findings,
        },
        null,
        2,
      )}\n`;
    case 'github':
      return `${findings
        .map((f) =>
          formatAnnotation(f.severity === 'info' ? 'notice' : f.severity, f.message, {
            file: f.file,
            line: f.line,
            col: f.column,
            title: `opencx-trainings lint ${f.rule}`,
          }),
        )
        .join('')}${verdict(findings, options.trainings, false)}`;
    case 'text': {
      const s = styleFor(options.color);
      const paint = { error: s.red, warning: s.yellow, info: s.cyan };
      const lines = findings.map(
        (f) =>
          `${s.bold(`${f.file}:${f.line}:${f.column}`)}: ${paint[f.severity](f.severity)}: ${f.message} ${s.dim(`[${f.rule}]`)}\n`,
      );
      return `${lines.join('')}${lines.length > 0 ? '\n' : ''}${verdict(findings, options.trainings, options.color)}`;
    }
  }
}

/** The last line: nothing found, or the counts. */
function verdict(findings: readonly Finding[], trainings: number, color: boolean): string {
  const s = styleFor(color);
  if (findings.length === 0)
    return `${s.green('✔')} ${plural(trainings, 'training')} linted: no findings.\n`;
  const counts = countFindings(findings);
  const parts = [
    counts.error > 0 ? plural(counts.error, 'error') : '',
    counts.warning > 0 ? plural(counts.warning, 'warning') : '',
    counts.info > 0 ? `${counts.info} info` : '',
  ].filter((p) => p !== '');
  const mark = counts.error > 0 ? s.red('✖') : s.yellow('!');
  return `${mark} ${parts.join(', ')} in ${plural(trainings, 'training')}.\n`;
}
