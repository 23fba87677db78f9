import { hasErrors } from '../../diagnostics/diagnostic.js';
import {
  countBySeverity,
  describeCounts,
  renderAnnotations,
  renderDiagnostics,
} from '../../render/diagnostics.js';
import { plural, styleFor } from '../../render/style.js';
import type { CommonOptions } from '../../app/options.js';
import { choice, commonOptions, COMMON_OPTIONS, parseFlags } from '../args.js';
import { ExitCode } from '../../util/errors.js';
import { wantsColor, type Io } from '../../app/io.js';
import { loadProject } from '../../app/project.js';

export const VALIDATE_FORMATS = ['text', 'json', 'github'] as const;

export interface ValidateOptions extends CommonOptions {
  format: (typeof VALIDATE_FORMATS)[number];
}

export const validateUsage = `Usage: opencx-trainings validate [--root DIR] [--format text|json|github]

Check every training file offline and report all problems at once.
Exit status: 0 when every file is valid, 1 when not.

Options:
  --root DIR        trainings folder (default: root in opencx.yml, else trainings)
  --config FILE     configuration file (default: opencx.yml)
  --target NAME     check directory names against this target's mapping
  --format FORMAT   text (default), json, or github (workflow annotations)
  --no-color        plain output even on a terminal
  --no-cache        parse every file afresh, without the parse cache (see OPENCX_CACHE_DIR)
`;

export function parseValidateArgs(args: readonly string[]): ValidateOptions | 'help' {
  const { values } = parseFlags({ ...COMMON_OPTIONS, format: { type: 'string' } }, args);
  if (values.help === true) return 'help';
  return {
    ...commonOptions(values),
    format: choice('format', values.format, VALIDATE_FORMATS, 'text'),
  };
}

/** JSON output of `validate`; bump FORMAT_VERSION on any incompatible change. */
export const VALIDATE_FORMAT_VERSION = 1;

export async function validate(options: ValidateOptions, io: Io): Promise<ExitCode> {
  const project = await loadProject(options, io, undefined, { cache: options.cache });
  const diagnostics = project.diagnostics;
  const valid = !hasErrors(diagnostics);

  if (options.format === 'json') {
    const { errors, warnings } = countBySeverity(diagnostics);
    const report = {
      format_version: VALIDATE_FORMAT_VERSION,
      valid,
      root: project.root,
      files: project.source?.files ?? 0,
      trainings: project.source?.trainings.length ?? 0,
      errors,
      warnings,
      diagnostics,
    };
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return valid ? ExitCode.ok : ExitCode.error;
  }

  if (options.format === 'github') io.stdout.write(renderAnnotations(diagnostics));
  const color = wantsColor(io, options.color);
  const s = styleFor(color);
  if (options.format === 'text' && diagnostics.length > 0) {
    io.stdout.write(`${renderDiagnostics(diagnostics, { color })}\n`);
  }
  const files = project.source?.files ?? 0;
  if (valid) {
    const warned = diagnostics.length > 0 ? ` (${describeCounts(diagnostics)})` : '';
    io.stdout.write(
      `${s.green('✔')} ${plural(files, 'training')} in ${project.root}/ valid${warned}.\n`,
    );
    return ExitCode.ok;
  }
  const broken = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file)).size;
  io.stdout.write(
    `${s.red('✖')} ${describeCounts(diagnostics)} in ${plural(broken, 'file')} (${plural(files, 'file')} checked).\n`,
  );
  return ExitCode.error;
}
