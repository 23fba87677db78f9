/**
 * Request pacing that never exceeds `limit` requests in any window of `windowMs`, whether the
 * server counts in fixed or sliding windows: a burst of `burst` requests plus a steady rate of
 * `(limit - burst) / windowMs` adds up to at most `limit` in any window.
 *
 * A 2% margin absorbs network jitter: requests sent exactly on schedule may arrive closer
 * together than they left.
 *
 * Reservations may go below zero: each caller is told how long to wait for its own token, so
 * concurrent callers queue in order instead of racing. Pure: time is passed in.
 */
const JITTER_MARGIN = 0.98;

export class TokenBucket {
  private tokens: number;
  private last: number;
  private readonly ratePerMs: number;
  readonly burst: number;

  constructor(limit: number, windowMs: number, now: number) {
    this.burst = Math.max(1, Math.min(Math.floor(limit * 0.05), 10));
    this.ratePerMs = ((limit - this.burst) / windowMs) * JITTER_MARGIN;
    this.tokens = this.burst;
    this.last = now;
  }

  /** Take one token; returns how many ms to wait before using it (0 = now). */
  reserve(now: number): number {
    this.tokens = Math.min(this.burst, this.tokens + (now - this.last) * this.ratePerMs);
    this.last = now;
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : Math.ceil(-this.tokens / this.ratePerMs);
  }
}
