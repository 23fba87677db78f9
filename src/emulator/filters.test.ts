import { describe, expect, it } from 'vitest';
import { DEFAULT_LIST_QUERY, jsonContains, listTrainings, type ListQuery } from './filters.js';
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

describe('listTrainings', () => {
  const trainings = [
    aTraining({ id: 'a', title: 'Refunds', created_at: '2025-01-01T00:00:01.000Z' }),
    aTraining({ id: 'b', content: 'About refunds', created_at: '2025-01-01T00:00:03.000Z' }),
    aTraining({ id: 'c', type: 'BEHAVIORAL', created_at: '2025-01-01T00:00:02.000Z' }),
    aTraining({ id: 'd', is_draft: true, created_at: '2025-01-01T00:00:02.000Z' }),
  ];
  const ids = (q: Partial<ListQuery>, direction: 'asc' | 'desc' = 'asc') =>
    listTrainings(trainings, query(q), direction).items.map((t) => t.id);

  it('sorts by creation in either direction; ties keep creation order', () => {
    expect(ids({})).toEqual(['a', 'c', 'd', 'b']);
    expect(ids({}, 'desc')).toEqual(['b', 'd', 'c', 'a']);
  });

  it('searches title and content without regard to case', () => {
    expect(ids({ search: 'REFUND' })).toEqual(['a', 'b']);
    expect(ids({ search: '' })).toHaveLength(4);
  });

  it('filters by type and draft state', () => {
    expect(ids({ type: 'BEHAVIORAL' })).toEqual(['c']);
    expect(ids({ isDraft: true })).toEqual(['d']);
    expect(ids({ isDraft: false, type: 'SCENARIO_SPECIFIC' })).toEqual(['a', 'b']);
  });

  it('pages after filtering, and counts every match', () => {
    const page = listTrainings(trainings, query({ isDraft: false, limit: 2, offset: 1 }), 'asc');
    expect(page).toMatchObject({ total: 3, limit: 2, offset: 1, has_more: false });
    expect(page.items.map((t) => t.id)).toEqual(['c', 'b']);
    expect(listTrainings(trainings, query({ limit: 3 }), 'asc').has_more).toBe(true);
  });
});
