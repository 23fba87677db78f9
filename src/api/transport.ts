import { Pool } from 'undici';
import type { z } from 'zod';
import { DEFAULT_CONCURRENCY } from '../model/opencx-api.js';
import { VERSION } from '../util/version.js';
import { redact } from '../util/redact.js';
import { checkBaseUrl } from './base-url.js';
import { ApiError, describeApiFailure } from './errors.js';
import { readBody, serverMessageOf } from './response-body.js';
import { readQuota } from './rate-limit-headers.js';
import { headerValue, type ResponseHeaders } from './response-headers.js';
import {
  connectionFailure,
  decideRetry,
  isTransientStatus,
  rateLimitTooLong,
} from './retry-policy.js';
import { Scheduler, systemClock, type Clock, type SchedulerOptions } from './scheduler.js';

/**
 * The one HTTP edge of the tool, for the OpenCX API and the GitHub API alike: a keep-alive
 * undici pool, one attempt of a request (status, body shape, errors, a debug event), and the
 * scheduler that paces and retries attempts on the injected clock. Every message it produces
 * passes through the redaction of the client's token, so the token never leaves in one. What
 * differs from one API to the other is a `Service`.
 */

const CONNECT_TIMEOUT_MS = 10_000;
const HEADERS_TIMEOUT_MS = 30_000;
const BODY_TIMEOUT_MS = 30_000;
const KEEP_ALIVE_MS = 10_000;

/** How a service says that a refusal is a rate limit, and how long it asks to wait. */
export interface RateLimit {
  rateLimited: boolean;
  retryAfterMs: number | undefined;
}

/** What one API adds to the edge. */
export interface Service {
  /** Sent with every request, besides the token, the User-Agent and the body's type. */
  headers: Readonly<Record<string, string>>;
  /** The response header carrying the server's id for a request, quoted in errors. */
  requestIdHeader: string;
  /** Read on every answer that is not a 2xx. `now` is the injected clock's. */
  readRateLimit: (status: number, headers: ResponseHeaders, now: number) => RateLimit;
}

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
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Below the base URL, without the query. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** Shape of a 2xx body; absent when the body does not matter. */
  schema?: z.ZodType<T>;
  /** False for creates: a failure after sending is then ambiguous and not retried here. */
  idempotent: boolean;
}

/** A 2xx answer: its body, checked, and its headers (pagination links). */
interface Answer<T> {
  data: T;
  headers: ResponseHeaders;
}

export class Transport {
  private readonly pool: Pool;
  readonly scheduler: Scheduler;
  private readonly clock: Clock;
  private readonly token: string;
  private readonly basePath: string;
  /** Named in errors about reaching the server (a URL's host never holds its credentials). */
  private readonly host: string;
  private readonly userAgent = `opencx-trainings/${VERSION} node/${process.version}`;
  private readonly onRequest: ((event: RequestEvent) => void) | undefined;

  constructor(
    options: TransportOptions,
    private readonly service: Service,
  ) {
    const url = checkBaseUrl(options.baseUrl);
    this.token = options.token;
    this.basePath = url.pathname.replace(/\/+$/, '');
    this.host = url.host;
    this.clock = options.clock ?? systemClock;
    this.scheduler = new Scheduler(options);
    this.onRequest = options.onRequest;
    this.pool = new Pool(url.origin, {
      connections: Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY),
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
  request<T>(spec: CallSpec<T>): Promise<Answer<T>> {
    return this.scheduler.run(
      (attempt) => this.attempt(spec, attempt),
      (error) => decideRetry(error, spec.idempotent),
      (cause, wait) => rateLimitTooLong(spec, cause, wait),
    );
  }

  private async attempt<T>(spec: CallSpec<T>, attempt: number): Promise<Answer<T>> {
    const started = this.clock.now();
    const details = { method: spec.method, path: spec.path, attempts: attempt, host: this.host };
    let status: number | undefined;
    let requestId: string | undefined;
    let failure: ApiError | undefined;
    try {
      const response = await this.pool.request({
        method: spec.method,
        path: `${this.basePath}${spec.path}${queryString(spec.query)}`,
        headers: {
          ...this.service.headers,
          authorization: `Bearer ${this.token}`,
          'user-agent': this.userAgent,
          ...(spec.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: spec.body === undefined ? null : JSON.stringify(spec.body),
      });
      status = response.statusCode;
      requestId = headerValue(response.headers, this.service.requestIdHeader);
      const quota = readQuota(response.headers, this.clock.now());
      if (quota !== undefined) this.scheduler.observe(quota);
      const text = await response.body.text();
      if (status < 200 || status >= 300) {
        throw this.httpError({
          ...details,
          status,
          requestId,
          serverMessage: serverMessageOf(text),
          // A server error on a write leaves its outcome unknown, like a dropped connection.
          ambiguous: !spec.idempotent && isTransientStatus(status),
          ...this.service.readRateLimit(status, response.headers, this.clock.now()),
        });
      }
      const data = readBody(spec.schema, text, { ...details, status, requestId }, (t) =>
        this.safe(t),
      );
      return { data, headers: response.headers };
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

function queryString(query: CallSpec<unknown>['query']): string {
  if (query === undefined) return '';
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) params.set(name, String(value));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}
