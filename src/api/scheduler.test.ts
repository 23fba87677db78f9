import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../test/helpers/fake-clock.js';
import { JITTER_MARGIN } from './rate-budget.js';
import { maxInWindow } from '../../test/helpers/windows.js';
import { rateLimitTooLong } from './retry-policy.js';
import { Scheduler, type RetryDecision, type SchedulerOptions } from './scheduler.js';

/** A refusal for a rate limit, asking every call to wait `afterMs`. */
class Throttled extends Error {
  constructor(readonly afterMs: number) {
    super(`429, retry after ${afterMs} ms`);
  }
}
/** A failure worth retrying after a backoff (a 5xx). */
class Flaky extends Error {}
/** A failure not worth retrying (a 400). */
class Refused extends Error {}

const decide = (error: unknown): RetryDecision =>
  error instanceof Throttled
    ? { retry: true, afterMs: error.afterMs, pauseAll: true }
    : { retry: error instanceof Flaky };

interface Attempt {
  call: number;
  n: number;
  start: number;
}

/**
 * A scheduler on a fake clock, and a fake server: each attempt is recorded, takes `ms` of fake
 * time, then fails with what `fail(call, n)` returns, or succeeds.
 */
function aWorld(options: SchedulerOptions = {}) {
  const clock = new FakeClock(options.clock?.now() ?? 0);
  const scheduler = new Scheduler({
    requestsPerMinute: null,
    random: () => 0.5,
    ...options,
    clock,
  });
  const attempts: Attempt[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const call = (
    id: number,
    { ms = 0, fail }: { ms?: number; fail?: (n: number) => Error | undefined } = {},
  ): Promise<string> =>
    scheduler.run(
      async (n) => {
        attempts.push({ call: id, n, start: clock.now() });
        maxInFlight = Math.max(maxInFlight, ++inFlight);
        try {
          await clock.sleep(ms);
          const failure = fail?.(n);
          if (failure !== undefined) throw failure;
          return `ok ${id}`;
        } finally {
          inFlight--;
        }
      },
      decide,
      (cause, wait) => rateLimitTooLong({ method: 'POST', path: `/call/${id}` }, cause, wait),
    );
  return {
    clock,
    scheduler,
    attempts,
    call,
    maxInFlight: () => maxInFlight,
    starts: (id?: number) =>
      attempts.filter((a) => id === undefined || a.call === id).map((a) => a.start),
  };
}

const range = (n: number, from = 0) => Array.from({ length: n }, (_, i) => from + i);

describe('Scheduler: pacing', () => {
  it('sends a run that fits the budget at once, never more than the limit in any window, and uses the whole budget', async () => {
    const world = aWorld({ requestsPerMinute: 100, concurrency: 8 });
    const { clock, call } = world;
    await clock.run(Promise.all(range(250).map((i) => call(i, { ms: 30 }))));
    const firstRun = world.starts();
    // A budget, not a metronome: the first 100 go as fast as the 8 slots allow...
    expect(firstRun.slice(0, 100).every((t) => t < 1000)).toBe(true);
    // ...and the 101st when the first has left the window (a minute and its margin).
    expect(firstRun[100]).toBeGreaterThanOrEqual(60_000 * (1 + JITTER_MARGIN));
    // A long run keeps to the whole budget: 100 more in each following window and its margin.
    const window = (firstRun[200] as number) - (firstRun[100] as number);
    expect(100 / (window / 60_000)).toBeGreaterThan(97);

    // After a pause of a window or more, a new run goes at once again.
    await clock.advance(10 * 60_000);
    const idleEnd = clock.now();
    await clock.run(Promise.all(range(150, 250).map((i) => call(i, { ms: 30 }))));
    const secondRun = world.starts().slice(250);
    expect(secondRun.slice(0, 100).every((t) => t < idleEnd + 1000)).toBe(true);

    expect(maxInWindow(world.starts(), 60_000)).toBeLessThanOrEqual(100);
    expect(world.attempts).toHaveLength(400);
  });

  it('never has more than `concurrency` attempts in flight', async () => {
    const world = aWorld({ concurrency: 3 });
    const results = await world.clock.run(
      Promise.all(range(20).map((i) => world.call(i, { ms: 1 + ((i * 37) % 50) }))),
    );
    expect(results).toEqual(range(20).map((i) => `ok ${i}`));
    expect(world.maxInFlight()).toBe(3);
  });

  it('runs calls in the order they asked once the slots are full', async () => {
    const world = aWorld({ concurrency: 2 });
    await world.clock.run(Promise.all(range(6).map((i) => world.call(i, { ms: 10 }))));
    expect(world.attempts.map((a) => a.call)).toEqual(range(6));
  });
});

describe('Scheduler: retries', () => {
  it('backs off exponentially with full jitter, capped', async () => {
    for (const random of [0, 0.5, 0.999]) {
      const world = aWorld({
        random: () => random,
        backoffBaseMs: 100,
        backoffCapMs: 1000,
        maxAttempts: 6,
      });
      await world.clock.run(world.call(0, { fail: () => new Flaky() })).catch((e: unknown) => e);
      const starts = world.starts();
      const gaps = starts.slice(1).map((t, i) => t - (starts[i] ?? 0));
      const ceilings = [100, 200, 400, 800, 1000];
      expect(gaps).toEqual(ceilings.map((c) => Math.floor(random * c)));
      for (const [i, gap] of gaps.entries()) {
        expect(gap).toBeGreaterThanOrEqual(0);
        expect(gap).toBeLessThan(ceilings[i] ?? 0);
      }
    }
  });

  it('stops after the last attempt and throws its failure', async () => {
    const world = aWorld({ maxAttempts: 4 });
    const error = await world.clock
      .run(world.call(0, { fail: (n) => new Flaky(`attempt ${n}`) }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Flaky);
    expect((error as Error).message).toBe('attempt 4');
    expect(world.attempts).toHaveLength(4);
  });

  it('never retries what decide refuses', async () => {
    const world = aWorld({ maxAttempts: 4 });
    const error = await world.clock
      .run(world.call(0, { fail: () => new Refused() }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Refused);
    expect(world.attempts).toHaveLength(1);
  });

  it('succeeds on a later attempt', async () => {
    const world = aWorld({ maxAttempts: 4 });
    const result = await world.clock.run(
      world.call(0, { fail: (n) => (n < 3 ? new Flaky() : undefined) }),
    );
    expect(result).toBe('ok 0');
    expect(world.attempts).toHaveLength(3);
  });

  it('gives up when the next attempt would start after the deadline, with attempts left', async () => {
    // Backoff without jitter: 299 ms between attempts, so a 1000 ms deadline allows four.
    const world = aWorld({
      maxAttempts: 100,
      deadlineMs: 1000,
      backoffBaseMs: 300,
      backoffCapMs: 300,
      random: () => 0.999,
    });
    const error = await world.clock
      .run(world.call(0, { fail: () => new Flaky() }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Flaky);
    expect(world.starts()).toEqual([0, 299, 598, 897]);
    // It did not sleep past the deadline only to give up then.
    expect(world.clock.now()).toBe(897);
  });

  it('starts the deadline when the call gets a slot, not while it queues behind others', async () => {
    const world = aWorld({ concurrency: 1, deadlineMs: 1000, backoffBaseMs: 10 });
    const slow = world.call(0, { ms: 5000 });
    const queued = world.call(1, { fail: (n) => (n === 1 ? new Flaky() : undefined) });
    expect(await world.clock.run(Promise.all([slow, queued]))).toEqual(['ok 0', 'ok 1']);
    expect(world.starts(1)).toHaveLength(2);
  });
});

describe('Scheduler: rate limits', () => {
  it('holds every call for one 429 pause, then lets them all proceed', async () => {
    const world = aWorld({ concurrency: 4 });
    const calls = range(8).map((i) =>
      world.call(i, {
        ms: i === 0 ? 0 : 50,
        fail: (n) => (i === 0 && n === 1 ? new Throttled(1000) : undefined),
      }),
    );
    expect(await world.clock.run(Promise.all(calls))).toEqual(range(8).map((i) => `ok ${i}`));
    // Four attempts were in flight when the 429 came back, at t=0; nothing started after it
    // before the pause ended, whichever call it belonged to.
    const early = world.attempts.filter((a) => a.start < 1000);
    expect(early.map((a) => a.call).sort()).toEqual([0, 1, 2, 3]);
    expect(early.every((a) => a.start === 0)).toBe(true);
    // After the pause everyone proceeds at once, the throttled call included.
    const late = world.attempts.filter((a) => a.start >= 1000);
    expect(late.map((a) => `${a.call}#${a.n}`).sort()).toEqual(['0#2', '4#1', '5#1', '6#1', '7#1']);
    expect(Math.max(...late.map((a) => a.start))).toBeLessThanOrEqual(1050);
  });

  it('follows the count the server announces: no send beyond it until it starts again', async () => {
    const world = aWorld({ concurrency: 1 });
    // The first answer says 2 more requests until t=5000 (other clients of the org use the rest).
    const first = world.call(0, { ms: 10 });
    await world.clock.advance(1);
    world.scheduler.observe({ remaining: 2, resetAt: 5000 });
    const rest = range(4, 1).map((i) => world.call(i, { ms: 10 }));
    await world.clock.run(Promise.all([first, ...rest]));
    const starts = world.attempts.map((a) => a.start);
    expect(starts.filter((t) => t < 5000)).toHaveLength(3);
    expect(starts.filter((t) => t >= 5000)).toEqual([5000, 5010]);
  });

  it('takes the requests in flight off the announced count', async () => {
    const world = aWorld({ concurrency: 4 });
    const calls = range(4).map((i) => world.call(i, { ms: 100 }));
    await world.clock.advance(1);
    // Answered while the other three are still in flight: 3 left means none for anyone else.
    world.scheduler.observe({ remaining: 3, resetAt: 2000 });
    const more = world.call(9, { ms: 10 });
    await world.clock.run(Promise.all([...calls, more]));
    expect(world.starts(9)).toEqual([2000]);
  });

  it('fails at once when the announced count starts again after the deadline', async () => {
    const world = aWorld({ concurrency: 1, deadlineMs: 60_000 });
    world.scheduler.observe({ remaining: 0, resetAt: 3_600_000 });
    const refused = world.call(0).catch((error: unknown) => error);
    const error = await world.clock.run(refused);
    expect(String(error)).toMatch(/the server asks to wait 3600 s/);
    expect(world.attempts).toEqual([]);
  });

  it('extends the pause when another 429 asks for longer', async () => {
    const world = aWorld({ concurrency: 2 });
    const calls = [
      world.call(0, { fail: (n) => (n === 1 ? new Throttled(500) : undefined) }),
      world.call(1, { ms: 10, fail: (n) => (n === 1 ? new Throttled(2000) : undefined) }),
      world.call(2, { ms: 10 }),
    ];
    await world.clock.run(Promise.all(calls));
    const retried = world.attempts.filter((a) => a.start > 0);
    expect(retried.every((a) => a.start >= 2010)).toBe(true);
  });

  it('fails at once, without sleeping, when Retry-After outlasts the deadline', async () => {
    const start = Date.UTC(2026, 10, 30, 3, 12, 0);
    const world = aWorld({ concurrency: 1, clock: new FakeClock(start) });
    const throttled = world.call(0, { fail: () => new Throttled(3_600_000) });
    const queued = world.call(1);
    const errors = await world.clock.run(
      Promise.all([throttled.catch((e: unknown) => e), queued.catch((e: unknown) => e)]),
    );
    expect((errors[0] as Error).message).toBe(
      'POST /call/0 was rate limited: the server asks to wait 3600 s (until 2026-11-30T04:12:00Z); try again after that.',
    );
    expect(errors[0]).toMatchObject({ status: 429, rateLimited: true, attempts: 1 });
    // The call queued behind it is not sent into the same limit: it fails too, naming itself.
    expect((errors[1] as Error).message).toMatch(/^POST \/call\/1 was rate limited: .*3600 s/);
    expect(errors[1]).toMatchObject({ attempts: 0 });
    expect(world.attempts).toHaveLength(1);
    expect(world.clock.now()).toBe(start);
    expect(world.clock.sleeping).toBe(0);
  });

  it('fails at once on a wait longer than maxWaitMs, and holds no other call for it', async () => {
    const start = Date.UTC(2026, 10, 30, 3, 12, 0);
    const world = aWorld({ maxWaitMs: 60_000, clock: new FakeClock(start) });
    const error = await world.clock
      .run(world.call(0, { fail: () => new Throttled(61_000) }))
      .catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      'POST /call/0 was rate limited: the server asks to wait 61 s (until 2026-11-30T03:13:01Z); try again after that.',
    );
    expect(await world.clock.run(world.call(1))).toBe('ok 1');
    expect(world.starts()).toEqual([start, start]);

    const patient = aWorld({ maxWaitMs: 60_000 });
    const result = await patient.clock.run(
      patient.call(0, { fail: (n) => (n === 1 ? new Throttled(60_000) : undefined) }),
    );
    expect(result).toBe('ok 0');
    expect(patient.starts()).toEqual([0, 60_000]);
  });

  it('fails at once when the announced count starts again later than maxWaitMs', async () => {
    const world = aWorld({ concurrency: 1, maxWaitMs: 60_000 });
    world.scheduler.observe({ remaining: 0, resetAt: 180_000 });
    const error = await world.clock.run(world.call(0).catch((e: unknown) => e));
    expect((error as Error).message).toMatch(/the server asks to wait 180 s/);
    expect(error).toMatchObject({ rateLimited: true, attempts: 0 });
    expect(world.attempts).toEqual([]);
    expect(world.clock.now()).toBe(0);

    // A count that starts again within maxWaitMs is waited for.
    const patient = aWorld({ concurrency: 1, maxWaitMs: 60_000 });
    patient.scheduler.observe({ remaining: 0, resetAt: 60_000 });
    expect(await patient.clock.run(patient.call(1))).toBe('ok 1');
    expect(patient.starts()).toEqual([60_000]);
  });

  it('waits out a Retry-After that ends before the deadline', async () => {
    const world = aWorld({ deadlineMs: 5000 });
    const result = await world.clock.run(
      world.call(0, { fail: (n) => (n === 1 ? new Throttled(4000) : undefined) }),
    );
    expect(result).toBe('ok 0');
    expect(world.starts()).toEqual([0, 4000]);
  });
});

describe('Scheduler: rounds around a call', () => {
  /** Rounds that fail until they are spent; the times each round started. */
  async function roundsUntilSpent(options: SchedulerOptions): Promise<number[]> {
    const world = aWorld(options);
    const rounds = world.scheduler.retryRounds();
    const starts: number[] = [];
    await world.clock.run(
      (async () => {
        do starts.push(world.clock.now());
        while (await rounds.next());
      })(),
    );
    return starts;
  }

  it('allows the configured attempts, the first round included, backing off between them', async () => {
    const starts = await roundsUntilSpent({
      maxAttempts: 3,
      backoffBaseMs: 100,
      backoffCapMs: 1000,
      random: () => 0.5,
    });
    expect(starts).toEqual([0, 50, 150]);
  });

  it('allows no round that would start after the deadline, counted from the first failure', async () => {
    // Backoff without jitter: 299 ms before each round, so a 700 ms deadline allows two more.
    const starts = await roundsUntilSpent({
      maxAttempts: 100,
      deadlineMs: 700,
      backoffBaseMs: 300,
      backoffCapMs: 300,
      random: () => 0.999,
    });
    expect(starts).toEqual([0, 299, 598]);
  });
});
