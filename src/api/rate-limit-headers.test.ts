import { describe, expect, it } from 'vitest';
import { readQuota } from './rate-limit-headers.js';

const NOW = 1_800_000_000_000;

describe('readQuota', () => {
  it('reads the IETF draft fields, the reset in seconds from now', () => {
    expect(readQuota({ 'ratelimit-remaining': '7', 'ratelimit-reset': '30' }, NOW)).toEqual({
      remaining: 7,
      resetAt: NOW + 30_000,
    });
  });

  it('reads the single RateLimit field, named or abbreviated', () => {
    expect(readQuota({ ratelimit: 'limit=100, remaining=50, reset=12' }, NOW)).toEqual({
      remaining: 50,
      resetAt: NOW + 12_000,
    });
    expect(readQuota({ ratelimit: '"default";r=3;t=5' }, NOW)).toEqual({
      remaining: 3,
      resetAt: NOW + 5000,
    });
  });

  it('reads X-RateLimit fields, with the reset as a delay or as a Unix time', () => {
    expect(readQuota({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '2' }, NOW)).toEqual({
      remaining: 0,
      resetAt: NOW + 2000,
    });
    expect(
      readQuota({ 'x-ratelimit-remaining': '4999', 'x-ratelimit-reset': '1800000600' }, NOW),
    ).toEqual({ remaining: 4999, resetAt: 1_800_000_600_000 });
  });

  it('says nothing of answers without a readable count and reset', () => {
    expect(readQuota({}, NOW)).toBeUndefined();
    expect(readQuota({ 'ratelimit-remaining': '5' }, NOW)).toBeUndefined();
    expect(
      readQuota({ 'x-ratelimit-remaining': 'many', 'x-ratelimit-reset': '2' }, NOW),
    ).toBeUndefined();
    expect(readQuota({ 'ratelimit-remaining': '-1', 'ratelimit-reset': '2' }, NOW)).toBeUndefined();
  });
});
