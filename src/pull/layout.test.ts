import { describe, expect, it } from 'vitest';
import { isContainedPath, layoutFiles, type LayoutItem, type Taken } from './layout.js';

let n = 0;
function anItem(overrides: Partial<LayoutItem> & { title: string }): LayoutItem {
  n++;
  return {
    id: `id-${String(n).padStart(3, '0')}`,
    folder: null,
    ownKey: null,
    createdAt: Date.parse(`2026-01-01T00:00:${String(n % 60).padStart(2, '0')}.000Z`),
    existing: null,
    ...overrides,
  };
}

const NONE: Taken = { paths: [], keys: [] };
const pathsOf = (items: LayoutItem[], taken = NONE): string[] => {
  const placed = layoutFiles(items, taken);
  return items.map((i) => placed.get(i.id)?.path ?? '?');
};

describe('layoutFiles', () => {
  it('puts a training in the slug of its directory, or at the top', () => {
    const items = [
      anItem({ title: 'How do I get a refund?', folder: 'Billing' }),
      anItem({ title: 'Brand voice' }),
    ];
    expect(pathsOf(items)).toEqual(['billing/how-do-i-get-a-refund.md', 'brand-voice.md']);
  });

  it('numbers duplicate titles oldest first, whatever the input order', () => {
    const old = anItem({
      title: 'Refund',
      createdAt: Date.parse('2025-01-01T00:00:00.000Z'),
      id: 'b',
    });
    const young = anItem({
      title: 'Refund',
      createdAt: Date.parse('2026-01-01T00:00:00.000Z'),
      id: 'a',
    });
    const tie = anItem({
      title: 'refund!',
      createdAt: Date.parse('2026-01-01T00:00:00.000Z'),
      id: 'c',
    });
    const placed = layoutFiles([tie, young, old], NONE);
    expect(placed.get('b')?.path).toBe('refund.md');
    expect(placed.get('a')?.path).toBe('refund-2.md');
    expect(placed.get('c')?.path).toBe('refund-3.md');
  });

  it('never takes a path that exists, in any case, nor one whose key is in use', () => {
    const items = [anItem({ title: 'Refund' }), anItem({ title: 'Returns' })];
    expect(pathsOf(items, { paths: ['Refund.md'], keys: ['returns'] })).toEqual([
      'refund-2.md',
      'returns-2.md',
    ]);
  });

  it('keeps the path of a training that already has a file, and its key', () => {
    const item = anItem({
      title: 'Renamed in the dashboard',
      existing: { path: 'billing/refund.md', key: 'refund-policy' },
    });
    expect(layoutFiles([item], { paths: ['billing/refund.md'], keys: ['refund-policy'] })).toEqual(
      new Map([[item.id, { path: 'billing/refund.md', key: 'refund-policy' }]]),
    );
  });

  it("puts this namespace's trainings back at their key, or writes the key", () => {
    const plain = anItem({ title: 'Refund', ownKey: 'billing/refund-policy', folder: 'Billing' });
    const odd = anItem({ title: 'Tone', ownKey: 'Tone & Voice' });
    const placed = layoutFiles([plain, odd], NONE);
    expect(placed.get(plain.id)).toEqual({ path: 'billing/refund-policy.md', key: null });
    expect(placed.get(odd.id)).toEqual({ path: 'tone.md', key: 'Tone & Voice' });
  });

  it('gives a repeated own key to the oldest training only', () => {
    const first = anItem({ title: 'A', ownKey: 'Same Key' });
    const second = anItem({ title: 'B', ownKey: 'Same Key' });
    const placed = layoutFiles([second, first], NONE);
    expect(placed.get(first.id)?.key).toBe('Same Key');
    expect(placed.get(second.id)?.key).toBeNull();
  });

  it('is the same on every run', () => {
    const items = Array.from({ length: 30 }, (_, i) => anItem({ title: `T ${i % 4}` }));
    expect(pathsOf(items)).toEqual(pathsOf([...items].reverse()).reverse());
  });
});

describe('isContainedPath', () => {
  it.each([
    ['a/b.md', true],
    ['b.md', true],
    ['../b.md', false],
    ['a/../../b.md', false],
    ['/etc/passwd', false],
    ['a\\..\\b.md', false],
    ['./b.md', false],
  ])('%s → %s', (path, inside) => {
    expect(isContainedPath(path)).toBe(inside);
  });
});
