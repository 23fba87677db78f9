import { describe, expect, it } from 'vitest';
import { DEFAULT_LIST_QUERY, jsonContains, matcherOf, pageOf, type ListQuery } from './filters.js';
import { seedTraining, type TrainingSeed } from './seed.js';

const NOW = '2025-01-01T00:00:00.000Z';

function aTraining(overrides: Partial<TrainingSeed> & { id: string }) {
  return seedTraining({ title: 'Title', content: 'Content', ...overrides }, NOW);
}

const query = (overrides: Partial<ListQuery> = {}): ListQuery => ({
  ...DEFAULT_LIST_QUERY,
  ...overrides,
});

describe('jsonContains (PostgreSQL jsonb @>)', () => {
  it.each([
    [{ a: 1, b: 'x' }, { a: 1 }, true],
    [{ a: 1 }, {}, true],
    [{}, {}, true],
    [{ a: 1 }, { a: 1, b: 2 }, false],
    [{ a: '1' }, { a: 1 }, false],
    [{ a: true }, { a: 'true' }, false],
    [{ a: null }, { a: null }, true],
    [{ a: 1 }, { a: null }, false],
    [{ a: { b: 1, c: 2 } }, { a: { b: 1 } }, true],
    [{ a: { b: 1 } }, { a: { b: 1, c: 2 } }, false],
    [{ a: [1, 2, 3] }, { a: [3, 1] }, true],
    [{ a: [1, 2] }, { a: [1, 1, 1] }, true],
    [{ a: [1, 2] }, { a: [] }, true],
    [{ a: [1, 2] }, { a: [4] }, false],
    [{ a: [1, 2] }, { a: 1 }, false],
    [{ a: 1 }, { a: [1] }, false],
    [{ a: [{ b: 1, c: 2 }, { d: 3 }] }, { a: [{ b: 1 }] }, true],
    [{ a: [[1, 2], [3]] }, { a: [[2]] }, true],
    [{ a: [[1, 2]] }, { a: [1] }, false],
    [{ A: 1 }, { a: 1 }, false],
    [{ s: 'Billing' }, { s: 'billing' }, false],
  ])('%j @> %j is %s', (container, contained, expected) => {
    expect(jsonContains(container, contained)).toBe(expected);
  });
});

describe('matcherOf', () => {
  const trainings = [
    aTraining({ id: 'a', title: 'Refunds' }),
    aTraining({ id: 'b', content: 'About refunds', metadata: { team: 'ops', tags: ['x', 'y'] } }),
    aTraining({ id: 'c', type: 'BEHAVIORAL', metadata: { team: 'support' } }),
    aTraining({ id: 'd', is_draft: true, metadata: { team: 'ops', level: 2 } }),
  ];
  const ids = (q: Partial<ListQuery>) => trainings.filter(matcherOf(query(q))).map((t) => t.id);

  it('searches title and content without regard to case', () => {
    expect(ids({ search: 'REFUND' })).toEqual(['a', 'b']);
    expect(ids({ search: '' })).toHaveLength(4);
  });

  it('filters by type and draft state', () => {
    expect(ids({ type: 'BEHAVIORAL' })).toEqual(['c']);
    expect(ids({ isDraft: true })).toEqual(['d']);
    expect(ids({ isDraft: false, type: 'SCENARIO_SPECIFIC' })).toEqual(['a', 'b']);
  });

  it('filters by metadata containment, every filter at once', () => {
    expect(ids({ metadata: { team: 'ops' } })).toEqual(['b', 'd']);
    expect(ids({ metadata: { team: 'ops', level: 2 } })).toEqual(['d']);
    expect(ids({ metadata: { tags: ['y'] } })).toEqual(['b']);
    expect(ids({ metadata: { team: 'ops' }, search: 'refunds' })).toEqual(['b']);
    expect(ids({ metadata: {} })).toHaveLength(4);
  });
});

describe('pageOf', () => {
  const matches = ['a', 'b', 'c'];

  it('pages after filtering, and counts every match', () => {
    expect(pageOf(matches, query({ limit: 2, offset: 1 }))).toEqual({
      items: ['b', 'c'],
      total: 3,
      limit: 2,
      offset: 1,
      has_more: false,
    });
    expect(pageOf(matches, query({ limit: 2 }))).toMatchObject({
      items: ['a', 'b'],
      has_more: true,
    });
    expect(pageOf(matches, query({ offset: 10 }))).toMatchObject({ items: [], total: 3 });
  });
});
