import type { Position } from '../model/training.js';
import { catalog, type ArgsOf, type DiagnosticCode, type Entry, type Severity } from './catalog.js';
import { compareStrings } from '../util/compare.js';

export type { DiagnosticCode, Severity };

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
      compareStrings(a.file ?? '', b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      compareStrings(a.code, b.code),
  );
}

export interface Where {
  file?: string | undefined;
  position?: Position | undefined;
  field?: string | undefined;
}

/** Build a diagnostic from its catalogue entry. */
export function diagnose<C extends DiagnosticCode>(
  code: C,
  args: ArgsOf<C>,
  where: Where = {},
): Diagnostic {
  const e = catalog[code] as Entry<ArgsOf<C>>;
  const hint = e.hint(args);
  return {
    severity: e.severity,
    code,
    message: e.message(args),
    ...(hint === undefined ? {} : { hint }),
    ...(where.file === undefined ? {} : { file: where.file }),
    ...(where.position === undefined
      ? {}
      : { line: where.position.line, column: where.position.column }),
    ...(where.field === undefined ? {} : { field: where.field }),
  };
}
