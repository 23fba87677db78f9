import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { applyPlan } from '../reconcile/apply.js';
import { emptyReport, type ApplyEvent, type ApplyReport } from '../reconcile/apply-types.js';
import { hasChanges, type Plan } from '../reconcile/plan-types.js';
import { comparePlans } from '../reconcile/saved-plan.js';
import { renderPlan, type PlanFormat } from '../render/plan-formats.js';
import { ExitError } from '../util/errors.js';
import type { Io, Writer } from './io.js';
import { loadProject } from './project.js';
import { openSession, planSession, type Session, type ShowDiagnostics } from './session.js';

/**
 * The programmatic API (`import { plan } from 'opencx-trainings'`): what validate, plan and
 * apply do, as functions that return data and print nothing. They read the repository and
 * opencx.yml as the commands do; problems in the files are thrown as a ProblemsError.
 */

export interface ProjectOptions {
  /** The repository's folder: opencx.yml and relative paths start here (default: the process's). */
  cwd?: string;
  /** Another configuration file than opencx.yml. */
  config?: string;
  /** Another trainings folder than the configuration's. */
  root?: string;
  /** A target of opencx.yml (default: default_target, else the embedded local emulator). */
  target?: string;
  /** Where the targets' API keys are read from (default: the process's environment). */
  env?: Readonly<Record<string, string | undefined>>;
}

export interface Validation {
  valid: boolean;
  /** The trainings folder, relative to `cwd`. */
  root: string;
  files: number;
  trainings: number;
  /** Every problem, errors and warnings, in file order. */
  diagnostics: Diagnostic[];
}

export interface ApplyOptions extends ProjectOptions {
  /**
   * A plan reviewed earlier (from `plan`, or a file of `plan --out`): applied only when a plan
   * computed now has the same actions and fingerprints; otherwise nothing is written.
   */
  plan?: Plan;
  /** Carry out a plan that the mass-delete guard refuses. */
  allowMassDelete?: boolean;
  /** Progress: each action as it starts and ends. */
  onEvent?: (event: ApplyEvent) => void;
  /** Once aborted, no further action starts; see ApplyReport.interrupted. */
  signal?: AbortSignal;
}

/** The files (or what the plan found in them) have errors: nothing was sent. */
export class ProblemsError extends Error {
  override name = 'ProblemsError';
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    const first = errors[0];
    super(
      `${errors.length} problem(s) in the training files${first === undefined ? '' : `, first: ${first.file ?? 'opencx.yml'}: ${first.message}`}`,
    );
  }
}

/** Check every training file offline, as `validate` does (without its parse cache). */
export async function validate(options: ProjectOptions = {}): Promise<Validation> {
  const project = await loadProject(commonOf(options), silentIo(options));
  return {
    valid: !hasErrors(project.diagnostics),
    root: project.root,
    files: project.source?.files ?? 0,
    trainings: project.source?.trainings.length ?? 0,
    diagnostics: project.diagnostics,
  };
}

/** What apply would change in the target, as `plan` computes it. Reads the org, writes nothing. */
export async function plan(options: ProjectOptions = {}): Promise<Plan> {
  return withSession(options, (_session, fresh) => Promise.resolve(fresh));
}

/** Make the target match the files, as `apply --yes` does: the plan computed, and its report. */
export async function apply(
  options: ApplyOptions = {},
): Promise<{ plan: Plan; report: ApplyReport }> {
  return withSession(options, async (session, fresh) => {
    const differences = options.plan === undefined ? [] : comparePlans(options.plan, fresh);
    if (differences.length > 0) {
      throw new Error(
        `The plan given no longer holds; nothing was changed.\n${differences.map((d) => `  - ${d}`).join('\n')}`,
      );
    }
    if (!hasChanges(fresh)) return { plan: fresh, report: emptyReport() };
    const report = await applyPlan(fresh, session.connection.client, {
      limits: session.config,
      allowMassDelete: options.allowMassDelete === true,
      ...(options.onEvent === undefined ? {} : { onEvent: options.onEvent }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    return { plan: fresh, report };
  });
}

/** The plan as `plan --format` prints it (text, json or markdown), without colour. */
export function formatPlan(
  plan: Plan,
  format: PlanFormat = 'text',
  { verbose = false }: { verbose?: boolean } = {},
): string {
  return [...renderPlan(plan, format, { color: false, verbose })].join('').replace(/^\n/, '');
}

/** Open a session on the target, plan, hand both to `use`, and close the connection. */
async function withSession<T>(
  options: ProjectOptions,
  use: (session: Session, plan: Plan) => Promise<T>,
): Promise<T> {
  const io = silentIo(options);
  const problems: Diagnostic[] = [];
  const show: ShowDiagnostics = (diagnostics, { fatal }) => {
    if (fatal) problems.push(...diagnostics);
  };
  const sync = { ...commonOf(options), debug: false };
  let session: Session | undefined;
  try {
    session = await openSession(sync, io, io.stdout, show);
    const { plan: fresh } = await planSession(session, io, sync, show);
    return await use(session, fresh);
  } catch (error) {
    if (error instanceof ExitError && problems.length > 0) throw new ProblemsError(problems);
    throw error;
  } finally {
    await session?.connection.close();
  }
}

function commonOf(options: ProjectOptions) {
  return { config: options.config, root: options.root, target: options.target, color: false };
}

const DISCARD: Writer = { write: () => undefined };

/** Nothing printed, nothing asked: the API returns what the commands would print. */
function silentIo(options: ProjectOptions): Io {
  return {
    stdout: DISCARD,
    stderr: DISCARD,
    isTTY: false,
    interactive: false,
    env: options.env ?? process.env,
    cwd: options.cwd ?? process.cwd(),
    ask: () => Promise.reject(new Error('the programmatic API never asks')),
    waitForSignal: () => new Promise<string>(() => undefined),
  };
}
