import { addTo } from '../util/multimap.js';
import type { Remote } from '../model/remote.js';
import { oldestFirst } from '../model/survivor.js';
import type { MatchedBy } from './plan-types.js';
import type { ResolvedDesired } from './resolve.js';

export interface Match {
  desired: ResolvedDesired;
  remote: Remote | null;
  matchedBy: MatchedBy | null;
  /** The file pins an id that is not in OpenCX (any more). */
  pinMissing: boolean;
}

export interface Duplicate {
  /** The oldest of the remote trainings sharing a key: the one kept. */
  keep: Remote;
  extra: Remote[];
}

export interface MatchResult {
  matches: Match[];
  /** Managed trainings of the namespace that no file claims: candidates for prune. */
  orphans: Remote[];
  duplicates: Duplicate[];
}

/**
 * Pair each file with its remote training: by pinned id first, then by the key recorded in the
 * metadata of the namespace's trainings. Pure. A remote training claimed by a pin is out of the
 * key index, so that a pin and a key never fight over one training; trainings of other
 * namespaces and unmarked ones are only ever reached through a pin.
 */
export function matchTrainings(
  desired: readonly ResolvedDesired[],
  remotes: readonly Remote[],
  namespace: string,
): MatchResult {
  const byId = new Map(remotes.map((r) => [r.id, r]));
  const claimed = new Set<string>();
  const pinned = new Map<ResolvedDesired, Remote>();
  for (const d of desired) {
    const remote = d.id === null ? undefined : byId.get(d.id);
    if (remote !== undefined) {
      pinned.set(d, remote);
      claimed.add(remote.id);
    }
  }

  const groups = new Map<string, Remote[]>();
  for (const r of byId.values()) {
    if (claimed.has(r.id) || r.ownership?.namespace !== namespace) continue;
    addTo(groups, r.ownership.key, r);
  }
  const duplicates: Duplicate[] = [];
  const kept = new Map<string, Remote>();
  for (const [key, group] of groups) {
    const [keep, ...extra] = group.length === 1 ? group : group.sort(oldestFirst);
    if (keep === undefined) continue;
    kept.set(key, keep);
    if (extra.length > 0) duplicates.push({ keep, extra });
  }

  const matches = desired.map((d): Match => {
    const byPin = pinned.get(d);
    if (byPin !== undefined)
      return { desired: d, remote: byPin, matchedBy: 'id', pinMissing: false };
    const byKey = kept.get(d.key);
    if (byKey !== undefined) kept.delete(d.key);
    return {
      desired: d,
      remote: byKey ?? null,
      matchedBy: byKey === undefined ? null : 'key',
      pinMissing: d.id !== null,
    };
  });
  const orphans = [...kept.values()].sort(oldestFirst);
  return { matches, orphans, duplicates };
}
