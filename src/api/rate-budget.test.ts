import { describe, expect, it } from 'vitest';
import { maxInWindow } from '../../test/helpers/windows.js';
import { JITTER_MARGIN, RateBudget } from './rate-budget.js';

/** Send `count` requests, each as soon as the budget allows from `start` on; their send times. */
function schedule(budget: RateBudget, count: number, start = 0): number[] {
  return Array.from({ length: count }, () => budget.reserve(start));
}

describe('RateBudget', () => {
  it('lets a run that fits the budget go at once', () => {
    const budget = new RateBudget(100, 60_000);
    expect(schedule(budget, 100).every((t) => t === 0)).toBe(true);
  });

  it('never lets more than the limit through in any window, even a window and a margin long', () => {
    const budget = new RateBudget(100, 60_000);
    const times = schedule(budget, 1000);
    expect(maxInWindow(times, 60_000 * (1 + JITTER_MARGIN))).toBe(100);
  });

  it('uses the whole budget, less the margin, over a long run', () => {
    const budget = new RateBudget(100, 60_000);
    const times = schedule(budget, 1001);
    const perWindow = (1000 / ((times.at(-1) as number) - (times[0] as number))) * 60_000;
    expect(perWindow).toBeGreaterThan(97);
    expect(perWindow).toBeLessThanOrEqual(100);
  });

  it('counts only the sends of the last window: after a pause, a new run goes at once', () => {
    const budget = new RateBudget(10, 1000);
    schedule(budget, 25);
    const later = 1_000_000;
    expect(schedule(budget, 10, later).every((t) => t === later)).toBe(true);
    expect(budget.reserve(later)).toBe(later + 1020);
  });

  it('hands out reservations in order to callers queueing at the same moment', () => {
    const budget = new RateBudget(2, 1000);
    expect(schedule(budget, 5, 500)).toEqual([500, 500, 1520, 1520, 2540]);
  });

  it('refuses a budget of no request', () => {
    expect(() => new RateBudget(0, 1000)).toThrow(RangeError);
  });
});
