import { ApiError, UnexpectedResponseError, describeApiFailure } from './errors.js';
import { classifyNetworkError, describePermanentFailure } from './network-failure.js';
import type { RetryDecision } from './scheduler.js';

/**
 * What to do after a failed attempt, and how a failure becomes an ApiError: one policy for
 * every HTTP client of the tool (OpenCX and GitHub).
 */

/**
 * Errors of undici that mean the request never left: retrying cannot duplicate anything. DNS
 * and TLS failures never leave either; they are permanent (network-failure.ts), not retried.
 */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'UND_ERR_CONNECT_TIMEOUT', 'EHOSTUNREACH']);

/**
 * Statuses that may succeed when sent again: server errors, and 408 (the server gave up waiting
 * for the request). Any other 4xx says the request itself is wrong, and stays wrong.
 */
export function isTransientStatus(status: number): boolean {
  return status >= 500 || status === 408;
}

/**
 * Rate limits wait (for Retry-After when given) and pause every call; transient statuses and
 * lost connections are retried only where sending again cannot do a write twice; what retrying
 * cannot fix (a refusal, TLS, DNS) fails at once.
 */
export function decideRetry(error: unknown, idempotent: boolean): RetryDecision {
  if (!(error instanceof ApiError) || error instanceof UnexpectedResponseError)
    return { retry: false };
  if (error.rateLimited) return { retry: true, afterMs: error.retryAfterMs, pauseAll: true };
  if (error.status !== undefined) return { retry: isTransientStatus(error.status) && idempotent };
  if (error.permanent) return { retry: false };
  return { retry: idempotent || !error.ambiguous };
}

/**
 * A request that got no answer. For a write, ambiguous unless the request surely never left:
 * it may have reached the server before the connection failed. A TLS or DNS failure happens
 * before anything is sent.
 */
export function connectionFailure(
  error: unknown,
  details: { method: string; path: string; attempts: number; host: string },
  idempotent: boolean,
  safe: (text: string) => string,
): ApiError {
  const failure = classifyNetworkError(error);
  const sent = !failure.permanent && !NOT_SENT_CODES.has(failure.code);
  const full = {
    ...details,
    code: failure.code,
    permanent: failure.permanent,
    ambiguous: !idempotent && sent,
  };
  const message = describePermanentFailure(failure, details.host) ?? describeApiFailure(full);
  return new ApiError(safe(message), full, { cause: error });
}

/**
 * The call cannot wait as long as a rate limit asks (the wait ends after its deadline): it fails
 * now, saying when to try again, rather than sleeping in silence.
 */
export function rateLimitTooLong(
  call: { method: string; path: string },
  cause: unknown,
  wait: { until: number; now: number; attempts: number },
): ApiError {
  const { until, now } = wait;
  const seconds = Math.ceil(Math.max(0, until - now) / 1000);
  const at = new Date(Math.ceil(until / 1000) * 1000).toISOString().replace(/\.000Z$/, 'Z');
  const from = cause instanceof ApiError ? cause : undefined;
  return new ApiError(
    `${call.method} ${call.path} was rate limited: the server asks to wait ${seconds} s (until ${at}); try again after that.`,
    {
      method: call.method,
      path: call.path,
      status: from?.status ?? 429,
      requestId: from?.requestId,
      serverMessage: from?.serverMessage,
      host: from?.host,
      attempts: wait.attempts,
      retryAfterMs: until - now,
      rateLimited: true,
    },
    { cause },
  );
}
