import { describe, expect, it } from 'vitest';
import type { EmulatorOptions } from '../../src/emulator/index.js';
import { call, messagesOf, useEmulator } from '../helpers/emulator.js';

const refund = { title: 'How do I get a refund?', content: 'Refunds within 30 days.' };
const EPOCH = Date.UTC(2025, 0, 1);

/** An emulator on a clock the test moves by hand. */
async function onClock(options: EmulatorOptions) {
  const clock = { now: EPOCH };
  const emulator = await useEmulator({ ...options, clock: () => clock.now });
  return { emulator, clock };
}

describe('emulator: rate limit', () => {
  it('answers 429 with Retry-After once the budget of the window is spent', async () => {
    const { emulator, clock } = await onClock({ rateLimit: { requests: 3, windowMs: 1000 } });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await call(emulator, 'GET', '/training')).status);
      clock.now += 100;
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await call(emulator, 'GET', '/training');
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.body).toEqual({
      statusCode: 429,
      message: ['too many requests: the limit is 3 requests per 1 s per API key'],
      error: 'Too Many Requests',
    });
    expect(emulator.requests.at(-1)).toMatchObject({ status: 429, fault: null });
    // The first request leaves the window 1000 ms after it came: then one more is allowed.
    clock.now = EPOCH + 1000;
    expect((await call(emulator, 'GET', '/training')).status).toBe(200);
    expect((await call(emulator, 'GET', '/training')).status).toBe(429);
  });

  it('does not count requests refused for their credentials', async () => {
    const { emulator } = await onClock({ rateLimit: { requests: 1, windowMs: 60_000 } });
    await call(emulator, 'GET', '/training', { token: 'wrong' });
    expect((await call(emulator, 'GET', '/training')).status).toBe(200);
  });

  it('says when to retry as seconds, as an HTTP date, or not at all', async () => {
    const { emulator, clock } = await onClock({ rateLimit: { requests: 1, windowMs: 2000 } });
    await call(emulator, 'GET', '/training');
    clock.now += 250;
    const retryAfter = async () =>
      (await call(emulator, 'GET', '/training')).headers.get('retry-after');
    expect(await retryAfter()).toBe('2');
    emulator.setSwitches({ retryAfter: 'date' });
    expect(await retryAfter()).toBe('Wed, 01 Jan 2025 00:00:02 GMT');
    emulator.setSwitches({ retryAfter: 'none' });
    expect(await retryAfter()).toBeNull();
  });

  it('can be turned off and on while running', async () => {
    const { emulator } = await onClock({ rateLimit: { requests: 1, windowMs: 60_000 } });
    emulator.setRateLimit(false);
    for (let i = 0; i < 3; i++) expect((await call(emulator, 'GET', '/training')).status).toBe(200);
    emulator.setRateLimit({ requests: 1, windowMs: 60_000 });
    expect((await call(emulator, 'GET', '/training')).status).toBe(200);
    expect((await call(emulator, 'GET', '/training')).status).toBe(429);
  });
});

