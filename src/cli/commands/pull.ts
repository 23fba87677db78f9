import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { addDirectoryMappings } from '../../config/edit.js';
import { CONFIG_FILE, parseConfig } from '../../config/load.js';
import { describeTarget, selectTarget } from '../../config/targets.js';
import { diagnose } from '../../diagnostics/catalog.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { ConfigError, ExitCode, UsageError } from '../../util/errors.js';
import { assemblePull, type PullPlan } from '../../pull/assemble.js';
import { directoryNames, segmentNames } from '../../pull/convert.js';
import { fetchOrg } from '../../pull/fetch-org.js';
import { listExistingPaths, writePlannedFiles } from '../../pull/files.js';
import type { LocalTraining, PullMode } from '../../pull/select.js';
import { renderDiagnostics } from '../../render/diagnostics.js';
import { renderPullReport } from '../../render/pull-report.js';
import { writeFileAtomic } from '../../util/safe-write.js';
import { commonOptions, COMMON_OPTIONS, parseFlags, stringValue } from '../args.js';
import { wantsColor, type Io } from '../../app/io.js';
import { loadProject } from '../../app/project.js';
import { connectTo, type SyncOptions } from '../../app/session.js';

export interface PullOptions extends SyncOptions {
  mode: PullMode;
  /** Output folder; default: the trainings root. */
  dir: string | undefined;
  force: boolean;
  mapDirectories: boolean;
  dryRun: boolean;
}

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
  const project = await loadProject(
    options,
    io,
    (c) => selectTarget(c, io.env, options.target).directories,
  );
  const unreadable = unreadableFiles(project.diagnostics, project.source?.trainings ?? []);
  if (project.config === null || project.source === null || unreadable.length > 0) {
    io.stderr.write(
      renderDiagnostics(project.config === null ? project.diagnostics : unreadable, { color }),
    );
    io.stderr.write(
      'Nothing was pulled: every file must be readable first, since one may already stand for a training (opencx-trainings validate).\n',
    );
    return ExitCode.error;
  }
  const config = project.config;
  const target = selectTarget(config, io.env, options.target);
  io.stdout.write(`${describeTarget(target)}\n`);

  const dir = path.resolve(io.cwd, options.dir ?? project.root);
  const folder = path.relative(io.cwd, dir).split(path.sep).join('/') || '.';
  const relative = (file: string): string =>
    path.relative(dir, path.resolve(io.cwd, file)).split(path.sep).join('/');
  const local: LocalTraining[] = project.source.trainings.map((d) => ({
    file: relative(d.file),
    key: d.key,
    id: d.id,
    directory: d.directory,
  }));

  const connection = await connectTo(target, config, options, io);
  let plan: PullPlan;
  try {
    const org = await fetchOrg(connection.client);
    plan = assemblePull({
      remotes: org.remotes,
      local,
      existingPaths: await listExistingPaths(dir),
      namespace: config.namespace,
      mode: options.mode,
      force: options.force,
      refs: {
        segments: segmentNames(org.segments),
        directories: directoryNames(target.directories, org.directories),
      },
      folder,
    });
  } finally {
    await connection.close();
  }

  const results = options.dryRun ? [] : await writePlannedFiles(dir, plan.files);
  const failed: Diagnostic[] = results.flatMap((r) => {
    const where = { file: `${folder}/${r.path}` };
    if (r.outcome === 'outside')
      return [diagnose('path-outside-folder', { folder, symlink: true }, where)];
    if (r.outcome === 'failed')
      return [diagnose('write-failed', { reason: r.reason ?? 'unknown error' }, where)];
    return [];
  });
  const mappedIn =
    options.mapDirectories && !options.dryRun && Object.keys(plan.unmappedDirectories).length > 0
      ? await mapDirectories(
          config.file,
          plan.unmappedDirectories,
          options.target ?? config.defaultTarget,
          io,
        )
      : null;
  io.stdout.write(
    renderPullReport(plan, {
      color,
      dryRun: options.dryRun,
      results,
      diagnostics: failed,
      mappedIn,
    }),
  );
  const refused = plan.diagnostics.some((d) => d.severity === 'error') || failed.length > 0;
  return refused ? ExitCode.error : ExitCode.ok;
}

/**
 * Files that could not be read as trainings. Pull stops on them, since one may pin a training
 * that would then be written twice; problems between valid files (an unmapped directory, a
 * repeated key) do not hide any identity and do not stop it.
 */
function unreadableFiles(
  diagnostics: readonly Diagnostic[],
  trainings: readonly { file: string }[],
): Diagnostic[] {
  const read = new Set(trainings.map((t) => t.file));
  return diagnostics.filter(
    (d) => d.severity === 'error' && d.file !== undefined && !read.has(d.file),
  );
}

/** Add the names to opencx.yml (made if missing), checked by the config's own parser first. */
async function mapDirectories(
  configFile: string | null,
  mappings: Readonly<Record<string, string>>,
  target: string | null | undefined,
  io: Io,
): Promise<string> {
  const file = configFile ?? CONFIG_FILE;
  const absolute = path.resolve(io.cwd, file);
  const text = configFile === null ? '' : await readFile(absolute, 'utf8');
  const edited = addDirectoryMappings(text, mappings, target ?? undefined);
  if (!parseConfig(file, edited).ok) {
    throw new ConfigError(
      `Could not add the directories to ${file} without breaking it; add them by hand.`,
    );
  }
  await writeFileAtomic(absolute, edited, { overwrite: true });
  return file;
}
