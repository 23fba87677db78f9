import type { DiagnosticCode } from './catalog.js';

export type Severity = 'error' | 'warning';

/**
 * A problem found in the user's input, as a value. Stages gather every diagnostic they find and
 * return them together, so that one run reports everything that needs fixing.
 */
export interface Diagnostic {
  severity: Severity;
  code: DiagnosticCode;
  message: string;
  /** How to fix it. */
  hint?: string;
  /** Path relative to the working directory, with `/` separators. */
  file?: string;
  line?: number;
  column?: number;
  /** Dotted path of the offending field, e.g. `channels.2`. */
  field?: string;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Stable order for output: by file, then position, then code. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      compare(a.file ?? '', b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      compare(a.code, b.code),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
