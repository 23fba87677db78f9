import type { Desired } from '../model/training.js';
import type { Finding } from './lint.js';
import { effectiveSet, situationsOf, type Situation } from './scope.js';

/**
 * What a change (a pull request) does to what the agent is told, against its base: the
 * situations whose effective set gains, loses or changes trainings, and the lint findings it
 * introduces. Pure.
 */

/** Situations whose effective set changes alike, with the keys of what changes. */
export interface ScopeImpact {
  situations: Situation[];
  added: string[];
  removed: string[];
  changed: string[];
}

/** The effective sets of every situation, base and head compared; unchanged ones left out. */
export function impactByScope(base: readonly Desired[], head: readonly Desired[]): ScopeImpact[] {
  const before = new Map(base.map((t) => [t.key, t]));
  const impacts = new Map<string, ScopeImpact>();
  for (const situation of situationsOf([...base, ...head])) {
    const was = new Map(effectiveSet(base, situation).map((t) => [t.key, t]));
    const is = new Map(effectiveSet(head, situation).map((t) => [t.key, t]));
    const added = [...is.keys()].filter((k) => !was.has(k));
    const removed = [...was.keys()].filter((k) => !is.has(k));
    const changed = [...is.values()]
      .filter((t) => was.has(t.key) && tellsOtherwise(before.get(t.key), t))
      .map((t) => t.key);
    if (added.length + removed.length + changed.length === 0) continue;
    const key = JSON.stringify([added, removed, changed]);
    const impact = impacts.get(key) ?? { situations: [], added, removed, changed };
    impact.situations.push(situation);
    impacts.set(key, impact);
  }
  return [...impacts.values()];
}

/** Whether a training tells the agent something else than before (text or type). */
function tellsOtherwise(before: Desired | undefined, after: Desired): boolean {
  return (
    before === undefined ||
    before.title !== after.title ||
    before.content !== after.content ||
    before.type !== after.type
  );
}

/**
 * The findings of `head` that `base` does not have. A finding is the same when its rule, its
 * file, the files it relates to and its message (numbers left out: line numbers and sizes move
 * with any edit) are.
 */
export function newFindings(
  head: readonly Finding[],
  base: readonly Finding[],
): { added: Finding[]; existing: number } {
  const known = new Set(base.map(identity));
  const added = head.filter((f) => !known.has(identity(f)));
  return { added, existing: head.length - added.length };
}

function identity(f: Finding): string {
  return JSON.stringify([
    f.rule,
    f.file,
    f.related.map((r) => r.file).sort(),
    f.message.replace(/\d+(\.\d+)?/g, '#'),
  ]);
}
