import { mulberry32 } from '../util/random.js';

/**
 * Seeded fault injection. Each eligible request draws the same three numbers from one PRNG,
 * whatever the rates, so a seed and a sequence of requests always give the same faults, and
 * changing one rate does not shift the decisions of the others.
 */

export type FaultKind = 'error' | 'throttle' | 'drop';

export interface FaultOptions {
  /** PRNG seed; the same seed and requests give the same faults. Default 1. */
  seed?: number;
  /** Fraction (0-1) of requests answered with one of `errorStatuses`, before any handling. */
  errorRate?: number;
  /** Default [500, 502, 503]. */
  errorStatuses?: readonly number[];
  /** Fraction (0-1) of requests answered 429 with Retry-After, before any handling. */
  throttleRate?: number;
  /** Retry-After of an injected 429, in ms. Default 1000. */
  throttleRetryAfterMs?: number;
  /** Fraction (0-1) of writes that are stored, then the connection is cut before the answer. */
  dropRate?: number;
  /** Added delay before handling: a fixed number of ms or a range drawn uniformly. */
  latencyMs?: number | { min: number; max: number };
  /** Only requests with these methods are eligible (default: all). */
  methods?: readonly string[];
  /** Only POST, PUT, PATCH and DELETE are eligible. */
  writesOnly?: boolean;
  /**
   * Quote the request's Authorization header, and the bare token in it, in every error body, as
   * a careless server or proxy might: proves that the client's messages never pass it on. Not
   * drawn: on for every error while set.
   */
  echoAuthorization?: boolean;
}

export interface ResolvedFaults {
  seed: number;
  errorRate: number;
  errorStatuses: readonly number[];
  throttleRate: number;
  throttleRetryAfterMs: number;
  dropRate: number;
  latency: { min: number; max: number };
  methods: readonly string[] | null;
  writesOnly: boolean;
  echoAuthorization: boolean;
}

export interface FaultDecision {
  fault: FaultKind | null;
  /** The status of an `error` fault. */
  status: number | null;
  latencyMs: number;
}

const NO_FAULT: FaultDecision = { fault: null, status: null, latencyMs: 0 };
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function isWrite(method: string): boolean {
  return WRITE_METHODS.has(method.toUpperCase());
}

/** Defaults applied and ranges checked; a wrong option throws a RangeError naming it. */
export function resolveFaults(options: FaultOptions = {}): ResolvedFaults {
  const rate = (name: string, value = 0): number => {
    if (!(value >= 0 && value <= 1)) throw new RangeError(`faults.${name} must be from 0 to 1`);
    return value;
  };
  const resolved: ResolvedFaults = {
    seed: options.seed ?? 1,
    errorRate: rate('errorRate', options.errorRate),
    errorStatuses: options.errorStatuses ?? [500, 502, 503],
    throttleRate: rate('throttleRate', options.throttleRate),
    throttleRetryAfterMs: options.throttleRetryAfterMs ?? 1000,
    dropRate: rate('dropRate', options.dropRate),
    latency: latencyRange(options.latencyMs),
    methods: options.methods?.map((m) => m.toUpperCase()) ?? null,
    writesOnly: options.writesOnly ?? false,
    echoAuthorization: options.echoAuthorization ?? false,
  };
  if (resolved.errorRate + resolved.throttleRate + resolved.dropRate > 1) {
    throw new RangeError('faults.errorRate + throttleRate + dropRate must not exceed 1');
  }
  if (resolved.errorStatuses.length === 0) {
    throw new RangeError('faults.errorStatuses must list at least one status');
  }
  return resolved;
}

function latencyRange(latency: FaultOptions['latencyMs']): { min: number; max: number } {
  const range = typeof latency === 'number' ? { min: latency, max: latency } : latency;
  if (range === undefined) return { min: 0, max: 0 };
  if (!(range.min >= 0 && range.max >= range.min)) {
    throw new RangeError('faults.latencyMs must be a range with 0 <= min <= max');
  }
  return range;
}

export function decideFault(
  faults: ResolvedFaults,
  random: () => number,
  method: string,
): FaultDecision {
  const upper = method.toUpperCase();
  if (faults.methods !== null && !faults.methods.includes(upper)) return NO_FAULT;
  if (faults.writesOnly && !isWrite(upper)) return NO_FAULT;
  const [kindDraw, statusDraw, latencyDraw] = [random(), random(), random()];
  const { min, max } = faults.latency;
  const latencyMs = Math.round(min + latencyDraw * (max - min));
  const status = faults.errorStatuses[Math.floor(statusDraw * faults.errorStatuses.length)] ?? null;
  if (kindDraw < faults.errorRate) return { fault: 'error', status, latencyMs };
  if (kindDraw < faults.errorRate + faults.throttleRate) {
    return { fault: 'throttle', status: 429, latencyMs };
  }
  const dropped = kindDraw < faults.errorRate + faults.throttleRate + faults.dropRate;
  if (dropped && isWrite(upper)) return { fault: 'drop', status: null, latencyMs };
  return { fault: null, status: null, latencyMs };
}

/** The decisions of a running emulator; `set` swaps the options and, with a seed, restarts. */
export function createFaultInjector(options: FaultOptions | null = null) {
  let faults = options === null ? null : resolveFaults(options);
  let random = mulberry32(faults?.seed ?? 1);
  return {
    decide(method: string): FaultDecision {
      return faults === null ? NO_FAULT : decideFault(faults, random, method);
    },
    retryAfterMs(): number {
      return faults?.throttleRetryAfterMs ?? 1000;
    },
    echoesAuthorization(): boolean {
      return faults?.echoAuthorization ?? false;
    },
    set(next: FaultOptions | null): void {
      faults = next === null ? null : resolveFaults(next);
      if (next?.seed !== undefined) random = mulberry32(next.seed);
    },
  };
}
export type FaultInjector = ReturnType<typeof createFaultInjector>;
