import type { RequestEvent } from '../api/client.js';
import { fetchRemoteState, type RemoteState } from '../api/remote-state.js';
import type { Config, Target } from '../config/config.js';
import { describeTarget, selectTarget } from '../config/targets.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Plan } from '../reconcile/plan-types.js';
import { fingerprintSource } from '../reconcile/fingerprint.js';
import { assemblePlan } from '../reconcile/plan.js';
import { resolveReferences } from '../reconcile/resolve.js';
import { renderDiagnostics } from '../render/diagnostics.js';
import { renderProblemsJson } from '../render/validate-report.js';
import { shareTexts } from '../model/remote.js';
import type { Desired } from '../model/training.js';
import type { CommonOptions } from './options.js';
import { connect, type Connection } from './connect.js';
import { ExitCode, ExitError } from '../util/errors.js';
import { wantsColor, type Io, type Writer } from './io.js';
import { loadProject, projectDir } from './project.js';

export interface SyncOptions extends CommonOptions {
  /** Print every API request on stderr. */
  debug: boolean;
}

/**
 * Where the problems found in the files or at plan time go, `fatal` when they end the command.
 * People get them as text on stderr; the GitHub action turns them into annotations on the pull
 * request; `--format json` makes the fatal ones its one document on stdout.
 */
export type ShowDiagnostics = (diagnostics: readonly Diagnostic[], how: { fatal: boolean }) => void;

function printDiagnostics(io: Io, options: SyncOptions): ShowDiagnostics {
  return (diagnostics) =>
    void io.stderr.write(renderDiagnostics(diagnostics, { color: wantsColor(io, options.color) }));
}

/** For `--format json`: the problems that end the command as JSON on stdout, warnings as text. */
export function jsonDiagnostics(io: Io, options: SyncOptions): ShowDiagnostics {
  const print = printDiagnostics(io, options);
  return (diagnostics, how) =>
    how.fatal ? void io.stdout.write(renderProblemsJson(diagnostics)) : print(diagnostics, how);
}

/** A target, connected, with its config. The caller closes the connection. */
export interface Session {
  config: Config;
  target: Target;
  connection: Connection;
  desired: Desired[];
  /** The digest of the training files as read (SourceState.digest). */
  sourceDigest: string;
}

/**
 * Read the project and connect to its target. The first line written to `info` names the
 * target; problems in the files are printed and end the command before any request is made.
 */
export async function openSession(
  options: SyncOptions,
  io: Io,
  info: Writer,
  show: ShowDiagnostics = printDiagnostics(io, options),
): Promise<Session> {
  // Never the parse cache: only the training files decide what is sent (--no-cache is a no-op).
  const project = await loadProject(
    options,
    io,
    (c) => selectTarget(c, io.env, options.target).directories,
    { cache: false },
  );
  if (project.config === null || project.source === null) {
    show(project.diagnostics, { fatal: true });
    throw new ExitError(ExitCode.error);
  }
  const config = project.config;
  const target = selectTarget(config, io.env, options.target);
  info.write(`${describeTarget(target)}\n`);
  const fatal = hasErrors(project.diagnostics);
  if (project.diagnostics.length > 0) show(project.diagnostics, { fatal });
  if (fatal) {
    io.stderr.write(
      `Nothing was sent to OpenCX: fix the problems above first (opencx-trainings validate).\n`,
    );
    throw new ExitError(ExitCode.error);
  }
  const connection = await connectTo(target, config, options, io);
  const { trainings: desired, digest: sourceDigest } = project.source;
  return { config, target, connection, desired, sourceDigest };
}

/** Connect to the target, local data relative to the project, requests printed with --debug. */
export function connectTo(
  target: Target,
  config: Config,
  options: SyncOptions,
  io: Io,
): Promise<Connection> {
  return connect(target, {
    baseDir: projectDir(config, io),
    env: io.env,
    ...(options.debug ? { onRequest: debugRequests(io) } : {}),
  });
}

/** `--debug`: one line on stderr per API request (OpenCX's and GitHub's alike). */
export function debugRequests(io: Io): (e: RequestEvent) => void {
  return (e) =>
    io.stderr.write(
      `[debug] ${e.method} ${e.path} → ${e.status ?? e.error ?? '?'} in ${e.ms} ms (attempt ${e.attempt}${e.requestId === undefined ? '' : `, request ${e.requestId}`})\n`,
    );
}

/** Read the org and compute the plan. Unknown segments or directories end the command here. */
export async function planSession(
  session: Session,
  io: Io,
  options: SyncOptions,
  show: ShowDiagnostics = printDiagnostics(io, options),
): Promise<{ plan: Plan; state: RemoteState }> {
  const { config, target, connection, desired } = session;
  const byKey = new Map(desired.map((d) => [d.key, d]));
  const byId = new Map(desired.flatMap((d) => (d.id === null ? [] : [[d.id, d] as const])));
  const state = await fetchRemoteState(connection.client, {
    namespace: config.namespace,
    pinnedIds: [...byId.keys()],
    needSegments: desired.some((d) => d.segments.length > 0),
    needDirectories: desired.some((d) => d.directory !== null),
    adopt: (r) =>
      shareTexts(
        r,
        byId.get(r.id) ??
          (r.ownership?.namespace === config.namespace ? byKey.get(r.ownership.key) : undefined),
      ),
  });
  const { resolved, diagnostics } = resolveReferences(desired, {
    segments: state.segments,
    directories: target.directories,
    directoryIds:
      state.directories === undefined ? undefined : new Set(state.directories.map((d) => d.id)),
  });
  if (hasErrors(diagnostics)) {
    show(diagnostics, { fatal: true });
    io.stderr.write(`Nothing was changed in OpenCX.\n`);
    throw new ExitError(ExitCode.error);
  }
  const plan = assemblePlan({
    desired: resolved,
    remotes: state.remotes,
    namespace: config.namespace,
    prune: config.prune,
    maxDeletes: config.maxDeletes,
    maxDeleteRatio: config.maxDeleteRatio,
    target: {
      name: target.name,
      url: target.kind === 'remote' ? target.url : 'local',
      kind: target.kind,
    },
    names: {
      segments: Object.fromEntries(state.segments.map((s) => [s.id, s.name])),
      directories: namesOfDirectories(target.directories, state),
    },
    remoteFingerprint: state.fingerprint,
    sourceFingerprint: fingerprintSource(session.sourceDigest, {
      namespace: config.namespace,
      prune: config.prune,
      maxDeletes: config.maxDeletes,
      maxDeleteRatio: config.maxDeleteRatio,
      directories: target.directories,
    }),
  });
  return { plan, state };
}

/** Directory ids to the names used in files: the config's map first, then the server's names. */
function namesOfDirectories(
  mapped: Readonly<Record<string, string>>,
  state: RemoteState,
): Record<string, string> {
  const names: Record<string, string> = {};
  for (const d of state.directories ?? []) names[d.id] = d.name;
  for (const [name, id] of Object.entries(mapped)) names[id] = name;
  return names;
}
