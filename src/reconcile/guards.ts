import type { DeleteGuard } from './plan-types.js';

export interface DeleteLimits {
  maxDeletes: number;
  maxDeleteRatio: number;
}

/** The managed set must be at least this big before the ratio applies. */
export const RATIO_MIN_MANAGED = 8;

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
