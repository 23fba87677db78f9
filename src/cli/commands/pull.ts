import { ExitCode, UsageError } from '../../util/errors.js';
import { renderPullRefused, renderPullReport } from '../../render/pull-report.js';
import { commonOptions, COMMON_OPTIONS, parseFlags, stringValue, type Flags } from '../args.js';
import { renderUsage, SESSION_ROWS, TARGET_ROW } from '../usage.js';
import { wantsColor, type Io } from '../../app/io.js';
import { runPull, type PullOptions } from '../../app/pull.js';

const PULL_FLAGS = {
  all: { type: 'boolean' },
  unmanaged: { type: 'boolean' },
  drifted: { type: 'boolean' },
  dir: { type: 'string', value: 'DIR' },
  force: { type: 'boolean' },
  'map-directories': { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  debug: { type: 'boolean' },
  ...COMMON_OPTIONS,
} as const satisfies Flags;

export const pullUsage = renderUsage({
  command: 'pull',
  flags: PULL_FLAGS,
  about: `Write one Markdown file per OpenCX training, pinned to it by \`id:\`, so that an org made in the
dashboard moves to Git in one command. Reads the org; never writes to it. Existing files are
never overwritten without --force. A second pull writes nothing.`,
  sections: [
    {
      title: 'Which trainings',
      rows: [
        [
          '(default)',
          "those without a file here: not pinned by a file, and not managed by this namespace under a key a file has; other namespaces' are left out",
        ],
        ['--unmanaged', 'only trainings that no repository manages (no ownership marker)'],
        ['--all', "every training of the org, other namespaces' too"],
        [
          '--drifted',
          'those that differ from their file (what a plan would change back): their files are rewritten with what OpenCX holds, and the files of trainings deleted there are removed',
        ],
      ],
    },
    {
      title: 'Options',
      rows: [
        TARGET_ROW,
        ['--dir DIR', 'write under DIR (default: the trainings root), as <directory>/<title>.md'],
        ['--force', 'overwrite the files of trainings that already have one (with --all)'],
        [
          '--map-directories',
          'add the directory names the files use to `directories:` in opencx.yml',
        ],
        ['--dry-run', 'show what would be written, and write nothing'],
        ...SESSION_ROWS,
      ],
    },
  ],
  examples: [
    'opencx-trainings pull --target production --dry-run',
    'opencx-trainings pull --target production --map-directories',
    'opencx-trainings pull --all --force',
    'opencx-trainings pull --target production --drifted',
  ],
});

export function parsePullArgs(args: readonly string[]): PullOptions | 'help' {
  const { values } = parseFlags(PULL_FLAGS, args);
  if (values.help === true) return 'help';
  const modes = (['all', 'unmanaged', 'drifted'] as const).filter((m) => values[m] === true);
  if (modes.length > 1) {
    throw new UsageError(
      `${modes.map((m) => `--${m}`).join(' and ')} exclude each other: choose one.`,
    );
  }
  if (modes[0] === 'drifted' && values.dir !== undefined) {
    throw new UsageError('--drifted rewrites the files where they are: it takes no --dir.');
  }
  return {
    ...commonOptions(values),
    debug: values.debug === true,
    mode: modes[0] ?? 'new',
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
