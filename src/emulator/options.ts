import type { FaultOptions } from './faults.js';
import type { SortDirection } from './filters.js';
import type { RateLimit, RetryAfterFormat } from './rate-limit.js';
import { DOCUMENTED_RATE_LIMIT } from './rate-limit.js';
import type { RequestLogEntry } from './request-log.js';
import type { SeedInput } from './seed.js';
import type { DraftCreate, MetadataOnUpdate } from './trainings.js';
import type { TextLimits } from './validation.js';

/**
 * One switch for each behaviour that docs/opencx-api.md marks [inferred]: the client must work
 * with every alternative, so tests run it against each. Defaults are our best reading.
 */
export interface EmulatorSwitches {
  /** `metadata` in an update body: ignored (default), applied, or refused with a 400. */
  metadataOnUpdate: MetadataOnUpdate;
  /** `PUT /training/{id}/draft`: `{ is_draft }` required (default), or a body-less flip. */
  toggleDraft: 'body' | 'toggle';
  /** A created training is answered 201 (default, as NestJS does) or 200. */
  createStatus: 200 | 201;
  /** A delete is answered 200 with the deleted training (default) or 204 without a body. */
  deleteStatus: 200 | 204;
  /** `GET /contacts/segments` answers `{ data }` (default) or `{ items }`. */
  segmentsEnvelope: 'data' | 'items';
  /** Serve `GET /training/directories` (default); off, it is a 404 like on the real API. */
  directoriesEndpoint: boolean;
  /** `GET /training/{id}` includes `metadata` (off by default, as documented). */
  getIncludesMetadata: boolean;
  /** Order of `GET /training`: newest first (default) or oldest first. */
  sortDirection: SortDirection;
  /** Retry-After of a 429: seconds (default), an HTTP date, or absent. */
  retryAfter: RetryAfterFormat;
  /** A training created as a draft has its text in both title/content and draft_* (default) or in draft_* only. */
  draftCreate: DraftCreate;
  /**
   * The documented `metadata` filter of `GET /training` is applied (default), or ignored as a
   * server that does not know it would: the client must never take a listing's filter for
   * proof of ownership.
   */
  metadataFilter: 'apply' | 'ignore';
}

export interface EmulatorLimits extends TextLimits {
  /** Largest request body accepted; beyond it, 413. */
  bodyMaxBytes: number;
}

export interface EmulatorOptions extends Partial<EmulatorSwitches> {
  /** Port on 127.0.0.1; 0 (default) picks a free one. The emulator never listens elsewhere. */
  port?: number;
  /** The accepted Bearer token; a random one when absent. */
  token?: string;
  /** JSON file holding the state; in memory when absent. Created from `data` if missing. */
  dataFile?: string;
  /** The starting state when there is no data file (yet); defaults to the built-in seed. */
  data?: SeedInput;
  /** Milliseconds since the epoch: request times, timestamps, rate-limit windows. */
  clock?: () => number;
  /** Requests per window and token; `false` turns the limit off. Default 100 per minute. */
  rateLimit?: RateLimit | false;
  faults?: FaultOptions | null;
  limits?: Partial<EmulatorLimits>;
  /** Called when a request is answered (or dropped), e.g. to print a log line. */
  onRequest?: (entry: RequestLogEntry) => void;
}

export const DEFAULT_SWITCHES: Readonly<EmulatorSwitches> = {
  metadataOnUpdate: 'ignore',
  toggleDraft: 'body',
  createStatus: 201,
  deleteStatus: 200,
  segmentsEnvelope: 'data',
  directoriesEndpoint: true,
  getIncludesMetadata: false,
  sortDirection: 'desc',
  retryAfter: 'seconds',
  draftCreate: 'both',
  metadataFilter: 'apply',
};

/** [inferred] Generous, so that only a test that means to hit them does. */
export const DEFAULT_LIMITS: Readonly<EmulatorLimits> = {
  titleMaxLength: 500,
  contentMaxLength: 50_000,
  bodyMaxBytes: 1024 * 1024,
};

/** The switches set in `options`, over the defaults. */
export function resolveSwitches(options: Partial<EmulatorSwitches>): EmulatorSwitches {
  return withDefaults(DEFAULT_SWITCHES, options);
}

export function resolveLimits(limits: Partial<EmulatorLimits> = {}): EmulatorLimits {
  const resolved = withDefaults(DEFAULT_LIMITS, limits);
  for (const [name, value] of Object.entries(resolved)) {
    if (!(Number.isInteger(value) && value > 0)) {
      throw new RangeError(`limits.${name} must be a whole number > 0`);
    }
  }
  return resolved;
}

/** Only the keys the defaults know are taken, and an explicit `undefined` keeps the default. */
function withDefaults<T extends object>(defaults: Readonly<T>, given: Partial<T>): T {
  const result: T = { ...defaults };
  for (const key of Object.keys(defaults) as (keyof T)[]) {
    const value = given[key];
    if (value !== undefined) result[key] = value;
  }
  return result;
}

export function resolveRateLimit(rateLimit: RateLimit | false | undefined): RateLimit | null {
  if (rateLimit === false) return null;
  return rateLimit ?? DOCUMENTED_RATE_LIMIT;
}

/** Sub-millisecond and never going back while the process runs, yet on the epoch scale. */
export function defaultClock(): number {
  return performance.timeOrigin + performance.now();
}
