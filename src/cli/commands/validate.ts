import { hasErrors } from '../../diagnostics/diagnostic.js';
import {
  renderValidateReport,
  VALIDATE_FORMATS,
  type ValidateFormat,
} from '../../render/validate-report.js';
import type { CommonOptions } from '../../app/options.js';
import { choice, commonOptions, COMMON_OPTIONS, parseFlags, type Flags } from '../args.js';
import { FILES_ROWS, FILES_TARGET_ROW, renderUsage } from '../usage.js';
import { ExitCode } from '../../util/errors.js';
import { wantsColor, type Io } from '../../app/io.js';
import { loadProject } from '../../app/project.js';

export interface ValidateOptions extends CommonOptions {
  format: ValidateFormat;
  /** Reuse parse results of unchanged files (source/cache.ts). */
  cache: boolean;
}

const VALIDATE_FLAGS = {
  format: { type: 'string', value: VALIDATE_FORMATS.join('|') },
  ...COMMON_OPTIONS,
} as const satisfies Flags;

export const validateUsage = renderUsage({
  command: 'validate',
  flags: VALIDATE_FLAGS,
  about: `Check every training file offline and report all problems at once.
Exit status: 0 when every file is valid, 1 when not.`,
  sections: [
    {
      title: 'Options',
      rows: [
        ['--format FORMAT', 'text (default), json (diagnostics), or github (workflow annotations)'],
        FILES_TARGET_ROW,
        ...FILES_ROWS,
      ],
    },
  ],
  examples: [
    'opencx-trainings validate',
    'opencx-trainings validate --root support/trainings --format json',
  ],
});

export function parseValidateArgs(args: readonly string[]): ValidateOptions | 'help' {
  const { values } = parseFlags(VALIDATE_FLAGS, args);
  if (values.help === true) return 'help';
  return {
    ...commonOptions(values),
    format: choice('format', values.format, VALIDATE_FORMATS, 'text'),
    cache: values['no-cache'] !== true,
  };
}

export async function validate(options: ValidateOptions, io: Io): Promise<ExitCode> {
  const project = await loadProject(options, io, undefined, { cache: options.cache });
  const summary = {
    root: project.root,
    files: project.source?.files ?? 0,
    trainings: project.source?.trainings.length ?? 0,
    diagnostics: project.diagnostics,
  };
  io.stdout.write(
    renderValidateReport(summary, {
      format: options.format,
      color: wantsColor(io, options.color),
    }),
  );
  return hasErrors(project.diagnostics) ? ExitCode.error : ExitCode.ok;
}
