import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../util/random.js';
import { DEFAULT_LIST_QUERY, matcherOf, type ListQuery, type SortDirection } from './filters.js';
import { createListing } from './listing.js';
import { seedTraining, type TrainingSeed } from './seed.js';
import type { StoredTraining } from './state.js';
import { createTrainingTable } from './training-table.js';

const NOW = '2025-01-01T00:00:00.000Z';
const at = (second: number) => new Date(Date.UTC(2025, 0, 1, 0, 0, second)).toISOString();

function aTraining(overrides: Partial<TrainingSeed> & { id: string }) {
  return seedTraining({ title: 'Title', content: 'Content', ...overrides }, NOW);
}

const query = (overrides: Partial<ListQuery> = {}): ListQuery => ({
  ...DEFAULT_LIST_QUERY,
  ...overrides,
});

/**
 * The listing by its definition: every training tested, then sorted, ties in creation order
 * (the position in `trainings`), the whole order reversed for `desc`.
 */
function definedOrder(
  trainings: readonly StoredTraining[],
  q: ListQuery,
  direction: SortDirection,
): string[] {
  const sign = direction === 'asc' ? 1 : -1;
  const key = (t: StoredTraining) =>
    q.sortBy === 'handoff_count' ? t.handoff_count : Date.parse(t.created_at);
  return trainings
    .map((training, index) => ({ training, index }))
    .filter(({ training }) => matcherOf(q)(training))
    .sort((a, b) => sign * (key(a.training) - key(b.training) || a.index - b.index))
    .map(({ training }) => training.id);
}

const owned = (namespace: string, key: string) => ({
  'opencx-trainings.managed': 'true',
  'opencx-trainings.namespace': namespace,
  'opencx-trainings.key': key,
});

