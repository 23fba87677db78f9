import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { mapInPool } from './pool.js';

describe('mapInPool', () => {
  it('runs at most `limit` at once, starts in order, and returns results in order', async () => {
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const results = await mapInPool([5, 1, 4, 2, 3, 0, 2], 3, async (ms) => {
      started.push(ms);
      most = Math.max(most, ++running);
      await sleep(ms);
      running--;
      return ms * 10;
    });
    expect(most).toBe(3);
    expect(started).toEqual([5, 1, 4, 2, 3, 0, 2]);
    expect(results).toEqual([50, 10, 40, 20, 30, 0, 20]);
  });

  it('does nothing for no items, and treats a limit below one as one', async () => {
    expect(await mapInPool([], 4, () => Promise.resolve(1))).toEqual([]);
    expect(await mapInPool([1, 2], 0, (n) => Promise.resolve(n + 1))).toEqual([2, 3]);
  });
});
