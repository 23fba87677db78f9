import { afterEach } from 'vitest';
import {
  startEmulator,
  type EmulatorOptions,
  type RunningEmulator,
} from '../../src/emulator/index.js';

const running: RunningEmulator[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((emulator) => emulator.stop()));
});

/**
 * An emulator for the current test on a free port of 127.0.0.1, stopped after the test. The
 * rate limit is off unless the test sets one, so that only tests about it meet it.
 */
export async function useEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const emulator = await startEmulator({ rateLimit: false, ...options });
  running.push(emulator);
  return emulator;
}

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  /** The JSON body, or undefined when empty. */
  body: T;
  text: string;
}

export interface CallOptions {
  /** Sent as JSON unless `raw` is given. */
  body?: unknown;
  /** Sent as is, with `headers` deciding its Content-Type. */
  raw?: string;
  /** `null` sends no Authorization header; default: the emulator's token. */
  token?: string | null;
  headers?: Record<string, string>;
}

/** One real HTTP request to the emulator with Node's fetch. */
export async function call<T = unknown>(
  emulator: Pick<RunningEmulator, 'url' | 'token'>,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<ApiResponse<T>> {
  const token = options.token === undefined ? emulator.token : options.token;
  const headers: Record<string, string> = {
    ...(token === null ? {} : { authorization: `Bearer ${token}` }),
    ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
    ...options.headers,
  };
  const response = await fetch(`${emulator.url}${path}`, {
    method,
    headers,
    body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: (text === '' ? undefined : JSON.parse(text)) as T,
    text,
  };
}

/** The messages of an error envelope, for `toContain` assertions. */
export function messagesOf(response: ApiResponse): string[] {
  const body = response.body as { message?: string[] } | undefined;
  return body?.message ?? [];
}
