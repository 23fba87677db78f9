import type { Training } from '../api/contract.js';
import { ApiError } from '../api/errors.js';
import { UserFacingError } from '../util/errors.js';
import { keyFilter, readOwnership } from '../model/ownership.js';
import {
  APPLY_FORMAT_VERSION,
  NOT_STARTED,
  type ActionResult,
  type ApplyClient,
  type ApplyEvent,
  type ApplyReport,
} from './apply-types.js';
import { findConcurrentCopies } from './concurrent-copies.js';
import { mapInPool } from '../util/pool.js';
import { describeGuard, guardOfActions, type DeleteLimits } from './guards.js';
import type { Action, DeleteGuard, Plan, RepairAction } from './plan-types.js';

export interface ApplyOptions {
  /** The delete thresholds of the configuration; never taken from the plan. */
  limits: DeleteLimits;
  /** Carry out a plan that the mass-delete guard refuses. */
  allowMassDelete: boolean;
  onEvent?: (event: ApplyEvent) => void;
  /**
   * Once aborted (Ctrl+C), no further action starts: those under way finish, the rest are
   * reported as skipped, and deletes do not run.
   */
  signal?: AbortSignal;
}

/**
 * Actions under way at once. More than the client's connections, so that they are never idle
 * (an action may be several requests), and few enough that an interruption stops soon.
 */
const ACTIONS_AT_ONCE = 16;

/** The mass-delete guard refused the plan; nothing was written. */
export class MassDeleteRefusedError extends UserFacingError {
  override name = 'MassDeleteRefusedError';
  constructor(readonly guard: DeleteGuard) {
    super(`Refusing to apply: ${describeGuard(guard)}`);
  }
}

/**
 * The guard that refuses this plan, or null when it may be applied. Counted again from the
 * actions and the configured limits: a `guard` written in a plan (or a file) decides nothing.
 */
export function refusingGuard(
  plan: Pick<Plan, 'actions'>,
  options: Pick<ApplyOptions, 'limits' | 'allowMassDelete'>,
): DeleteGuard | null {
  const guard = guardOfActions(plan.actions, options.limits);
  return guard.tripped && !options.allowMassDelete ? guard : null;
}

/**
 * Carry out a plan. The mass-delete guard is checked here, before any write, so that no caller
 * can skip it. Creates, updates and publications run first (concurrently, paced by the client's
 * scheduler); then the keys just created are read back and copies made by a run writing at the
 * same moment are removed, keeping the oldest; deletes run last, and not at all if anything
 * before them failed, so that a failure half-way never leaves the agent with fewer instructions
 * than before. Every action gets a result; a failure never stops the others. Apply never
 * prints: progress goes to onEvent.
 */
export async function applyPlan(
  plan: Plan,
  client: ApplyClient,
  options: ApplyOptions,
): Promise<ApplyReport> {
  const refused = refusingGuard(plan, options);
  if (refused !== null) throw new MassDeleteRefusedError(refused);

  const emit = options.onEvent ?? (() => undefined);
  const work = plan.actions.filter((a) => a.kind !== 'no-op');
  const isRemoval = (a: Action): boolean => a.kind === 'delete' || a.kind === 'repair-duplicate';
  let total = work.length;
  let done = 0;
  emit({ type: 'start', total });

  const run = async (
    action: Action,
    perform: (action: Action) => Promise<Outcome>,
  ): Promise<ActionResult> => {
    emit({ type: 'action-start', action });
    let outcome: Outcome;
    try {
      outcome = await perform(action);
    } catch (error) {
      outcome = { status: 'failed', id: idOf(action), detail: messageOf(error) };
    }
    const result = { ...describe(action), ...outcome };
    emit({ type: 'action-done', result, done: ++done, total });
    return result;
  };
  const act = (a: Action): Promise<Outcome> => perform(a, plan.namespace, client);

  // Set once the signal has held anything back; a signal after the last action changes nothing.
  let stopped = false;
  const interrupted = (): boolean => (stopped ||= options.signal?.aborted === true);
  const resultOf = new Map<Action, ActionResult>();
  const carryOut = (actions: readonly Action[], how: (a: Action) => Promise<Outcome>) =>
    mapInPool(actions, ACTIONS_AT_ONCE, async (a) =>
      resultOf.set(a, await run(a, interrupted() ? () => Promise.resolve(notStarted(a)) : how)),
    );

  await carryOut(
    work.filter((a) => !isRemoval(a)),
    act,
  );

  // Copies of the keys just created, made by another run writing at the same moment.
  const created = [...resultOf.values()].filter((r) => r.kind === 'create' && r.status === 'ok');
  let repairs: RepairAction[] = [];
  const checks: ActionResult[] = [];
  try {
    // Interrupted, the read-back waits for the next apply, which repairs any copy.
    if (created.length > 0 && !interrupted()) {
      repairs = await findConcurrentCopies(client, plan, created);
    }
  } catch (error) {
    const result = failedCheck(created, error);
    emit({ type: 'action-done', result, done: ++done, total: ++total });
    checks.push(result);
  }
  total += repairs.length;
  checks.push(
    ...(await mapInPool(repairs, ACTIONS_AT_ONCE, (r) =>
      run(r, async (a) => ({ ...(await act(a)), detail: CONCURRENT_COPY })),
    )),
  );

  const failed = [...resultOf.values(), ...checks].filter((r) => r.status === 'failed').length;
  await carryOut(
    work.filter(isRemoval),
    failed === 0
      ? act
      : (a) =>
          Promise.resolve({
            status: 'skipped',
            id: idOf(a),
            detail: `not deleted because ${failed} earlier action(s) failed; fix them and apply again`,
          }),
  );

  // In the order of the plan, then the copies removed: not in the order they finished.
  const all = [...work.map((a) => resultOf.get(a) as ActionResult), ...checks];
  return {
    format_version: APPLY_FORMAT_VERSION,
    results: all,
    counts: {
      ok: all.filter((r) => r.status === 'ok').length,
      failed: all.filter((r) => r.status === 'failed').length,
      skipped: all.filter((r) => r.status === 'skipped').length,
    },
    concurrent_keys: [...new Set(repairs.map((r) => r.key))],
    interrupted: stopped,
  };
}