describe('emulator: injected faults', () => {
  it('answers 500, 502 or 503 before handling anything', async () => {
    const emulator = await useEmulator({ faults: { errorRate: 1 } });
    const statuses = new Set<number>();
    for (let i = 0; i < 12; i++) {
      const response = await call(emulator, 'POST', '/training', { body: refund });
      statuses.add(response.status);
      expect(response.body).toMatchObject({ statusCode: response.status });
    }
    expect([...statuses].sort()).toEqual([500, 502, 503]);
    expect(emulator.store.trainings()).toEqual([]);
    expect(emulator.requests.every((r) => r.fault === 'error')).toBe(true);
  });

  it('answers 429 with Retry-After as an injected throttle', async () => {
    const emulator = await useEmulator({
      faults: { throttleRate: 1, throttleRetryAfterMs: 3000 },
    });
    const response = await call(emulator, 'GET', '/training');
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('3');
    expect(messagesOf(response)[0]).toContain('injected fault');
    expect(emulator.requests[0]).toMatchObject({ status: 429, fault: 'throttle' });
  });

  it('commit-then-drop: stores the write, then cuts the connection without an answer', async () => {
    const emulator = await useEmulator({ faults: { dropRate: 1 } });
    await expect(call(emulator, 'POST', '/training', { body: refund })).rejects.toThrow(
      'fetch failed',
    );
    expect(emulator.store.trainings()).toMatchObject([refund]);
    expect(emulator.requests[0]).toMatchObject({
      method: 'POST',
      status: 'dropped',
      fault: 'drop',
    });
    // Reads are never dropped: the client can look the write up.
    const listed = await call(emulator, 'GET', '/training');
    expect(listed.status).toBe(200);
  });

  it('answers a write that fails, as there was nothing to commit', async () => {
    const emulator = await useEmulator({ faults: { dropRate: 1 } });
    expect((await call(emulator, 'POST', '/training', { body: {} })).status).toBe(400);
    expect(emulator.requests[0]).toMatchObject({ status: 400, fault: null });
  });

  it('adds latency from the range', async () => {
    const emulator = await useEmulator({ faults: { latencyMs: { min: 40, max: 40 } } });
    await call(emulator, 'GET', '/training');
    const [entry] = emulator.requests;
    expect(entry?.latencyMs).toBe(40);
    expect((entry?.end ?? 0) - (entry?.start ?? 0)).toBeGreaterThanOrEqual(39);
  });

  it('stops promptly while a request waits out its latency', async () => {
    const emulator = await useEmulator({ faults: { latencyMs: 300 } });
    const pending = call(emulator, 'POST', '/training', { body: refund }).then(
      () => 'answered',
      () => 'cut off',
    );
    while (emulator.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const started = performance.now();
    await emulator.stop();
    expect(performance.now() - started).toBeLessThan(1000);
    expect(await pending).toBe('cut off');
  });

  it('restricts faults to some methods, or to writes', async () => {
    const emulator = await useEmulator({ faults: { errorRate: 1, methods: ['DELETE'] } });
    expect((await call(emulator, 'GET', '/training')).status).toBe(200);
    expect((await call(emulator, 'POST', '/training', { body: refund })).status).toBe(201);
    expect((await call(emulator, 'DELETE', '/training/x')).status).toBeGreaterThanOrEqual(500);
    emulator.setFaults({ errorRate: 1, writesOnly: true });
    expect((await call(emulator, 'GET', '/training')).status).toBe(200);
    expect((await call(emulator, 'PUT', '/training/x', { body: refund })).status).toBeGreaterThan(
      499,
    );
  });

  it('turns faults on and off while running', async () => {
    const emulator = await useEmulator();
    emulator.setFaults({ errorRate: 1, errorStatuses: [503] });
    expect((await call(emulator, 'GET', '/training')).status).toBe(503);
    emulator.setFaults(null);
    expect((await call(emulator, 'GET', '/training')).status).toBe(200);
  });

  it('draws the same faults for the same seed and requests', async () => {
    const run = async (seed: number) => {
      const emulator = await useEmulator({ faults: { seed, errorRate: 0.3, throttleRate: 0.2 } });
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) statuses.push((await call(emulator, 'GET', '/training')).status);
      return statuses;
    };
    const first = await run(42);
    expect(await run(42)).toEqual(first);
    expect(first.filter((s) => s === 200).length).toBeGreaterThan(0);
    expect(first.filter((s) => s !== 200).length).toBeGreaterThan(0);
    expect(await run(7)).not.toEqual(first);
  });

  it('echoes the Authorization header and its bare token into error bodies, while asked to', async () => {
    const emulator = await useEmulator({ token: 'QZXWK', faults: { echoAuthorization: true } });
    const echoed = (token: string) =>
      `echoed by an injected fault: Authorization: Bearer ${token}; token: ${token}`;

    const wrongKey = await call(emulator, 'GET', '/training', { token: 'WRONG' });
    expect(wrongKey.status).toBe(401);
    expect(messagesOf(wrongKey)).toEqual(['the API key is not valid', echoed('WRONG')]);

    const invalid = await call(emulator, 'POST', '/training', { body: { title: '' } });
    expect(invalid.status).toBe(400);
    expect(messagesOf(invalid)).toContain(echoed('QZXWK'));
    expect(messagesOf(await call(emulator, 'GET', '/nowhere'))).toContain(echoed('QZXWK'));

    // Successes are untouched, and so is a request that sent no credentials.
    expect((await call(emulator, 'GET', '/training')).text).not.toContain('QZXWK');
    const anonymous = await call(emulator, 'GET', '/training', { token: null });
    expect(messagesOf(anonymous)).toHaveLength(1);

    emulator.setFaults({ errorRate: 1, errorStatuses: [503], echoAuthorization: true });
    expect(messagesOf(await call(emulator, 'GET', '/training'))).toContain(echoed('QZXWK'));
    emulator.setFaults(null);
    expect((await call(emulator, 'GET', '/training', { token: 'WRONG' })).text).not.toContain(
      'WRONG',
    );
  });
});
