import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CommonOptions } from '../app/options.js';
import { ExitError, UserFacingError } from '../util/errors.js';
import type { Io } from '../app/io.js';
import {
  debugRequests,
  openSession,
  planSession,
  type Session,
  type ShowDiagnostics,
} from '../app/session.js';
import { GitHubClient } from './client.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { RemoteState } from '../api/remote-state.js';
import type { Plan } from '../reconcile/plan-types.js';
import { renderAnnotations } from '../render/diagnostics.js';
import {
  renderFailureComment,
  renderProblemsComment,
  type RunInfo,
} from '../render/github-markdown.js';
import { redact } from '../util/redact.js';
import {
  directoryInWorkspace,
  pathFromRoot,
  readGitHubContext,
  type GitHubContext,
} from './context.js';

/** The options of `opencx-trainings github`, as action.yml passes its inputs. */
export interface ActionOptions extends CommonOptions {
  mode: 'plan' | 'apply' | 'drift' | 'adopt';
  /** Post the plan as a sticky pull request comment. */
  comment: boolean;
  /** Where to save the plan JSON; default: in RUNNER_TEMP. */
  planOut: string | undefined;
  allowMassDelete: boolean;
  /** apply: what to do when the plan differs from the one shown on the merged pull request. */
  planChanged: 'warn' | 'refuse';
  debug: boolean;
}

/** One run of the action: its GitHub context, and the problems found on the way. */
export interface ActionRun {
  context: GitHubContext;
  /** The working directory from the repository root. */
  directory: string;
  info: RunInfo;
  /** Every diagnostic shown, with paths from the repository root. */
  problems: Diagnostic[];
  /** Shows diagnostics as annotations, so that they appear on the lines of the diff. */
  show: ShowDiagnostics;
}

export async function startRun(io: Io): Promise<ActionRun> {
  const context = await readGitHubContext(io.env);
  const directory = directoryInWorkspace(context, io.cwd);
  const problems: Diagnostic[] = [];
  return {
    context,
    directory,
    info: { sha: context.event.sha, runUrl: context.runUrl },
    problems,
    show: (diagnostics) => {
      const located = diagnostics.map((d) =>
        d.file === undefined ? d : { ...d, file: pathFromRoot(d.file, directory) },
      );
      problems.push(...located);
      io.stdout.write(renderAnnotations(located));
    },
  };
}

/** Connect, plan, hand the plan (and the org's state it was made from) to `use`, and always let go of the connection. */
export async function withPlan<T>(
  options: ActionOptions,
  io: Io,
  run: ActionRun,
  use: (plan: Plan, session: Session, state: RemoteState) => Promise<T>,
): Promise<T> {
  const session = await openSession(options, io, io.stdout, run.show);
  try {
    const { plan, state } = await planSession(session, io, options, run.show);
    return await use(plan, session, state);
  } finally {
    await session.connection.close();
  }
}

/**
 * The Markdown that explains why a plan or apply stopped: the problems in the files, or the
 * error's message (redacted). A bug is not explained here: it is rethrown to be reported as one.
 */
export function explainFailure(
  error: unknown,
  what: 'plan' | 'apply',
  run: ActionRun,
  io: Io,
): string {
  if (error instanceof ExitError && hasErrors(run.problems)) {
    return renderProblemsComment(run.problems, what, run.info);
  }
  if (error instanceof UserFacingError || error instanceof ExitError) {
    const message =
      error instanceof ExitError ? `The ${what} stopped (exit ${error.code}).` : error.message;
    return renderFailureComment(what, redact(message, io.env), run.info);
  }
  throw error;
}

/** A file for later steps of the job: given by a flag, else in RUNNER_TEMP, else in .opencx/. */
export async function saveForLaterSteps(
  io: Io,
  run: ActionRun,
  given: string | undefined,
  name: string,
  text: string | Iterable<string>,
): Promise<string> {
  const file =
    given === undefined
      ? path.join(run.context.tempDir ?? path.join(io.cwd, '.opencx'), name)
      : path.resolve(io.cwd, given);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
  return file;
}

/** A client of GitHub's API with the run's token, every request printed with --debug. */
export function githubClientOf(
  run: ActionRun,
  token: string,
  io: Io,
  debug: boolean,
): GitHubClient {
  return new GitHubClient({
    apiUrl: run.context.apiUrl,
    token,
    ...(debug ? { onRequest: debugRequests(io) } : {}),
  });
}
