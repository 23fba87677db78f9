import { TokenBucket } from './token-bucket.js';

/** Every API call goes through one Scheduler: pacing, concurrency, retries, deadline. */

export const DEFAULT_REQUESTS_PER_MINUTE = 100;
export const DEFAULT_CONCURRENCY = 4;
/** Attempts per call, the first included. */
export const MAX_ATTEMPTS = 6;
export const BACKOFF_BASE_MS = 500;
export const BACKOFF_CAP_MS = 30_000;
/** One call, retries included, gives up after this long. */
export const CALL_DEADLINE_MS = 5 * 60_000;
const MINUTE_MS = 60_000;

export interface Clock {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface SchedulerOptions {
  /** null: no client-side pacing (the server's 429s still slow us down). */
  requestsPerMinute?: number | null;
  /** The window the limit is counted over; a minute for OpenCX, shorter in tests. */
  windowMs?: number;
  concurrency?: number;
  maxAttempts?: number;
  deadlineMs?: number;
  clock?: Clock;
  /** Source of jitter, in [0, 1). */
  random?: () => number;
  /** First backoff step and its cap; shorter in tests. */
  backoffBaseMs?: number;
  backoffCapMs?: number;
}

/** What to do after a failed attempt. */
export type RetryDecision =
  | { retry: false }
  /** `afterMs`: the server said when (Retry-After); `pauseAll`: the limit is shared by all calls. */
  | { retry: true; afterMs?: number | undefined; pauseAll?: boolean };

export class Scheduler {
  private readonly bucket: TokenBucket | null;
  private readonly concurrency: number;
  private readonly maxAttempts: number;
  private readonly deadlineMs: number;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly backoffBaseMs: number;
  private readonly backoffCapMs: number;
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private pausedUntil = 0;

  constructor(options: SchedulerOptions = {}) {
    this.clock = options.clock ?? systemClock;
    const limit =
      options.requestsPerMinute === undefined
        ? DEFAULT_REQUESTS_PER_MINUTE
        : options.requestsPerMinute;
    this.bucket =
      limit === null
        ? null
        : new TokenBucket(limit, options.windowMs ?? MINUTE_MS, this.clock.now());
    this.concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
    this.maxAttempts = Math.max(1, options.maxAttempts ?? MAX_ATTEMPTS);
    this.deadlineMs = options.deadlineMs ?? CALL_DEADLINE_MS;
    this.random = options.random ?? Math.random;
    this.backoffBaseMs = options.backoffBaseMs ?? BACKOFF_BASE_MS;
    this.backoffCapMs = options.backoffCapMs ?? BACKOFF_CAP_MS;
  }

  /**
   * Run `attempt` until it succeeds, `decide` says not to retry, the attempts run out or the
   * deadline passes; then the last error is thrown as it is.
   */
  async run<T>(
    attempt: (n: number) => Promise<T>,
    decide: (error: unknown, n: number) => RetryDecision,
  ): Promise<T> {
    const deadline = this.clock.now() + this.deadlineMs;
    for (let n = 1; ; n++) {
      let decision: RetryDecision;
      let failure: unknown;
      await this.acquire();
      try {
        await this.pace();
        return await attempt(n);
      } catch (error) {
        failure = error;
        decision = decide(error, n);
      } finally {
        this.release();
      }
      if (!decision.retry || n >= this.maxAttempts) throw failure;
      const delay = decision.afterMs ?? this.backoff(n);
      if (decision.pauseAll === true)
        this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + delay);
      if (this.clock.now() + delay > deadline) throw failure;
      await this.clock.sleep(delay);
    }
  }

  /** Exponential backoff with full jitter: a random wait up to base * 2^(n-1), capped. */
  backoff(n: number): number {
    return Math.floor(
      this.random() * Math.min(this.backoffCapMs, this.backoffBaseMs * 2 ** (n - 1)),
    );
  }

  /** Wait out a shared pause (after a 429), then for this request's token. */
  private async pace(): Promise<void> {
    await this.waitForPause();
    const wait = this.bucket?.reserve(this.clock.now()) ?? 0;
    if (wait > 0) await this.clock.sleep(wait);
    await this.waitForPause();
  }

  private async waitForPause(): Promise<void> {
    for (let now = this.clock.now(); now < this.pausedUntil; now = this.clock.now()) {
      await this.clock.sleep(this.pausedUntil - now);
    }
  }

  private async acquire(): Promise<void> {
    if (this.active < this.concurrency) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  /** Hand the slot to the next waiter directly, so that it cannot be taken out of turn. */
  private release(): void {
    const next = this.waiting.shift();
    if (next === undefined) this.active--;
    else next();
  }
}
