import { hasErrors } from '../../diagnostics/diagnostic.js';
import { lintTrainings } from '../../lint/lint.js';
import { renderDiagnostics } from '../../render/diagnostics.js';
import { LINT_FORMATS, renderLintReport, type LintFormat } from '../../render/lint-report.js';
import { renderProblemsJson } from '../../render/validate-report.js';
import type { CommonOptions } from '../../app/options.js';
import { choice, commonOptions, COMMON_OPTIONS, parseFlags, type Flags } from '../args.js';
import { ExitCode } from '../../util/errors.js';
import { wantsColor, type Io } from '../../app/io.js';
import { loadProject } from '../../app/project.js';
import { FILES_ROWS, FILES_TARGET_ROW, renderUsage } from '../usage.js';

export interface LintOptions extends CommonOptions {
  format: LintFormat;
  cache: boolean;
}

const LINT_FLAGS = {
  format: { type: 'string', value: LINT_FORMATS.join('|') },
  ...COMMON_OPTIONS,
} as const satisfies Flags;

export const lintUsage = renderUsage({
  command: 'lint',
  flags: LINT_FLAGS,
  about: `Check what the trainings tell the agent, offline: triggers that overlap for the same
customers, instructions said twice, always-on text over its budget, placeholders left in, banned
or missing phrases, contradictions. The files must be valid first (validate). The rules and their
settings are the \`lint:\` section of opencx.yml (see the README).
Exit status: 1 when a finding is an error, else 0.`,
  sections: [
    {
      title: 'Options',
      rows: [
        ['--format FORMAT', 'text (default), json, or github (workflow annotations)'],
        FILES_TARGET_ROW,
        ...FILES_ROWS,
      ],
    },
  ],
  examples: ['opencx-trainings lint', 'opencx-trainings lint --format github'],
});

export function parseLintArgs(args: readonly string[]): LintOptions | 'help' {
  const { values } = parseFlags(LINT_FLAGS, args);
  if (values.help === true) return 'help';
  return {
    ...commonOptions(values),
    format: choice('format', values.format, LINT_FORMATS, 'text'),
    cache: values['no-cache'] !== true,
  };
}

export async function lint(options: LintOptions, io: Io): Promise<ExitCode> {
  const project = await loadProject(options, io, undefined, { cache: options.cache });
  const color = wantsColor(io, options.color);
  if (project.config === null || project.source === null || hasErrors(project.diagnostics)) {
    // Lint reads what the files mean: they must first be what a training file is.
    if (options.format === 'json') io.stdout.write(renderProblemsJson(project.diagnostics));
    else io.stderr.write(renderDiagnostics(project.diagnostics, { color }));
    io.stderr.write(
      'Nothing was linted: fix the problems above first (opencx-trainings validate).\n',
    );
    return ExitCode.error;
  }
  const findings = lintTrainings(project.source.trainings, project.config.lint);
  io.stdout.write(
    renderLintReport(findings, {
      format: options.format,
      color,
      trainings: project.source.trainings.length,
    }),
  );
  return findings.some((f) => f.severity === 'error') ? ExitCode.error : ExitCode.ok;
}
