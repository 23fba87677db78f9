import { DEFAULT_CONCURRENCY, DEFAULT_REQUESTS_PER_MINUTE } from '../model/opencx-api.js';
import type { Quota } from './rate-limit-headers.js';
import { RateBudget } from './rate-budget.js';

/** Every API call goes through one Scheduler: pacing, concurrency, retries, deadline. */

/** Attempts per call, the first included. */
const MAX_ATTEMPTS = 6;
const BACKOFF_BASE_MS = 500;
const BACKOFF_CAP_MS = 30_000;
/** One call, retries included, gives up after this long. */
const CALL_DEADLINE_MS = 5 * 60_000;
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
  /**
   * Requests this client may send in any window of `windowMs` (see RateBudget); null: no
   * client-side budget (the server's 429s still slow us down).
   */
  requestsPerMinute?: number | null;
  /** The window the limit is counted over; a minute for OpenCX, shorter in tests. */
  windowMs?: number;
  concurrency?: number;
  maxAttempts?: number;
  deadlineMs?: number;
  /**
   * The longest wait a server may ask for (Retry-After, a rate limit's reset): a longer one fails
   * the call at once, saying when to try again. Without it, any wait that ends before the deadline.
   */
  maxWaitMs?: number;
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

/**
 * The error for a call that cannot wait as long as the server asks: the wait would end after the
 * call's deadline. `cause` is the answer that asked for the wait (possibly another call's);
 * `attempts` is how many this call made.
 */
export type TooLate = (
  cause: unknown,
  wait: { until: number; now: number; attempts: number },
) => unknown;

/** See `Scheduler.retryRounds`. */
interface RetryRounds {
  /** After a failed round: false when the rounds are spent, else true after the backoff. */
  next: () => Promise<boolean>;
}

/** A wait every call honours before its next attempt, and the answer that asked for it. */
interface Pause {
  until: number;
  cause: unknown;
}

type Settled<T> = { value: T } | { error: unknown } | { late: Pause };

/** The cause of a pause that the server's rate-limit headers asked for, rather than a 429. */
const QUOTA_SPENT = new Error('the rate limit the server announced is spent');

export class Scheduler {
  private readonly budget: RateBudget | null;
  private readonly concurrency: number;
  private readonly maxAttempts: number;
  private readonly deadlineMs: number;
  private readonly maxWaitMs: number;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly backoffBaseMs: number;
  private readonly backoffCapMs: number;
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private pause: Pause = { until: 0, cause: undefined };
  /** What the server last said of its own count (rate-limit headers): sends left, and when. */
  private quota: { allowed: number; resetAt: number } | undefined;

  constructor(options: SchedulerOptions = {}) {
    this.clock = options.clock ?? systemClock;
    const limit =
      options.requestsPerMinute === undefined
        ? DEFAULT_REQUESTS_PER_MINUTE
        : options.requestsPerMinute;
    this.budget = limit === null ? null : new RateBudget(limit, options.windowMs ?? MINUTE_MS);
    this.concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
    this.maxAttempts = Math.max(1, options.maxAttempts ?? MAX_ATTEMPTS);
    this.deadlineMs = options.deadlineMs ?? CALL_DEADLINE_MS;
    this.maxWaitMs = options.maxWaitMs ?? Infinity;
    this.random = options.random ?? Math.random;
    this.backoffBaseMs = options.backoffBaseMs ?? BACKOFF_BASE_MS;
    this.backoffCapMs = options.backoffCapMs ?? BACKOFF_CAP_MS;
  }

