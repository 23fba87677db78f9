import path from 'node:path';
import type { Config, Target } from '../config/config.js';
import { describeTarget, selectTarget } from '../config/targets.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { assemblePull } from '../pull/assemble.js';
import { directoryNames, segmentNames } from '../pull/convert.js';
import { fetchOrg, type Org } from '../pull/fetch-org.js';
import { listExistingPaths, writePlannedFiles } from '../pull/files.js';
import { localTrainings, unreadableFiles } from '../pull/local.js';
import { pullResult, type PullResult } from '../pull/result.js';
import type { PullMode } from '../pull/select.js';
import type { Io, Writer } from './io.js';
import { mapDirectoriesInConfig } from './map-directories.js';
import { loadProject } from './project.js';
import { connectTo, type SyncOptions } from './session.js';

export interface PullOptions extends SyncOptions {
  mode: PullMode;
  /** Output folder; default: the trainings root. */
  dir: string | undefined;
  force: boolean;
  /** Add the directory names the files use to `directories:` in opencx.yml. */
  mapDirectories: boolean;
  /** Read and decide, but write nothing: no file, no opencx.yml. */
  dryRun: boolean;
}

/** A pull refused before any request (files that cannot be read), or what it did. */
export type PullOutcome =
  { kind: 'unreadable'; diagnostics: Diagnostic[] } | { kind: 'pulled'; result: PullResult };

/**
 * Pull the target's org into the project's files. Every file under the root must read as a
 * training first: one that does not may pin a training, which would then be written twice.
 * The org is read over a connection held only for that; the whole pull is decided before
 * anything is written (assemblePull); files are written one by one, a failure never stopping
 * the others; opencx.yml is edited last, and only when asked. The first line written to `info`
 * names the target, as for plan and apply.
 */
export async function runPull(options: PullOptions, io: Io, info: Writer): Promise<PullOutcome> {
  const project = await loadProject(
    options,
    io,
    (c) => selectTarget(c, io.env, options.target).directories,
  );
  const unreadable = unreadableFiles(project.diagnostics, project.source?.trainings ?? []);
  if (project.config === null || project.source === null || unreadable.length > 0) {
    return {
      kind: 'unreadable',
      diagnostics: project.config === null ? project.diagnostics : unreadable,
    };
  }
  const config = project.config;
  const target = selectTarget(config, io.env, options.target);
  info.write(`${describeTarget(target)}\n`);

  const dir = path.resolve(io.cwd, options.dir ?? project.root);
  const org = await readOrg(target, config, options, io);
  const plan = assemblePull({
    remotes: org.remotes,
    local: localTrainings(project.source.trainings, dir, io.cwd),
    existingPaths: await listExistingPaths(dir),
    namespace: config.namespace,
    mode: options.mode,
    force: options.force,
    refs: {
      segments: segmentNames(org.segments),
      directories: directoryNames(target.directories, org.directories),
    },
    folder: path.relative(io.cwd, dir).split(path.sep).join('/') || '.',
  });
  const results = options.dryRun ? [] : await writePlannedFiles(dir, plan.files);
  const unmapped = plan.unmappedDirectories;
  const mappedIn =
    options.mapDirectories && !options.dryRun && Object.keys(unmapped).length > 0
      ? await mapDirectoriesInConfig(
          {
            file: config.file,
            target: options.target ?? config.defaultTarget ?? undefined,
            cwd: io.cwd,
          },
          unmapped,
        )
      : null;
  return {
    kind: 'pulled',
    result: pullResult(plan, { dryRun: options.dryRun, results, mappedIn }),
  };
}

/** The whole org, over a connection let go of before any file is written. */
async function readOrg(target: Target, config: Config, options: SyncOptions, io: Io): Promise<Org> {
  const connection = await connectTo(target, config, options, io);
  try {
    return await fetchOrg(connection.client);
  } finally {
    await connection.close();
  }
}
