import path from 'node:path';
import type { Config, Target } from '../config/config.js';
import { describeTarget, selectTarget } from '../config/targets.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { assemblePull, type PullPlan } from '../pull/assemble.js';
import { driftAdoption, type DriftAdoption } from '../pull/drifted.js';
import type { RemoteState } from '../api/remote-state.js';
import type { Plan } from '../reconcile/plan-types.js';
import { directoryNames, segmentNames } from '../pull/convert.js';
import { fetchOrg, type Org } from '../pull/fetch-org.js';
import { listExistingPaths, removePlannedFiles, writePlannedFiles } from '../pull/files.js';
import { localTrainings, unreadableFiles } from '../pull/local.js';
import { pullResult, type PullResult } from '../pull/result.js';
import type { PullMode } from '../pull/select.js';
import type { Io, Writer } from './io.js';
import { mapDirectoriesInConfig, type ConfigEdit } from './map-directories.js';
import { loadProject } from './project.js';
import { connectTo, openSession, planSession, type SyncOptions } from './session.js';

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

/** A pull decided and not yet written: what it would write, where, and which opencx.yml maps names. */
export interface PreparedPull {
  kind: 'prepared';
  plan: PullPlan;
  /** The output folder, absolute. */
  dir: string;
  config: ConfigEdit;
}

/**
 * Pull the target's org into the project's files. Every file under the root must read as a
 * training first: one that does not may pin a training, which would then be written twice.
 * The whole pull is decided before anything is written (preparePull); files are written one
 * by one, a failure never stopping the others; opencx.yml is edited last, and only when asked.
 * The first line written to `info` names the target, as for plan and apply.
 */
export async function runPull(options: PullOptions, io: Io, info: Writer): Promise<PullOutcome> {
  const prepared = await preparePull(options, io, info);
  if (prepared.kind === 'unreadable') return prepared;
  const { plan, dir } = prepared;
  const results = options.dryRun
    ? []
    : [
        ...(await writePlannedFiles(dir, plan.files)),
        ...(await removePlannedFiles(dir, plan.removals)),
      ];
  const unmapped = plan.unmappedDirectories;
  const mappedIn =
    options.mapDirectories && !options.dryRun && Object.keys(unmapped).length > 0
      ? await mapDirectoriesInConfig(prepared.config, unmapped)
      : null;
  return {
    kind: 'pulled',
    result: pullResult(plan, { dryRun: options.dryRun, results, mappedIn }),
  };
}

/** A plan of the target, with the state of the org it was made from. */
export interface PlannedTarget {
  plan: Plan;
  state: RemoteState;
}

/**
 * Decide a pull and write nothing. The org is read over a connection held only for that. In
 * mode `drifted`, the target is planned first (unless `planned` is that plan), and the pull
 * takes the trainings the plan would change back: their files are rewritten with what OpenCX
 * holds, and the files of trainings deleted there are removed. Those trainings are all in the
 * state the plan read, so the org is not listed a second time.
 */
export async function preparePull(
  options: PullOptions,
  io: Io,
  info: Writer,
  planned?: PlannedTarget,
): Promise<PreparedPull | Extract<PullOutcome, { kind: 'unreadable' }>> {
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
  const { org, drift } =
    options.mode === 'drifted'
      ? await readDrift(planned ?? (await planQuietly(options, io)), target, config, options, io)
      : { org: await readOrg(target, config, options, io), drift: undefined };

  const dir = path.resolve(io.cwd, options.dir ?? project.root);
  const fromDir = (file: string): string =>
    path.relative(dir, path.resolve(io.cwd, file)).split(path.sep).join('/');
  const plan = assemblePull({
    remotes: drift === undefined ? org.remotes : org.remotes.filter((r) => drift.ids.has(r.id)),
    local: localTrainings(project.source.trainings, dir, io.cwd),
    existingPaths: await listExistingPaths(dir),
    namespace: config.namespace,
    mode: options.mode,
    // Adopting a drift rewrites the files that differ: that is what it is for.
    force: options.force || drift !== undefined,
    refs: {
      segments: segmentNames(org.segments),
      directories: directoryNames(target.directories, org.directories),
    },
    folder: path.relative(io.cwd, dir).split(path.sep).join('/') || '.',
    ...(drift === undefined
      ? {}
      : {
          drift: {
            removals: drift.removals.map((r) => ({ path: fromDir(r.file), title: r.title })),
            duplicates: drift.duplicates,
          },
        }),
  });
  const edit = {
    file: config.file,
    target: options.target ?? config.defaultTarget ?? undefined,
    cwd: io.cwd,
  };
  return { kind: 'prepared', plan, dir, config: edit };
}

/** The target's plan, its problems printed on stderr and its target line dropped. */
async function planQuietly(options: PullOptions, io: Io): Promise<PlannedTarget> {
  const session = await openSession(options, io, { write: () => true });
  try {
    return await planSession(session, io, options);
  } finally {
    await session.connection.close();
  }
}

/**
 * A drift's adoption, and the org as far as it needs it: the trainings of the plan's state, and
 * the directory listing when a drifted training has a directory and the plan did not need the
 * listing (no file names one), so that the file names it as the dashboard does.
 */
async function readDrift(
  { plan, state }: PlannedTarget,
  target: Target,
  config: Config,
  options: SyncOptions,
  io: Io,
): Promise<{ org: Org; drift: DriftAdoption }> {
  const drift = driftAdoption(plan);
  const needDirectories =
    state.directories === undefined &&
    state.remotes.some((r) => drift.ids.has(r.id) && r.directoryId !== null);
  if (!needDirectories) return { org: state, drift };
  const connection = await connectTo(target, config, options, io);
  try {
    return { org: { ...state, directories: await connection.client.listDirectories() }, drift };
  } finally {
    await connection.close();
  }
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
