import { isDeepStrictEqual } from 'node:util';
import type { Action, Plan } from './plan-types.js';

/**
 * A saved plan is a promise, not a program: `apply --plan` plans again from the files and the
 * live org, and goes ahead only when the fresh plan is the saved one. This says how they differ,
 * one line per difference; an empty list means the saved plan still holds. Pure.
 */
export function comparePlans(saved: Plan, fresh: Plan): string[] {
  const differences: string[] = [];
  if (saved.target.name !== fresh.target.name || saved.target.url !== fresh.target.url) {
    differences.push(
      `it was made for target "${saved.target.name}" (${saved.target.url}), not "${fresh.target.name}" (${fresh.target.url})`,
    );
  }
  if (saved.namespace !== fresh.namespace) {
    differences.push(
      `it was made for namespace "${saved.namespace}", and opencx.yml now says "${fresh.namespace}"`,
    );
  }

  const before = byIdentity(saved.actions);
  const after = byIdentity(fresh.actions);
  if (before.size !== saved.actions.length) differences.push('it lists an action twice');
  for (const [identity, action] of before) {
    const now = after.get(identity);
    if (now === undefined) differences.push(`${describe(action)}: saved, but not planned now`);
    else if (!isDeepStrictEqual(now, action))
      differences.push(`${describe(action)}: planned now with other ${changedParts(action, now)}`);
  }
  for (const [identity, action] of after) {
    if (!before.has(identity)) differences.push(`${describe(action)}: planned now, not saved`);
  }

  if (saved.source_fingerprint !== fresh.source_fingerprint)
    differences.push('the training files or opencx.yml changed since it was made');
  if (saved.remote_fingerprint !== fresh.remote_fingerprint)
    differences.push('OpenCX changed since it was made (trainings, segments or directories)');
  return differences;
}

/** One action per identity: what it does to which training (or which new key). */
function byIdentity(actions: readonly Action[]): Map<string, Action> {
  const map = new Map<string, Action>();
  for (const a of actions) map.set(`${a.kind} ${'id' in a ? a.id : ''} ${a.key}`, a);
  return map;
}

function describe(action: Action): string {
  return `${action.kind} ${action.key}${'id' in action ? ` (${action.id})` : ''}`;
}

/** The names of the fields in which two actions of the same identity differ. */
function changedParts(a: Action, b: Action): string {
  const fa = new Map<string, unknown>(Object.entries(a));
  const fb = new Map<string, unknown>(Object.entries(b));
  const fields = new Set([...fa.keys(), ...fb.keys()]);
  const differing = [...fields].filter((f) => !isDeepStrictEqual(fa.get(f), fb.get(f)));
  return differing.join(', ');
}
