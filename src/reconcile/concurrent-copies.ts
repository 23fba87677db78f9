import { MAX_PAGE_SIZE, type Training } from '../api/contract.js';
import { keyFilter, namespaceFilter } from '../model/ownership.js';
import { toRemote } from '../api/to-remote.js';
import type { ActionResult, ApplyClient } from './apply-types.js';
import { matchTrainings, type Duplicate } from './match.js';
import { repairsOf } from './plan.js';
import type { Plan, RepairAction } from './plan-types.js';

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
    files.size <= Math.ceil(namespaceSize / MAX_PAGE_SIZE)
      ? [...files.keys()].map((key) =>
          collect(client.listTrainings({ metadata: keyFilter(plan.namespace, key) })),
        )
      : [collect(client.listTrainings({ metadata: namespaceFilter(plan.namespace) }))];

  // The filter only narrows the listing: the ownership each training records decides, and
  // matchTrainings groups the namespace's trainings by it.
  const copies = (await Promise.all(listings))
    .flat()
    .map(toRemote)
    .filter((r) => r.ownership !== null && files.has(r.ownership.key));
  const { duplicates } = matchTrainings([], copies, plan.namespace);
  const byKey = (d: Duplicate) => d.keep.ownership?.key ?? '';
  return repairsOf(
    [...duplicates].sort((a, b) => (byKey(a) < byKey(b) ? -1 : 1)),
    (key) => files.get(key) ?? null,
  );
}

async function collect(items: AsyncIterable<Training>): Promise<Training[]> {
  const out: Training[] = [];
  for await (const item of items) out.push(item);
  return out;
}
