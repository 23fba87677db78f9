import { afterEach } from 'vitest';
import { OpenCxClient, type ClientOptions, type RequestEvent } from '../../src/api/client.js';
import type { RunningEmulator } from '../../src/emulator/index.js';

const open: OpenCxClient[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.close()));
});

/**
 * A client of the emulator, closed after the test. Pacing is off and backoff short unless the
 * test sets them, so that only tests about them pay for them.
 */
export function clientOf(
  emulator: Pick<RunningEmulator, 'url' | 'token'>,
  options: Partial<ClientOptions> = {},
): { client: OpenCxClient; events: RequestEvent[] } {
  const events: RequestEvent[] = [];
  const client = new OpenCxClient({
    baseUrl: emulator.url,
    token: emulator.token,
    requestsPerMinute: null,
    backoffBaseMs: 5,
    backoffCapMs: 50,
    onRequest: (e) => events.push(e),
    ...options,
  });
  open.push(client);
  return { client, events };
}

/** Everything an async iterable yields. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
