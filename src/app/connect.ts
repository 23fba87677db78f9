import path from 'node:path';
import { OpenCxClient, type RequestEvent } from '../api/client.js';
import type { RateLimit, Target } from '../config/config.js';
import { readToken } from '../config/targets.js';

/** An open connection to a target: the client, and how to let go of it. */
export interface Connection {
  client: OpenCxClient;
  url: string;
  close: () => Promise<void>;
}

export interface ConnectOptions {
  /** Where relative data files of local targets live (the project folder). */
  baseDir: string;
  env: Readonly<Record<string, string | undefined>>;
  onRequest?: (event: RequestEvent) => void;
}

/**
 * Connect to a target. A local target starts the embedded emulator in this process, on an
 * ephemeral loopback port, with its data file; it goes away with the connection. The emulator
 * enforces no rate limit unless the target sets one (`rate_limit`), and then the client keeps
 * to it as to the real API's.
 */
export async function connect(target: Target, options: ConnectOptions): Promise<Connection> {
  const limited = target.kind === 'remote' || target.emulatedLimit !== null;
  const schedule = {
    requestsPerMinute: limited ? budgetOf(target.rateLimit) : null,
    concurrency: target.rateLimit.concurrency,
    ...(options.onRequest === undefined ? {} : { onRequest: options.onRequest }),
  };
  if (target.kind === 'remote') {
    const client = new OpenCxClient({
      baseUrl: target.url,
      token: readToken(target, options.env),
      ...schedule,
    });
    return { client, url: target.url, close: () => client.close() };
  }
  const { startEmulator } = await import('../emulator/index.js');
  const emulator = await startEmulator({
    port: 0,
    dataFile: path.resolve(options.baseDir, target.dataFile),
    rateLimit:
      target.emulatedLimit === null ? false : { requests: target.emulatedLimit, windowMs: MINUTE },
  });
  const client = new OpenCxClient({ baseUrl: emulator.url, token: emulator.token, ...schedule });
  return {
    client,
    url: emulator.url,
    close: async () => {
      await client.close();
      await emulator.stop();
    },
  };
}

const MINUTE = 60_000;

/** The requests a minute this tool may send: its share of the org's limit, at least one. */
export function budgetOf(rateLimit: RateLimit): number {
  return Math.max(1, Math.floor(rateLimit.requestsPerMinute * rateLimit.share));
}
