import type { Training } from '../api/contract.js';
import { keyFilter, namespaceFilter } from '../model/ownership.js';
import { toRemote } from '../api/to-remote.js';
import type { Remote } from '../model/remote.js';
import { oldestFirst } from '../model/survivor.js';
import type { ActionResult, ApplyClient } from './apply-types.js';
import type { Plan, RepairAction } from './plan-types.js';

/** A page of the list endpoint holds this many trainings. */
const PAGE_SIZE = 100;

/**
 * The API has no lock, so two applies that start together both create the same new files. After
 * its creates, a run reads back the keys it created and returns a repair for every extra copy,
 * keeping the oldest. Reading costs the fewer requests of the two ways: one filtered listing per
 * key, or one listing of the whole namespace (a page per hundred trainings).
 *
 * Every run keeps the same survivor (`oldestFirst`), and the run whose create lands last sees
 * every copy made before it, so overlapping runs converge before they exit.
 */
export async function findConcurrentCopies(
  client: ApplyClient,
  plan: Pick<Plan, 'namespace' | 'actions'>,
  created: readonly Pick<ActionResult, 'key' | 'file'>[],
): Promise<RepairAction[]> {
  const files = new Map(created.map((r) => [r.key, r.file]));
  if (files.size === 0) return [];
  const namespaceSize = plan.actions.filter((a) => a.kind !== 'create').length + files.size;
  const listings =
    files.size <= Math.ceil(namespaceSize / PAGE_SIZE)
      ? [...files.keys()].map((key) =>
          collect(client.listTrainings({ metadata: keyFilter(plan.namespace, key) })),
        )
      : [collect(client.listTrainings({ metadata: namespaceFilter(plan.namespace) }))];

  const copies = new Map<string, Map<string, Remote>>();
  for (const training of (await Promise.all(listings)).flat()) {
    const remote = toRemote(training);
    // The filter only narrows the listing: the ownership each training records decides.
    const owner = remote.ownership;
    if (owner?.namespace !== plan.namespace || !files.has(owner.key)) continue;
    const ofKey = copies.get(owner.key) ?? new Map<string, Remote>();
    copies.set(owner.key, ofKey.set(remote.id, remote));
  }

  const repairs: RepairAction[] = [];
  for (const [key, ofKey] of [...copies].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [keep, ...extra] = [...ofKey.values()].sort(oldestFirst);
    if (keep === undefined) continue;
    for (const r of extra) {
      repairs.push({
        kind: 'repair-duplicate',
        key,
        file: files.get(key) ?? null,
        title: r.title,
        reason: 'duplicate-key',
        id: r.id,
        keep_id: keep.id,
      });
    }
  }
  return repairs;
}

async function collect(items: AsyncIterable<Training>): Promise<Training[]> {
  const out: Training[] = [];
  for await (const item of items) out.push(item);
  return out;
}
