import { UserFacingError } from '../util/errors.js';

export interface ApiErrorDetails {
  method: string;
  path: string;
  /** HTTP status, or undefined when no response arrived. */
  status?: number | undefined;
  requestId?: string | undefined;
  /** What the server said, from its error body. */
  serverMessage?: string | undefined;
  /** Network error code (ECONNRESET, UND_ERR_HEADERS_TIMEOUT...) when no response arrived. */
  code?: string | undefined;
  /** The server's host (with the port when not the default), named when it could not be reached. */
  host?: string | undefined;
  /** True when retrying cannot help (a TLS or DNS failure): the call fails at once. */
  permanent?: boolean;
  /**
   * True when a write may or may not have happened: the request was sent, and the connection
   * failed before a response said which. A create must not be retried blindly after this.
   */
  ambiguous?: boolean;
  attempts?: number;
  /** How long a rate-limited answer asked to wait (Retry-After), when it said. */
  retryAfterMs?: number | undefined;
  /** Refused for a rate limit: a 429 (the default), or another status a server uses for it. */
  rateLimited?: boolean;
}

/** A failed API call: the status, the call and the server's words, never the token. */
export class ApiError extends UserFacingError {
  override name = 'ApiError';
  readonly method: string;
  readonly path: string;
  readonly status: number | undefined;
  readonly requestId: string | undefined;
  readonly serverMessage: string | undefined;
  readonly code: string | undefined;
  readonly host: string | undefined;
  readonly permanent: boolean;
  readonly ambiguous: boolean;
  readonly attempts: number;
  readonly retryAfterMs: number | undefined;
  readonly rateLimited: boolean;

  constructor(message: string, details: ApiErrorDetails, options?: { cause?: unknown }) {
    super(message, options);
    this.method = details.method;
    this.path = details.path;
    this.status = details.status;
    this.requestId = details.requestId;
    this.serverMessage = details.serverMessage;
    this.code = details.code;
    this.host = details.host;
    this.permanent = details.permanent ?? false;
    this.ambiguous = details.ambiguous ?? false;
    this.attempts = details.attempts ?? 1;
    this.retryAfterMs = details.retryAfterMs;
    this.rateLimited = details.rateLimited ?? details.status === 429;
  }
}

/** A 2xx response whose body does not have the documented shape. */
export class UnexpectedResponseError extends ApiError {
  override name = 'UnexpectedResponseError';
}

export function describeApiFailure(d: ApiErrorDetails): string {
  const call = `${d.method} ${d.path}`;
  const maybe = d.ambiguous === true ? ' (the request may have been processed)' : '';
  const what =
    d.status !== undefined
      ? `${call} failed with HTTP ${d.status}${d.serverMessage ? `: ${d.serverMessage}` : ''}${maybe}`
      : `${call} failed: no answer${d.host === undefined ? '' : ` from ${d.host}`} (${d.code ?? 'no response'})${maybe}`;
  const attempts = (d.attempts ?? 1) > 1 ? ` after ${d.attempts} attempts` : '';
  const id = d.requestId === undefined ? '' : ` (request id ${d.requestId})`;
  return `${what}${attempts}${id}`;
}