describe('createListing', () => {
  const trainings = [
    aTraining({ id: 'a', title: 'Refunds', created_at: at(1), handoff_count: 3 }),
    aTraining({ id: 'b', content: 'About refunds', created_at: at(3) }),
    aTraining({ id: 'c', type: 'BEHAVIORAL', created_at: at(2), handoff_count: 3 }),
    aTraining({ id: 'd', is_draft: true, created_at: at(2), handoff_count: 1 }),
  ];
  const ids = (q: Partial<ListQuery>, direction: SortDirection = 'asc') =>
    createListing(createTrainingTable(trainings))
      .list(query(q), direction)
      .items.map((t) => t.id);

  it('sorts by creation in either direction; ties keep creation order', () => {
    expect(ids({})).toEqual(['a', 'c', 'd', 'b']);
    expect(ids({}, 'desc')).toEqual(['b', 'd', 'c', 'a']);
  });

  it('sorts by handoff count in either direction; ties keep creation order', () => {
    expect(ids({ sortBy: 'handoff_count' })).toEqual(['b', 'd', 'a', 'c']);
    expect(ids({ sortBy: 'handoff_count' }, 'desc')).toEqual(['c', 'a', 'd', 'b']);
  });

  it('pages after filtering, and counts every match', () => {
    const listing = createListing(createTrainingTable(trainings));
    const page = listing.list(query({ isDraft: false, limit: 2, offset: 1 }), 'asc');
    expect(page).toMatchObject({ total: 3, limit: 2, offset: 1, has_more: false });
    expect(page.items.map((t) => t.id)).toEqual(['c', 'b']);
    expect(listing.list(query({ limit: 3 }), 'asc').has_more).toBe(true);
  });

  it('shows a write in the next page, and keeps a page of before the write as it was', () => {
    const table = createTrainingTable(trainings);
    const listing = createListing(table);
    const before = listing.list(query({ limit: 2 }), 'asc');
    table.put(aTraining({ id: 'e', created_at: at(0) }));
    table.remove('c');
    const after = listing.list(query({ limit: 2 }), 'asc');
    expect(before).toMatchObject({ total: 4, items: [{ id: 'a' }, { id: 'c' }] });
    expect(after).toMatchObject({ total: 4, items: [{ id: 'e' }, { id: 'a' }] });
    table.put({ ...(table.get('a') as StoredTraining), title: 'Edited' });
    expect(listing.list(query({ limit: 2 }), 'asc').items[1]?.title).toBe('Edited');
  });

  it('filters on a metadata key named __proto__ like any other', () => {
    const parsed = (json: string) => JSON.parse(json) as Record<string, unknown>;
    const table = createTrainingTable([
      aTraining({ id: 'a', metadata: parsed('{"__proto__": {"a": 1}, "b": "x"}') }),
      aTraining({ id: 'b', metadata: { b: 'x' } }),
    ]);
    const ids = (filter: string) =>
      createListing(table)
        .list(query({ metadata: parsed(filter) }), 'asc')
        .items.map((t) => t.id);
    expect(ids('{"__proto__": {"a": 1}}')).toEqual(['a']);
    expect(ids('{"__proto__": {"a": 2}, "b": "x"}')).toEqual([]);
    expect(ids('{"b": "x"}')).toEqual(['a', 'b']);
  });

  it('lists as its definition does, through any mix of writes and queries', () => {
    const random = mulberry32(11);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    const metadataOf = (n: number): Record<string, unknown> => {
      const roll = random();
      if (roll < 0.1) return {};
      if (roll < 0.2) return { team: pick(['ops', 'support']), tags: [pick(['x', 'y'])], n };
      if (roll < 0.3)
        return { ...owned(pick(['x', 'y']), `k${n}`), team: pick(['ops', 'support']) };
      // Mostly owned trainings, a few of them in a rare namespace: small candidate sets too.
      return owned(random() < 0.05 ? 'rare' : pick(['x', 'y']), `k${n}`);
    };
    const table = createTrainingTable();
    const listing = createListing(table);
    const reference: StoredTraining[] = [];
    const queries: Partial<ListQuery>[] = [
      {},
      { metadata: { 'opencx-trainings.managed': 'true', 'opencx-trainings.namespace': 'x' } },
      { metadata: { 'opencx-trainings.managed': 'true', 'opencx-trainings.namespace': 'rare' } },
      { metadata: owned('x', 'k7') },
      { metadata: { team: 'ops', tags: ['y'] } },
      { metadata: { team: 'ops', 'opencx-trainings.namespace': 'y' } },
      { metadata: { team: 'support', 'opencx-trainings.key': 'k40' } },
      { metadata: { n: 3 } },
      { metadata: {} },
      { search: 'refund' },
      { type: 'BEHAVIORAL', isDraft: false },
      { isDraft: true, metadata: { 'opencx-trainings.namespace': 'y' } },
    ];
    for (let step = 0; step < 3000; step++) {
      const roll = random();
      if (roll < 0.35 || reference.length === 0) {
        const n = step;
        const training = aTraining({
          id: `t${n}`,
          title: random() < 0.2 ? 'Refund policy' : 'Other',
          type: random() < 0.2 ? 'BEHAVIORAL' : 'SCENARIO_SPECIFIC',
          is_draft: random() < 0.3,
          created_at: at(Math.floor(random() * 40)),
          handoff_count: Math.floor(random() * 5),
          metadata: metadataOf(n),
        });
        table.put(training);
        reference.push(training);
      } else if (roll < 0.5) {
        const index = Math.floor(random() * reference.length);
        const changed = {
          ...(reference[index] as StoredTraining),
          created_at: at(Math.floor(random() * 40)),
          handoff_count: Math.floor(random() * 5),
          is_draft: random() < 0.5,
          metadata: metadataOf(index),
        };
        table.put(changed);
        reference[index] = changed;
      } else if (roll < 0.6) {
        const [gone] = reference.splice(Math.floor(random() * reference.length), 1);
        table.remove((gone as StoredTraining).id);
      } else {
        const q = query({
          ...pick(queries),
          sortBy: pick(['created_at', 'handoff_count'] as const),
        });
        const direction = pick(['asc', 'desc'] as const);
        const expected = definedOrder(reference, q, direction);
        const offset = Math.floor(random() * (expected.length + 2));
        const page = listing.list(
          { ...q, offset, limit: 1 + Math.floor(random() * 100) },
          direction,
        );
        expect(page.items.map((t) => t.id)).toEqual(expected.slice(offset, offset + page.limit));
        expect(page.total).toBe(expected.length);
      }
    }
  });

  describe('cost', () => {
    const N = 10_000;
    const namespace = { 'opencx-trainings.managed': 'true', 'opencx-trainings.namespace': 'x' };
    const aStore = () => {
      const table = createTrainingTable(
        Array.from({ length: N }, (_, i) =>
          aTraining({ id: `t${i}`, metadata: owned(i % 10 === 0 ? 'y' : 'x', `k${i}`) }),
        ),
      );
      return { table, listing: createListing(table) };
    };
    const listAll = (listing: ReturnType<typeof createListing>, q: Partial<ListQuery>) => {
      const seen: string[] = [];
      for (let offset = 0; ; offset += 100) {
        const page = listing.list(query({ ...q, limit: 100, offset }), 'desc');
        seen.push(...page.items.map((t) => t.id));
        if (!page.has_more) return seen;
      }
    };

    it('looks at the store once for a whole listing, not once a page', () => {
      const { listing } = aStore();
      expect(listAll(listing, { metadata: namespace })).toHaveLength(9000);
      expect(listing.examined).toBe(N);
      listAll(listing, { metadata: namespace, sortBy: 'handoff_count' });
      expect(listing.examined).toBe(2 * N);
    });

    it('looks again after a write, once', () => {
      const { table, listing } = aStore();
      listing.list(query({ metadata: namespace, limit: 100 }), 'desc');
      table.put(aTraining({ id: 'new', metadata: owned('x', 'new') }));
      const page = listing.list(query({ metadata: namespace, limit: 100, offset: 100 }), 'desc');
      listing.list(query({ metadata: namespace, limit: 100, offset: 200 }), 'desc');
      expect(page.total).toBe(9001);
      expect(listing.examined).toBe(2 * N + 1);
    });

    it('finds one key among them through the metadata index, write after write', () => {
      const { table, listing } = aStore();
      for (let i = 0; i < 50; i++) {
        table.put(aTraining({ id: `new${i}`, metadata: owned('x', `new${i}`) }));
        const page = listing.list(query({ metadata: owned('x', `new${i}`) }), 'desc');
        expect(page.items.map((t) => t.id)).toEqual([`new${i}`]);
      }
      expect(listing.examined).toBe(50);
    });
  });
});
