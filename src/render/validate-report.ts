import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import {
  countBySeverity,
  describeCounts,
  renderAnnotations,
  renderDiagnostics,
} from './diagnostics.js';
import { plural, styleFor } from './style.js';

export const VALIDATE_FORMATS = ['text', 'json', 'github'] as const;
export type ValidateFormat = (typeof VALIDATE_FORMATS)[number];

/** JSON output of `validate`; bump it on any incompatible change (see the README). */
export const VALIDATE_FORMAT_VERSION = 1;

/** What `validate` found: the folder, how many files it read, and every problem. */
export interface ValidateSummary {
  /** The trainings folder as shown to the user. */
  root: string;
  files: number;
  trainings: number;
  diagnostics: readonly Diagnostic[];
}

/**
 * The whole output of `validate` in one format. Pure. The JSON holds everything the text
 * shows; `github` prints annotations, then the same last line as `text`.
 */
export function renderValidateReport(
  summary: ValidateSummary,
  options: { format: ValidateFormat; color: boolean },
): string {
  switch (options.format) {
    case 'json':
      return renderValidateJson(summary);
    case 'github':
      return `${renderAnnotations(summary.diagnostics)}${renderVerdict(summary, options.color)}`;
    case 'text': {
      const problems =
        summary.diagnostics.length > 0
          ? `${renderDiagnostics(summary.diagnostics, { color: options.color })}\n`
          : '';
      return `${problems}${renderVerdict(summary, options.color)}`;
    }
  }
}

/** The documented report (`format_version` 1): its keys and their order are part of it. */
export function renderValidateJson(summary: ValidateSummary): string {
  const { errors, warnings } = countBySeverity(summary.diagnostics);
  const report = {
    format_version: VALIDATE_FORMAT_VERSION,
    valid: !hasErrors(summary.diagnostics),
    root: summary.root,
    files: summary.files,
    trainings: summary.trainings,
    errors,
    warnings,
    diagnostics: summary.diagnostics,
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

/**
 * The problems that stopped `plan` or `apply --format json` before any plan: the validate
 * report's form (`format_version` 1), without what only validate counts.
 */
export function renderProblemsJson(diagnostics: readonly Diagnostic[]): string {
  const { errors, warnings } = countBySeverity(diagnostics);
  const report = {
    format_version: VALIDATE_FORMAT_VERSION,
    valid: !hasErrors(diagnostics),
    errors,
    warnings,
    diagnostics,
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** One line: all valid (with the warnings counted), or how many problems in how many files. */
function renderVerdict(summary: ValidateSummary, color: boolean): string {
  const s = styleFor(color);
  const { diagnostics, files, root } = summary;
  if (!hasErrors(diagnostics)) {
    const warned = diagnostics.length > 0 ? ` (${describeCounts(diagnostics)})` : '';
    return `${s.green('✔')} ${plural(files, 'training')} in ${root}/ valid${warned}.\n`;
  }
  const broken = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file)).size;
  return `${s.red('✖')} ${describeCounts(diagnostics)} in ${plural(broken, 'file')} (${plural(files, 'file')} checked).\n`;
}