function notStarted(action: Action): Outcome {
  return { status: 'skipped', id: idOf(action), detail: NOT_STARTED };
}

const CONCURRENT_COPY = 'a copy made by another run writing at the same time; the oldest is kept';

/** The read-back after the creates failed: duplicates may be left, which the next apply repairs. */
function failedCheck(created: readonly ActionResult[], error: unknown): ActionResult {
  return {
    kind: 'repair-duplicate',
    key: '',
    file: null,
    title: `read-back of the ${created.length} training(s) just created`,
    status: 'failed',
    id: null,
    detail: `could not check for copies made by a run writing at the same time: ${messageOf(error)}. Apply again to repair any.`,
  };
}

type Outcome = Pick<ActionResult, 'status' | 'id' | 'detail'>;

function describe(action: Action): Pick<ActionResult, 'kind' | 'key' | 'file' | 'title'> {
  return { kind: action.kind, key: action.key, file: action.file, title: action.title };
}

function idOf(action: Action): string | null {
  return action.kind === 'create' ? null : action.id;
}

async function perform(action: Action, namespace: string, client: ApplyClient): Promise<Outcome> {
  switch (action.kind) {
    case 'create': {
      // After an ambiguous failure, the key tells whether the create happened after all. The
      // filter narrows the listing; the ownership each training records decides.
      const findExisting = async (): Promise<Training | undefined> => {
        for await (const t of client.listTrainings({
          metadata: keyFilter(namespace, action.key),
        })) {
          const owner = readOwnership(t.metadata);
          if (owner?.namespace === namespace && owner.key === action.key) return t;
        }
        return undefined;
      };
      const created = await client.createTraining(
        { ...action.payload, metadata: action.metadata },
        findExisting,
      );
      if (created.is_draft !== action.payload.is_draft)
        await client.setDraft(created.id, action.payload.is_draft);
      return { status: 'ok', id: created.id };
    }
    case 'update': {
      const updated = await client.updateTraining(action.id, { ...action.payload });
      // A server may keep the draft flag out of updates; the dedicated endpoint settles it.
      if (updated.is_draft !== action.payload.is_draft)
        await client.setDraft(action.id, action.payload.is_draft);
      return { status: 'ok', id: action.id };
    }
    case 'publish':
    case 'unpublish':
      await client.setDraft(action.id, action.kind === 'unpublish');
      return { status: 'ok', id: action.id };
    case 'delete':
    case 'repair-duplicate': {
      const outcome = await client.deleteTraining(action.id);
      return {
        status: 'ok',
        id: action.id,
        ...(outcome === 'absent' ? { detail: 'already gone' } : {}),
      };
    }
    case 'no-op':
      return { status: 'ok', id: action.id };
  }
}

function messageOf(error: unknown): string {
  if (error instanceof ApiError && error.status === 404)
    return `${error.message} (the training was deleted since the plan was made)`;
  return error instanceof Error ? error.message : String(error);
}
