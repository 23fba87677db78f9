/** What the OpenCX API documents, and the conventions built on it, in one place. */

export const OPENCX_API_URL = 'https://api.open.cx';

/** The environment variable an API key is kept in unless a target names another. */
export const DEFAULT_TOKEN_ENV = 'OPENCX_API_KEY';

/**
 * The documented OpenCX limit for standard endpoints, per org: every client of the org shares
 * it, so this is also the most one run may use (`rate_limit` in opencx.yml keeps headroom).
 */
export const DEFAULT_REQUESTS_PER_MINUTE = 100;

/**
 * Requests in flight at once. The limit counts requests, not connections: a few in flight hide
 * the latency of each without sending more than the budget allows.
 */
export const DEFAULT_CONCURRENCY = 4;
