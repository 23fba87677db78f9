import type { FaultKind } from './faults.js';

/**
 * One line per request, added when it arrives and completed when it is answered, so tests can
 * check retries, pacing and backoff from what the server saw (`start` of each attempt).
 */
export interface RequestLogEntry {
  /** Also sent as the `x-request-id` response header. */
  id: string;
  method: string;
  /** The path without the query string, as sent (not decoded). */
  path: string;
  /** Each parameter once as a string, or as a list when repeated. */
  query: Record<string, string | string[]>;
  /** The status answered; `'dropped'` when the connection was cut instead; null while in flight. */
  status: number | 'dropped' | null;
  /** Clock time (ms) when the request arrived. */
  start: number;
  /** Clock time (ms) when it was answered or dropped; null while in flight. */
  end: number | null;
  /** The fault injected, if any. A 429 of the real rate limit is not a fault. */
  fault: FaultKind | null;
  /** Latency added by fault injection, in ms. */
  latencyMs: number;
}

export function queryRecord(params: URLSearchParams): Record<string, string | string[]> {
  const record: Record<string, string | string[]> = {};
  for (const name of new Set(params.keys())) {
    const values = params.getAll(name);
    record[name] = values.length === 1 ? (values[0] ?? '') : values;
  }
  return record;
}

/** A one-line summary for a terminal: `POST /training 201 12ms [drop]`. */
export function describeEntry(entry: RequestLogEntry): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(entry.query)) {
    for (const v of Array.isArray(value) ? value : [value]) search.append(name, v);
  }
  const query = search.size > 0 ? `?${search.toString()}` : '';
  const took = entry.end === null ? '' : ` ${Math.round(entry.end - entry.start)}ms`;
  const fault = entry.fault === null ? '' : ` [${entry.fault}]`;
  return `${entry.method} ${entry.path}${query} ${entry.status ?? '...'}${took}${fault}`;
}
