import { Pool } from 'undici';
import { z } from 'zod';
import { checkBaseUrl } from '../api/base-url.js';
import { serverMessageOf } from '../api/transport.js';
import { ApiError, UnexpectedResponseError, describeApiFailure } from '../api/errors.js';
import { connectionFailure, decideRetry } from '../api/retry-policy.js';
import { parseRetryAfter } from '../api/retry-after.js';
import { Scheduler, type RetryDecision, type SchedulerOptions } from '../api/scheduler.js';
import { redact } from '../util/redact.js';
import { VERSION } from '../util/version.js';
import type { Repository } from './context.js';
import { nextPageUrl } from './link-header.js';

/** The REST API version the calls below are written against. */
export const GITHUB_API_VERSION = '2022-11-28';
export const GITHUB_PAGE_SIZE = 100;
/** A pull request with more comments than this many pages is not searched further. */
export const MAX_COMMENT_PAGES = 50;
export const GITHUB_TIMEOUT_MS = 30_000;
/**
 * A rate limit that lifts later than this fails the call at once: the plan is in the job
 * summary already, and a job waiting for the hourly limit to reset would hold its runner.
 */
export const MAX_RATE_LIMIT_WAIT_MS = 60_000;

const commentSchema = z.looseObject({
  id: z.number().int(),
  body: z.string().nullish(),
  html_url: z.string(),
});
export type IssueComment = z.infer<typeof commentSchema>;

export interface GitHubClientOptions extends Omit<SchedulerOptions, 'requestsPerMinute'> {
  /** GITHUB_API_URL: https, or http to this machine only (a test server). */
  apiUrl: string;
  token: string;
}

interface Call<T> {
  method: 'GET' | 'POST' | 'PATCH';
  /** Path below the API URL, or a full URL of the same origin (pagination links). */
  path: string;
  body?: unknown;
  schema: z.ZodType<T>;
  /** False for creates: after an ambiguous failure, sending again could comment twice. */
  idempotent: boolean;
}

interface Answer<T> {
  data: T;
  next: string | undefined;
}

/**
 * The few GitHub REST calls the action makes: the issue comments of a pull request. Retries,
 * backoff and Retry-After go through the same Scheduler as the OpenCX client; every message
 * that leaves passes through the redaction of the token.
 */
export class GitHubClient {
  private readonly pool: Pool;
  private readonly origin: string;
  private readonly basePath: string;
  private readonly token: string;
  private readonly scheduler: Scheduler;

  constructor(options: GitHubClientOptions) {
    const url = checkBaseUrl(options.apiUrl);
    this.origin = url.origin;
    this.basePath = url.pathname.replace(/\/+$/, '');
    this.token = options.token;
    this.scheduler = new Scheduler({ maxAttempts: 4, ...options, requestsPerMinute: null });
    this.pool = new Pool(url.origin, {
      connections: 2,
      headersTimeout: GITHUB_TIMEOUT_MS,
      bodyTimeout: GITHUB_TIMEOUT_MS,
    });
  }

  async close(): Promise<void> {
    await this.pool.close();
  }

  /** Every comment of an issue or pull request, oldest first, following the `Link` pages. */
  async *listIssueComments(repo: Repository, issue: number): AsyncGenerator<IssueComment> {
    let path: string | undefined =
      `${repoPath(repo)}/issues/${issue}/comments?per_page=${GITHUB_PAGE_SIZE}`;
    for (let page = 1; path !== undefined && page <= MAX_COMMENT_PAGES; page++) {
      const answer: Answer<IssueComment[]> = await this.call({
        method: 'GET',
        path,
        schema: z.array(commentSchema),
        idempotent: true,
      });
      yield* answer.data;
      path = answer.next;
    }
  }

  async createIssueComment(repo: Repository, issue: number, body: string): Promise<IssueComment> {
    const answer = await this.call({
      method: 'POST',
      path: `${repoPath(repo)}/issues/${issue}/comments`,
      body: { body },
      schema: commentSchema,
      idempotent: false,
    });
    return answer.data;
  }

