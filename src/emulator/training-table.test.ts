import { describe, expect, it } from 'vitest';
import { seedTraining, type TrainingSeed } from './seed.js';
import { createTrainingTable } from './training-table.js';

const NOW = '2025-01-01T00:00:00.000Z';
const at = (second: number) => new Date(Date.UTC(2025, 0, 1, 0, 0, second)).toISOString();

function aTraining(overrides: Partial<TrainingSeed> & { id: string }) {
  return seedTraining({ title: 'Title', content: 'Content', ...overrides }, NOW);
}

describe('createTrainingTable', () => {
  const ids = (rows: readonly { training: { id: string } }[]) => rows.map((r) => r.training.id);

  it('keeps creation order, replacing a training in place', () => {
    const table = createTrainingTable([aTraining({ id: 'a' }), aTraining({ id: 'b' })]);
    table.put(aTraining({ id: 'c' }));
    table.put(aTraining({ id: 'a', title: 'Changed' }));
    expect(table.all().map((t) => t.id)).toEqual(['a', 'b', 'c']);
    expect(table.get('a')?.title).toBe('Changed');
    expect(table.remove('b')).toBe(true);
    expect(table.remove('b')).toBe(false);
    expect(table.all().map((t) => t.id)).toEqual(['a', 'c']);
  });

  it('takes a repeated id of its start as one training: the first place, the last content', () => {
    const table = createTrainingTable([
      aTraining({ id: 'a', title: 'First' }),
      aTraining({ id: 'b' }),
      aTraining({ id: 'a', title: 'Last' }),
    ]);
    expect(table.all().map((t) => [t.id, t.title])).toEqual([
      ['a', 'Last'],
      ['b', 'Title'],
    ]);
  });

  it('moves a training in each order when what orders it changes', () => {
    const table = createTrainingTable([
      aTraining({ id: 'a', created_at: at(1), handoff_count: 5 }),
      aTraining({ id: 'b', created_at: at(2), handoff_count: 1 }),
      aTraining({ id: 'c', created_at: at(3), handoff_count: 5 }),
    ]);
    expect(ids(table.ordered('created_at'))).toEqual(['a', 'b', 'c']);
    expect(ids(table.ordered('handoff_count'))).toEqual(['b', 'a', 'c']);
    table.put(aTraining({ id: 'c', created_at: at(0), handoff_count: 0 }));
    table.put(aTraining({ id: 'd', created_at: at(2), handoff_count: 5 }));
    expect(ids(table.ordered('created_at'))).toEqual(['c', 'a', 'b', 'd']);
    expect(ids(table.ordered('handoff_count'))).toEqual(['c', 'b', 'a', 'd']);
    table.remove('a');
    expect(ids(table.ordered('created_at'))).toEqual(['c', 'b', 'd']);
    expect(ids(table.ordered('handoff_count'))).toEqual(['c', 'b', 'd']);
  });

  it('sorts a created_at that is not a date before every date', () => {
    const table = createTrainingTable([
      aTraining({ id: 'a', created_at: at(1) }),
      aTraining({ id: 'b', created_at: 'yesterday' }),
    ]);
    expect(ids(table.ordered('created_at'))).toEqual(['b', 'a']);
  });

  it('finds trainings by the metadata they have now', () => {
    const table = createTrainingTable([aTraining({ id: 'a', metadata: { ns: 'x' } })]);
    table.put(aTraining({ id: 'a', metadata: { ns: 'y' } }));
    table.put(aTraining({ id: 'b', metadata: { ns: 'x' } }));
    expect(ids([...table.rowsWith('ns', 'x')])).toEqual(['b']);
    expect(ids([...table.rowsWith('ns', 'y')])).toEqual(['a']);
    table.remove('a');
    expect(ids([...table.rowsWith('ns', 'y')])).toEqual([]);
  });

  it('counts every change, a reset included, and never goes back', () => {
    const table = createTrainingTable([aTraining({ id: 'a' })]);
    const versions = [table.version];
    table.put(aTraining({ id: 'b' }));
    versions.push(table.version);
    table.remove('nothing');
    versions.push(table.version);
    table.remove('a');
    versions.push(table.version);
    table.reset([]);
    versions.push(table.version);
    expect(versions).toEqual([0, 1, 1, 2, 3]);
  });

  it('freezes what it stores: a change replaces a training, never edits it', () => {
    const table = createTrainingTable();
    table.put(aTraining({ id: 'a', metadata: { ns: 'x' } }));
    const stored = table.get('a');
    expect(() => Object.assign(stored ?? {}, { title: 'Edited' })).toThrow(TypeError);
    expect(() => Object.assign(stored?.metadata ?? {}, { ns: 'y' })).toThrow(TypeError);
    expect(() => stored?.restricted_to_channels.push('web')).toThrow(TypeError);
  });
});
