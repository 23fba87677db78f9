import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { sortDiagnostics } from '../diagnostics/diagnostic.js';
import { plural, styleFor } from './style.js';
import { formatAnnotation } from './workflow-commands.js';

/** `file:line:col`, as editors and terminals make clickable. */
export function formatLocation(d: Diagnostic): string {
  if (d.file === undefined) return '';
  if (d.line === undefined) return d.file;
  return d.column === undefined ? `${d.file}:${d.line}` : `${d.file}:${d.line}:${d.column}`;
}

/** Every diagnostic as two lines: where, what and code; then how to fix it. */
export function renderDiagnostics(
  diagnostics: readonly Diagnostic[],
  options: { color: boolean },
): string {
  const s = styleFor(options.color);
  return sortDiagnostics(diagnostics)
    .map((d) => {
      const where = formatLocation(d);
      const severity = d.severity === 'error' ? s.red('error') : s.yellow('warning');
      const field = d.field === undefined ? '' : ` ${s.cyan(d.field)}`;
      const head = `${where === '' ? '' : `${s.bold(where)}: `}${severity}${field}: ${d.message} ${s.dim(`[${d.code}]`)}`;
      return d.hint === undefined ? head : `${head}\n  ${s.dim('hint:')} ${d.hint}`;
    })
    .map((text) => `${text}\n`)
    .join('');
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): {
  errors: number;
  warnings: number;
} {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return { errors, warnings: diagnostics.length - errors };
}

/** "3 errors and 1 warning" */
export function describeCounts(diagnostics: readonly Diagnostic[]): string {
  const { errors, warnings } = countBySeverity(diagnostics);
  const parts = [
    errors > 0 ? plural(errors, 'error') : '',
    warnings > 0 ? plural(warnings, 'warning') : '',
  ];
  return parts.filter((p) => p !== '').join(' and ') || 'no problems';
}

/** GitHub Actions workflow commands, so that problems show inline in a pull request's diff. */
export function renderAnnotations(diagnostics: readonly Diagnostic[]): string {
  return sortDiagnostics(diagnostics)
    .map((d) =>
      formatAnnotation(d.severity, d.hint === undefined ? d.message : `${d.message}\n${d.hint}`, {
        file: d.file,
        line: d.line,
        col: d.column,
        title: `opencx-trainings ${d.code}`,
      }),
    )
    .join('');
}
