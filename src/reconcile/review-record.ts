import { fingerprint } from '../util/fingerprint.js';
import type { Action, Plan } from './plan-types.js';

/**
 * What a plan shown for review was made from, and what it would do, small enough to ride in
 * the pull request comment: the commit, the fingerprints of the org and of the files, and one
 * short line per action that changes anything (kind, key, a digest of all it would send). On
 * the merge, the plan computed then is compared with it, so that nothing is applied that nobody
 * saw without saying so. Pure.
 */
export interface ReviewRecord {
  format: 1;
  /** The commits the plan was made for: the pull request's head, and its base. */
  head: string | null;
  base: string | null;
  remote_fingerprint: string;
  source_fingerprint: string;
  /** How many actions change something. */
  count: number;
  /** One digest of all of them. */
  digest: string;
  /** `kind key digest` per action, when there are at most MAX_LISTED of them. */
  actions: string[] | null;
}

/** Beyond this many changing actions, only their count and digest are recorded (comment size). */
const MAX_LISTED = 300;

export function reviewRecordOf(
  plan: Plan,
  commits: { head: string | null; base: string | null } = { head: null, base: null },
): ReviewRecord {
  const lines = actionLines(plan);
  return {
    format: 1,
    ...commits,
    remote_fingerprint: plan.remote_fingerprint,
    source_fingerprint: plan.source_fingerprint,
    count: lines.length,
    digest: fingerprint(lines).slice(0, 16),
    actions: lines.length <= MAX_LISTED ? lines : null,
  };
}

/**
 * How the plan computed now differs from the one reviewed, one line per difference; empty when
 * they do the same. The fingerprints are not compared: the org and the files may change in ways
 * that leave the actions as they were, and then what is applied is what was reviewed.
 */
export function compareWithReview(reviewed: ReviewRecord, fresh: Plan): string[] {
  const now = reviewRecordOf(fresh);
  if (now.digest === reviewed.digest) return [];
  if (reviewed.actions === null || now.actions === null) {
    return [`${now.count} action(s) planned now, ${reviewed.count} reviewed, and they differ`];
  }
  const keyed = (lines: readonly string[]) =>
    new Map(lines.map((line) => [line.slice(0, line.lastIndexOf(' ')), line]));
  const before = keyed(reviewed.actions);
  const after = keyed(now.actions);
  const differences: string[] = [];
  for (const [what, line] of after) {
    const was = before.get(what);
    if (was === undefined) differences.push(`${what}: planned now, not in the reviewed plan`);
    else if (was !== line) differences.push(`${what}: planned now with other content`);
  }
  for (const what of before.keys()) {
    if (!after.has(what)) differences.push(`${what}: reviewed, not planned now`);
  }
  return differences;
}

function actionLines(plan: Plan): string[] {
  return plan.actions
    .filter((a) => a.kind !== 'no-op')
    .map((a) => `${a.kind} ${a.key} ${fingerprint(sent(a)).slice(0, 12)}`)
    .sort();
}

/** What an action would send or remove: its target and payload, not its wording. */
function sent(a: Action): unknown {
  return {
    kind: a.kind,
    key: a.key,
    id: 'id' in a ? a.id : null,
    payload: 'payload' in a ? a.payload : null,
    metadata: 'metadata' in a ? a.metadata : null,
  };
}
