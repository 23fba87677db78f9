import { describe, expect, it } from 'vitest';
import { maxInWindow } from '../../test/helpers/windows.js';
import { TokenBucket } from './token-bucket.js';

/** Send `count` requests as fast as the bucket allows; returns their send times. */
function schedule(bucket: TokenBucket, count: number, start = 0): number[] {
  return Array.from({ length: count }, () => start + bucket.reserve(start));
}

describe('TokenBucket', () => {
  it('never lets more than the limit through in any window', () => {
    const bucket = new TokenBucket(100, 60_000, 0);
    const times = schedule(bucket, 500);
    expect(maxInWindow(times, 60_000)).toBeLessThanOrEqual(100);
  });

  it('runs close to the limit over a long stretch', () => {
    const bucket = new TokenBucket(100, 60_000, 0);
    const times = schedule(bucket, 1000);
    const perMinute = (1000 / (Math.max(...times) - Math.min(...times))) * 60_000;
    expect(perMinute).toBeGreaterThan(90);
    expect(perMinute).toBeLessThanOrEqual(100);
  });

  it('allows a small burst, then paces', () => {
    const bucket = new TokenBucket(100, 60_000, 0);
    expect(bucket.burst).toBe(5);
    const times = schedule(bucket, 7);
    expect(times.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(times[5]).toBeGreaterThan(0);
    expect((times[6] ?? 0) - (times[5] ?? 0)).toBeCloseTo(60_000 / (95 * 0.98), -1);
  });

  it('refills while idle, up to the burst only', () => {
    const bucket = new TokenBucket(10, 1000, 0);
    schedule(bucket, 20);
    const later = 1_000_000;
    expect(schedule(bucket, bucket.burst, later).every((t) => t === later)).toBe(true);
    expect(bucket.reserve(later)).toBeGreaterThan(0);
  });
});
