import { Pool } from 'undici';
import type { z } from 'zod';
import { VERSION } from '../util/version.js';
import { redact } from '../util/redact.js';
import { checkBaseUrl } from './base-url.js';
import { REQUEST_ID_HEADER, errorBodySchema } from './contract.js';
import { ApiError, UnexpectedResponseError, describeApiFailure } from './errors.js';
import {
  connectionFailure,
  decideRetry,
  isTransientStatus,
  rateLimitTooLong,
} from './retry-policy.js';
import { parseRetryAfter } from './retry-after.js';
import { Scheduler, systemClock, type Clock, type SchedulerOptions } from './scheduler.js';

/**
 * The one HTTP edge of the OpenCX client: a keep-alive undici pool, one attempt of a request
 * (status, body shape, errors), and the scheduler that paces and retries attempts. Every message
 * it produces passes through redaction, so the token never leaves in one.
 */

export const CONNECT_TIMEOUT_MS = 10_000;
export const HEADERS_TIMEOUT_MS = 30_000;
export const BODY_TIMEOUT_MS = 30_000;
export const KEEP_ALIVE_MS = 10_000;

export interface TransportOptions extends SchedulerOptions {
  baseUrl: string;
  /** The API key. It is sent in the Authorization header and nowhere else. */
  token: string;
  /** Called after every attempt, for --debug output. Messages are already redacted. */
  onRequest?: (event: RequestEvent) => void;
}

export interface RequestEvent {
  method: string;
  path: string;
  attempt: number;
  status: number | undefined;
  ms: number;
  requestId: string | undefined;
  error?: string;
}

export interface CallSpec<T> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** Shape of a 2xx body; absent when the body does not matter. */
  schema?: z.ZodType<T>;
  /** False for creates: a failure after sending is then ambiguous and not retried here. */
  idempotent: boolean;
}

export class Transport {
  private readonly pool: Pool;
  readonly scheduler: Scheduler;
  readonly clock: Clock;
  private readonly token: string;
  private readonly basePath: string;
  /** Named in errors about reaching the server (a URL's host never holds its credentials). */
  private readonly host: string;
  private readonly userAgent = `opencx-trainings/${VERSION} node/${process.version}`;
  private readonly onRequest: ((event: RequestEvent) => void) | undefined;

  constructor(options: TransportOptions) {
    const url = checkBaseUrl(options.baseUrl);
    this.token = options.token;
    this.basePath = url.pathname.replace(/\/+$/, '');
    this.host = url.host;
    this.clock = options.clock ?? systemClock;
    this.scheduler = new Scheduler(options);
    this.onRequest = options.onRequest;
    this.pool = new Pool(url.origin, {
      connections: Math.max(1, options.concurrency ?? 4),
      connectTimeout: CONNECT_TIMEOUT_MS,
      headersTimeout: HEADERS_TIMEOUT_MS,
      bodyTimeout: BODY_TIMEOUT_MS,
      keepAliveTimeout: KEEP_ALIVE_MS,
    });
  }

  async close(): Promise<void> {
    await this.pool.close();
  }

  /** One call: attempts paced and retried by the scheduler until one succeeds or it gives up. */
  call<T>(spec: CallSpec<T>): Promise<T> {
    return this.scheduler.run(
      (attempt) => this.attempt(spec, attempt),
      (error) => decideRetry(error, spec.idempotent),
      (cause, wait) => rateLimitTooLong(spec, cause, wait),
    );
  }

  private async attempt<T>(spec: CallSpec<T>, attempt: number): Promise<T> {
    const path = `${this.basePath}${spec.path}${queryString(spec.query)}`;
    const started = this.clock.now();
    const details = { method: spec.method, path: spec.path, attempts: attempt, host: this.host };
    let status: number | undefined;
    let requestId: string | undefined;
    let failure: ApiError | undefined;
    try {
      const response = await this.pool.request({
        method: spec.method,
        path,
        headers: {
          authorization: `Bearer ${this.token}`,
          'user-agent': this.userAgent,
          accept: 'application/json',
          ...(spec.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: spec.body === undefined ? null : JSON.stringify(spec.body),
      });
      status = response.statusCode;
      requestId = headerValue(response.headers[REQUEST_ID_HEADER]);
      const text = await response.body.text();
      if (status < 200 || status >= 300) {
        const retryAfter = headerValue(response.headers['retry-after']);
        // A server error on a write leaves its outcome unknown, like a dropped connection.
        const ambiguous = !spec.idempotent && isTransientStatus(status);
        throw this.httpError({
          ...details,
          status,
          requestId,
          serverMessage: serverMessageOf(text),
          ambiguous,
          retryAfterMs: parseRetryAfter(retryAfter, this.clock.now()),
        });
      }
      return this.parseBody(spec, text, { ...details, status, requestId });
    } catch (error) {
      failure =
        error instanceof ApiError
          ? error
          : connectionFailure(error, details, spec.idempotent, (t) => this.safe(t));
      throw failure;
    } finally {
      this.report({
        method: spec.method,
        path: spec.path,
        attempt,
        status,
        ms: this.clock.now() - started,
        requestId,
        ...(failure === undefined ? {} : { error: failure.message }),
      });
    }
  }

  private parseBody<T>(
    spec: CallSpec<T>,
    text: string,
    details: { method: string; path: string; status: number; requestId: string | undefined },
  ): T {
    if (spec.schema === undefined) return undefined as T;
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      throw new UnexpectedResponseError(
        this.safe(
          `${spec.method} ${spec.path} answered with a body that is not JSON: ${truncate(text)}`,
        ),
        details,
      );
    }
    const result = spec.schema.safeParse(json);
    if (!result.success) {
      const issue = result.error.issues[0];
      const where =
        issue === undefined || issue.path.length === 0
          ? 'the body'
          : `field "${issue.path.join('.')}"`;
      throw new UnexpectedResponseError(
        this.safe(
          `${spec.method} ${spec.path} answered with an unexpected shape: ${where}: ${issue?.message ?? 'invalid'}.`,
        ),
        details,
      );
    }
    return result.data;
  }

  private httpError(details: ConstructorParameters<typeof ApiError>[1]): ApiError {
    return new ApiError(this.safe(describeApiFailure(details)), {
      ...details,
      serverMessage: details.serverMessage && this.safe(details.serverMessage),
    });
  }

  private report(event: RequestEvent): void {
    this.onRequest?.({
      ...event,
      ...(event.error === undefined ? {} : { error: this.safe(event.error) }),
    });
  }

  /** Every message leaving the client passes here, so the token never does. */
  private safe(text: string): string {
    return redact(text, {}, [this.token]);
  }
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function queryString(query: CallSpec<unknown>['query']): string {
  if (query === undefined) return '';
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) params.set(name, String(value));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** The server's words from an error body: `message` (string or list), else `error`, else text. */
export function serverMessageOf(text: string): string | undefined {
  if (text.trim() === '') return undefined;
  try {
    const parsed = errorBodySchema.safeParse(JSON.parse(text));
    if (parsed.success) {
      const { message, error } = parsed.data;
      if (Array.isArray(message) && message.length > 0) return message.join('; ');
      if (typeof message === 'string' && message !== '') return message;
      if (error !== undefined) return error;
    }
  } catch {
    // Not JSON: the raw text below.
  }
  return truncate(text);
}

function truncate(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 197)}...` : flat;
}
