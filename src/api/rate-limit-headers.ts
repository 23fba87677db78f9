import { headerValue, type ResponseHeaders } from './response-headers.js';

/**
 * What a server says of its rate limit in the answer to any request: how many requests it still
 * takes, and when that count starts again. Three spellings are common: the IETF draft's separate
 * `RateLimit-Remaining` / `RateLimit-Reset` (seconds from now), its later single `RateLimit`
 * field (`limit=100, remaining=50, reset=30`, or `r=50;t=30`), and the older
 * `X-RateLimit-Remaining` / `X-RateLimit-Reset` (seconds from now, or a Unix time, as GitHub
 * sends it). Undefined when the answer says nothing readable. Pure: `now` is passed in.
 */
export interface Quota {
  remaining: number;
  /** Clock time (ms) when the remaining count is renewed. */
  resetAt: number;
}

/** A reset larger than this many seconds is a Unix time, not a delay. */
const UNIX_TIME_AFTER = 1e9;

export function readQuota(headers: ResponseHeaders, now: number): Quota | undefined {
  const combined = headerValue(headers, 'ratelimit');
  if (combined !== undefined) {
    const fields = parseFields(combined);
    const quota = quotaOf(fields.remaining ?? fields.r, fields.reset ?? fields.t, now);
    if (quota !== undefined) return quota;
  }
  for (const prefix of ['ratelimit-', 'x-ratelimit-']) {
    const quota = quotaOf(
      headerValue(headers, `${prefix}remaining`),
      headerValue(headers, `${prefix}reset`),
      now,
    );
    if (quota !== undefined) return quota;
  }
  return undefined;
}

function quotaOf(
  remaining: string | undefined,
  reset: string | undefined,
  now: number,
): Quota | undefined {
  const r = Number(remaining);
  const t = Number(reset);
  if (remaining === undefined || reset === undefined || !Number.isFinite(r) || !Number.isFinite(t))
    return undefined;
  if (r < 0 || t < 0) return undefined;
  const resetAt = t > UNIX_TIME_AFTER ? t * 1000 : now + t * 1000;
  return { remaining: Math.floor(r), resetAt: Math.ceil(resetAt) };
}

/** `a=1, b=2` or `"policy";a=1;b=2` as { a: '1', b: '2' }. */
function parseFields(value: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const part of value.split(/[,;]/)) {
    const match = /^\s*([a-z-]+)\s*=\s*"?([^"]*)"?\s*$/i.exec(part);
    if (match !== null) fields[(match[1] as string).toLowerCase()] = match[2] as string;
  }
  return fields;
}
