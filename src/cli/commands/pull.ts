import { ExitCode, UsageError } from '../../util/errors.js';
import { renderPullRefused, renderPullReport } from '../../render/pull-report.js';
import { commonOptions, COMMON_OPTIONS, parseFlags, stringValue } from '../args.js';
import { wantsColor, type Io } from '../../app/io.js';
import { runPull, type PullOptions } from '../../app/pull.js';

export const pullUsage = `Usage: opencx-trainings pull [--target NAME] [--all | --unmanaged] [--dir DIR] [--force] [--map-directories] [--dry-run]

Write one Markdown file per OpenCX training, pinned to it by \`id:\`, so that an org made in the
dashboard moves to Git in one command. Reads the org; never writes to it. Existing files are
never overwritten without --force. A second pull writes nothing.

Which trainings:
  (default)              those without a file here: not pinned by a file, and not managed by
                         this namespace under a key a file has; other namespaces' are left out
  --unmanaged            only trainings that no repository manages (no ownership marker)
  --all                  every training of the org, other namespaces' too

Options:
  --target NAME          target from opencx.yml (default: default_target, else the local emulator)
  --dir DIR              write under DIR (default: the trainings root), laid out as
                         <directory>/<title>.md
  --force                overwrite the files of trainings that already have one (with --all)
  --map-directories      add the directory names the files use to \`directories:\` in opencx.yml
  --dry-run              show what would be written, and write nothing
  --root DIR, --config FILE, --no-color, --debug (print every API request)
`;

export function parsePullArgs(args: readonly string[]): PullOptions | 'help' {
  const { values } = parseFlags(
    {
      ...COMMON_OPTIONS,
      all: { type: 'boolean' },
      unmanaged: { type: 'boolean' },
      dir: { type: 'string' },
      force: { type: 'boolean' },
      'map-directories': { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      debug: { type: 'boolean' },
    },
    args,
  );
  if (values.help === true) return 'help';
  if (values.all === true && values.unmanaged === true) {
    throw new UsageError('--all and --unmanaged exclude each other: choose one.');
  }
  return {
    ...commonOptions(values),
    debug: values.debug === true,
    mode: values.all === true ? 'all' : values.unmanaged === true ? 'unmanaged' : 'new',
    dir: stringValue(values.dir),
    force: values.force === true,
    mapDirectories: values['map-directories'] === true,
    dryRun: values['dry-run'] === true,
  };
}

export async function pull(options: PullOptions, io: Io): Promise<ExitCode> {
  const color = wantsColor(io, options.color);
  const outcome = await runPull(options, io, io.stdout);
  if (outcome.kind === 'unreadable') {
    io.stderr.write(renderPullRefused(outcome.diagnostics, { color }));
    return ExitCode.error;
  }
  io.stdout.write(renderPullReport(outcome.result, { color }));
  return outcome.result.complete ? ExitCode.ok : ExitCode.error;
}