  async updateIssueComment(repo: Repository, id: number, body: string): Promise<IssueComment> {
    const answer = await this.call({
      method: 'PATCH',
      path: `${repoPath(repo)}/issues/comments/${id}`,
      body: { body },
      schema: commentSchema,
      idempotent: true,
    });
    return answer.data;
  }

  private call<T>(call: Call<T>): Promise<Answer<T>> {
    return this.scheduler.run(
      (attempt) => this.attempt(call, attempt),
      (error) => decide(error, call.idempotent),
    );
  }

  private async attempt<T>(call: Call<T>, attempt: number): Promise<Answer<T>> {
    const target = this.resolve(call.path);
    const details = {
      method: call.method,
      path: target.split('?')[0] ?? target,
      attempts: attempt,
      host: new URL(this.origin).host,
    };
    let response;
    try {
      response = await this.pool.request({
        method: call.method,
        path: target,
        headers: {
          authorization: `Bearer ${this.token}`,
          accept: 'application/vnd.github+json',
          'x-github-api-version': GITHUB_API_VERSION,
          'user-agent': `opencx-trainings/${VERSION}`,
          ...(call.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: call.body === undefined ? null : JSON.stringify(call.body),
      });
    } catch (error) {
      throw connectionFailure(error, details, call.idempotent, (t) => this.safe(t));
    }
    const text = await response.body.text();
    const status = response.statusCode;
    if (status < 200 || status >= 300) {
      const failure = {
        ...details,
        status,
        serverMessage: serverMessageOf(text),
        ...rateLimitOf(status, response.headers),
      };
      throw new ApiError(this.safe(describeApiFailure(failure)), failure);
    }
    const parsed = call.schema.safeParse(text === '' ? undefined : safeJson(text));
    if (!parsed.success) {
      throw new UnexpectedResponseError(
        this.safe(`${call.method} ${details.path} answered with an unexpected body.`),
        { ...details, status },
      );
    }
    const link = response.headers.link;
    return { data: parsed.data, next: nextPageUrl(Array.isArray(link) ? link[0] : link) };
  }

  /**
   * A path below the API URL, or a pagination link. A link to another origin is refused: the
   * token must only ever be sent to GITHUB_API_URL.
   */
  private resolve(pathOrUrl: string): string {
    if (!/^https?:\/\//i.test(pathOrUrl)) return `${this.basePath}${pathOrUrl}`;
    const url = new URL(pathOrUrl);
    if (url.origin !== this.origin) {
      throw new ApiError(`GitHub sent a pagination link to another host (${url.origin}).`, {
        method: 'GET',
        path: url.pathname,
      });
    }
    return `${url.pathname}${url.search}`;
  }

  private safe(text: string): string {
    return redact(text, {}, [this.token]);
  }
}

/**
 * GitHub answers a rate limit with 429, or with 403 and `Retry-After` (secondary limits) or
 * `x-ratelimit-remaining: 0` (the hourly limit, which resets at `x-ratelimit-reset`).
 */
function rateLimitOf(
  status: number,
  headers: Record<string, string | string[] | undefined>,
): { rateLimited: boolean; retryAfterMs: number | undefined } {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const now = Date.now();
  const retryAfter = parseRetryAfter(first(headers['retry-after']), now);
  const exhausted = first(headers['x-ratelimit-remaining']) === '0';
  const reset = Number(first(headers['x-ratelimit-reset']));
  const untilReset = exhausted && reset > 0 ? Math.max(0, reset * 1000 - now) : undefined;
  return {
    rateLimited: status === 429 || (status === 403 && (retryAfter !== undefined || exhausted)),
    retryAfterMs: retryAfter ?? untilReset,
  };
}

/** The shared policy, except that a limit lifting too late fails the call at once. */
function decide(error: unknown, idempotent: boolean): RetryDecision {
  if (
    error instanceof ApiError &&
    error.rateLimited &&
    (error.retryAfterMs ?? 0) > MAX_RATE_LIMIT_WAIT_MS
  ) {
    return { retry: false };
  }
  return decideRetry(error, idempotent);
}

function repoPath(repo: Repository): string {
  return `/repos/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.repo)}`;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
