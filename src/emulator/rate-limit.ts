/**
 * The real API allows 100 requests a minute per API key. The emulator counts a sliding window per
 * token: a request is refused while `requests` others were accepted in the last `windowMs`, and
 * Retry-After says when the oldest of them leaves the window. Refused requests do not count.
 */

export interface RateLimit {
  requests: number;
  windowMs: number;
}

/** The documented budget of standard endpoints. */
export const DOCUMENTED_RATE_LIMIT: RateLimit = { requests: 100, windowMs: 60_000 };

export type RateDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

export function createRateLimiter(limit: RateLimit) {
  if (!(Number.isInteger(limit.requests) && limit.requests > 0 && limit.windowMs > 0)) {
    throw new RangeError('rateLimit needs a whole number of requests > 0 and a windowMs > 0');
  }
  const accepted = new Map<string, number[]>();
  return {
    limit: { ...limit },
    take(key: string, now: number): RateDecision {
      const times = (accepted.get(key) ?? []).filter((t) => t > now - limit.windowMs);
      accepted.set(key, times);
      const oldest = times[0];
      if (oldest !== undefined && times.length >= limit.requests) {
        return { allowed: false, retryAfterMs: oldest + limit.windowMs - now };
      }
      times.push(now);
      return { allowed: true };
    },
  };
}
export type RateLimiter = ReturnType<typeof createRateLimiter>;

/** [inferred] How a 429 says when to come back: seconds, an HTTP date, or not at all. */
export type RetryAfterFormat = 'seconds' | 'date' | 'none';

/**
 * The Retry-After header for a wait of `waitMs` at `now` (ms since the epoch), or null. Both
 * forms round up to a whole second, as the header has no finer unit, so a client that honours
 * it never comes back early.
 */
export function retryAfterHeader(
  waitMs: number,
  format: RetryAfterFormat,
  now: number,
): string | null {
  if (format === 'none') return null;
  if (format === 'seconds') return String(Math.max(0, Math.ceil(waitMs / 1000)));
  return new Date(Math.ceil((now + waitMs) / 1000) * 1000).toUTCString();
}
