import { describe, expect, it } from 'vitest';
import { anApiTraining } from '../../test/helpers/builders.js';
import { oldestFirst } from '../model/survivor.js';
import { toRemote } from './to-remote.js';

describe('toRemote', () => {
  it('reads the dates as instants, so that the oldest is found whatever their format', () => {
    const utc = toRemote(anApiTraining({ created_at: '2026-01-01T00:30:00.000Z' }));
    const east = toRemote(anApiTraining({ created_at: '2026-01-01T01:00:00+02:00' }));
    expect(east.createdAt).toBe(Date.UTC(2025, 11, 31, 23, 0));
    // As text, "2026-01-01T01..." sorts after "2026-01-01T00..."; as instants it is older.
    expect([utc, east].sort(oldestFirst)).toEqual([east, utc]);
  });

  it('keeps no date it cannot read, and sorts such trainings last', () => {
    const unknown = toRemote(anApiTraining({ created_at: 'yesterday' }));
    const known = toRemote(anApiTraining({ created_at: '2026-01-01T00:00:00.000Z' }));
    expect(unknown.createdAt).toBeNull();
    expect([unknown, known].sort(oldestFirst)).toEqual([known, unknown]);
  });
});
