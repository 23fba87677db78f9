import { ApiError, UnexpectedResponseError, describeApiFailure } from './errors.js';
import type { RetryDecision } from './scheduler.js';

/**
 * What to do after a failed attempt, and how a connection failure becomes an ApiError: one
 * policy for every HTTP client of the tool (OpenCX and GitHub).
 */

/** Errors of undici that mean the request never left: retrying cannot duplicate anything. */
export const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
]);

/**
 * Rate limits wait (for Retry-After when given) and pause every call; server errors and lost
 * connections are retried only where sending again cannot do a write twice.
 */
export function decideRetry(error: unknown, idempotent: boolean): RetryDecision {
  if (!(error instanceof ApiError) || error instanceof UnexpectedResponseError)
    return { retry: false };
  if (error.rateLimited) return { retry: true, afterMs: error.retryAfterMs, pauseAll: true };
  if (error.status !== undefined) return { retry: error.status >= 500 && idempotent };
  return { retry: idempotent || !error.ambiguous };
}

/**
 * A request that got no answer. For a write, ambiguous unless the request surely never left:
 * it may have reached the server before the connection failed.
 */
export function connectionFailure(
  error: unknown,
  details: { method: string; path: string; attempts: number },
  idempotent: boolean,
  safe: (text: string) => string,
): ApiError {
  const code =
    (error as { code?: string }).code ?? (error instanceof Error ? error.name : 'UNKNOWN');
  const full = { ...details, code, ambiguous: !idempotent && !NOT_SENT_CODES.has(code) };
  return new ApiError(safe(describeApiFailure(full)), full, { cause: error });
}
