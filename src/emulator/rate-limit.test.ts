import { describe, expect, it } from 'vitest';
import { createRateLimiter, retryAfterHeader } from './rate-limit.js';

describe('createRateLimiter', () => {
  it('allows `requests` in any window, and says when the oldest leaves it', () => {
    const limiter = createRateLimiter({ requests: 2, windowMs: 1000 });
    expect(limiter.take('k', 0)).toEqual({ allowed: true });
    expect(limiter.take('k', 400)).toEqual({ allowed: true });
    expect(limiter.take('k', 600)).toEqual({ allowed: false, retryAfterMs: 400 });
    expect(limiter.take('k', 1000)).toEqual({ allowed: true });
    expect(limiter.take('k', 1200)).toEqual({ allowed: false, retryAfterMs: 200 });
    expect(limiter.take('k', 1400)).toEqual({ allowed: true });
  });

  it('counts each key apart', () => {
    const limiter = createRateLimiter({ requests: 1, windowMs: 1000 });
    expect(limiter.take('a', 0).allowed).toBe(true);
    expect(limiter.take('b', 0).allowed).toBe(true);
    expect(limiter.take('a', 1).allowed).toBe(false);
  });

  it('refuses a limit that cannot work', () => {
    expect(() => createRateLimiter({ requests: 0, windowMs: 1000 })).toThrow(RangeError);
    expect(() => createRateLimiter({ requests: 1.5, windowMs: 1000 })).toThrow(RangeError);
  });
});

describe('retryAfterHeader', () => {
  const now = Date.UTC(2025, 0, 1, 12, 0, 0, 100);

  it('rounds up to whole seconds, never telling a client to come back early', () => {
    expect(retryAfterHeader(1, 'seconds', now)).toBe('1');
    expect(retryAfterHeader(1000, 'seconds', now)).toBe('1');
    expect(retryAfterHeader(1001, 'seconds', now)).toBe('2');
    expect(retryAfterHeader(0, 'seconds', now)).toBe('0');
    expect(retryAfterHeader(1000, 'date', now)).toBe('Wed, 01 Jan 2025 12:00:02 GMT');
    expect(retryAfterHeader(1000, 'none', now)).toBeNull();
  });
});