  /**
   * Run `attempt` until it succeeds, `decide` says not to retry, the attempts run out or the
   * deadline passes; then the last error is thrown as it is. A wait the server asks for that
   * would end after the deadline, or last longer than `maxWaitMs`, fails the call at once with
   * `tooLate`'s error: sleeping that long, in silence, helps nobody.
   *
   * The deadline starts when the call first gets a slot: time spent queued behind other calls
   * is the run's length, not this call's trouble.
   */
  async run<T>(
    attempt: (n: number) => Promise<T>,
    decide: (error: unknown, n: number) => RetryDecision,
    tooLate: TooLate = (cause) => cause,
  ): Promise<T> {
    let deadline: number | undefined;
    for (let n = 1; ; n++) {
      await this.acquire();
      deadline ??= this.clock.now() + this.deadlineMs;
      let settled: Settled<T>;
      try {
        const late = await this.pace(deadline);
        settled = late === undefined ? { value: await attempt(n) } : { late };
      } catch (error) {
        settled = { error };
      } finally {
        this.release();
      }
      if ('value' in settled) return settled.value;
      const now = this.clock.now();
      if ('late' in settled) {
        throw tooLate(settled.late.cause, { until: settled.late.until, now, attempts: n - 1 });
      }
      const failure = settled.error;
      const decision = decide(failure, n);
      if (!decision.retry || n >= this.maxAttempts) throw failure;
      const until = now + (decision.afterMs ?? this.backoff(n));
      // No call waits this long, so none is held for it: each learns of the limit from its answer.
      if ((decision.afterMs ?? 0) > this.maxWaitMs)
        throw tooLate(failure, { until, now, attempts: n });
      if (decision.pauseAll === true && until > this.pause.until) {
        this.pause = { until, cause: failure };
      }
      if (until > deadline) {
        throw decision.afterMs === undefined
          ? failure
          : tooLate(failure, { until, now, attempts: n });
      }
      await this.clock.sleep(until - now);
    }
  }

  /**
   * Rounds of a loop that retries around `run`, such as a create whose answer was lost and that
   * is looked up before being sent again. The rounds have the bounds of one call: the configured
   * attempts, the first round included, and the deadline, counted from the first failed round.
   */
  retryRounds(): RetryRounds {
    let round = 1;
    let deadline: number | undefined;
    return {
      next: async () => {
        if (round >= this.maxAttempts) return false;
        const now = this.clock.now();
        deadline ??= now + this.deadlineMs;
        const wait = this.backoff(round);
        if (now + wait > deadline) return false;
        round++;
        await this.clock.sleep(wait);
        return true;
      },
    };
  }

  /**
   * A server's word on its limit, read from an answer: `remaining` more requests until
   * `resetAt`. The count is the org's, other clients included, so it is followed even when the
   * budget would allow more; the requests in flight besides the one answered may reach the
   * server after this answer was made, so they are taken off it.
   */
  observe(quota: Quota): void {
    const inFlight = Math.max(0, this.active - 1);
    this.quota = { allowed: quota.remaining - inFlight, resetAt: quota.resetAt };
  }

  /** Exponential backoff with full jitter: a random wait up to base * 2^(n-1), capped. */
  private backoff(n: number): number {
    return Math.floor(
      this.random() * Math.min(this.backoffCapMs, this.backoffBaseMs * 2 ** (n - 1)),
    );
  }

  /**
   * Wait out a shared pause (after a 429, or a spent count), then for this request's place in
   * the budget. Returns the pause instead when waitForPause will not wait it out.
   */
  private async pace(deadline: number): Promise<Pause | undefined> {
    const before = await this.waitForPause(deadline);
    if (before !== undefined) return before;
    const now = this.clock.now();
    const at = this.budget?.reserve(now) ?? now;
    if (at > now) await this.clock.sleep(at - now);
    for (;;) {
      const late = await this.waitForPause(deadline);
      if (late !== undefined) return late;
      const quota = this.quota;
      if (quota === undefined || this.clock.now() >= quota.resetAt) {
        this.quota = undefined;
        return undefined;
      }
      if (quota.allowed > 0) {
        quota.allowed--;
        return undefined;
      }
      // The server's count is spent: every call waits for it to start again, as after a 429.
      if (quota.resetAt > this.pause.until)
        this.pause = { until: quota.resetAt, cause: QUOTA_SPENT };
    }
  }

  /**
   * A pause can grow while it is waited out (another 429): wait until none is left. Returns the
   * pause instead when it would end after `deadline` or last longer than `maxWaitMs`.
   */
  private async waitForPause(deadline: number): Promise<Pause | undefined> {
    for (let now = this.clock.now(); now < this.pause.until; now = this.clock.now()) {
      if (this.pause.until > Math.min(deadline, now + this.maxWaitMs)) return this.pause;
      await this.clock.sleep(this.pause.until - now);
    }
    return undefined;
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
