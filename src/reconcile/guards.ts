import type { Action, DeleteGuard } from './plan-types.js';

export interface DeleteLimits {
  maxDeletes: number;
  maxDeleteRatio: number;
}

/** The managed set must be at least this big before the ratio applies. */
const RATIO_MIN_MANAGED = 8;

/**
 * The prune guard: a plan that deletes many of the managed trainings is more likely a mistake
 * (a wrong root, a bad merge) than an intent. It trips, and `apply` refuses before any write,
 * when the deletes exceed `maxDeletes`, exceed `maxDeleteRatio` of a managed set of at least
 * RATIO_MIN_MANAGED trainings, or are the whole managed set.
 */
export function checkDeleteGuard(
  deletes: number,
  managed: number,
  limits: DeleteLimits,
): DeleteGuard {
  const reason =
    deletes > limits.maxDeletes
      ? 'max-deletes'
      : deletes > 0 && deletes >= managed
        ? 'all'
        : managed >= RATIO_MIN_MANAGED && deletes / managed > limits.maxDeleteRatio
          ? 'ratio'
          : null;
  return {
    deletes,
    managed,
    max_deletes: limits.maxDeletes,
    max_delete_ratio: limits.maxDeleteRatio,
    tripped: reason !== null,
    reason,
  };
}

/**
 * The guard of a list of actions, counted from the actions alone: every managed remote training
 * has one (matched ones an update, publish, unpublish or no-op; orphans a delete), and only the
 * deletes of trainings whose file is gone count against it (a duplicate's repair does not). The
 * plan and the engine both count this way, so what `plan` warns about is what `apply` refuses.
 */
export function guardOfActions(actions: readonly Action[], limits: DeleteLimits): DeleteGuard {
  let deletes = 0;
  let managed = 0;
  for (const a of actions) {
    if (a.kind === 'delete') deletes++;
    if (a.kind !== 'create' && a.kind !== 'repair-duplicate') managed++;
  }
  return checkDeleteGuard(deletes, managed, limits);
}

/** Why the guard refuses, naming the count, the threshold and the flag. */
export function describeGuard(guard: DeleteGuard): string {
  const count = `${guard.deletes} of the ${guard.managed} managed trainings`;
  const why =
    guard.reason === 'max-deletes'
      ? `more than max_deletes (${guard.max_deletes})`
      : guard.reason === 'all'
        ? 'every managed training'
        : `more than max_delete_ratio (${Math.round(guard.max_delete_ratio * 100)}%)`;
  return `The plan deletes ${count}: ${why}. Check the trainings folder and the target; if this is intended, apply with --allow-mass-delete.`;
}
