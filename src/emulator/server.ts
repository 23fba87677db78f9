import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { REQUEST_ID_HEADER } from '../api/contract.js';
import type { FaultDecision, FaultInjector } from './faults.js';
import { checkBearer, readJsonBody, sendJson } from './http-io.js';
import { errorEnvelope, HttpError } from './http-error.js';
import type { EmulatorLimits, EmulatorSwitches } from './options.js';
import { retryAfterHeader, type RateLimit, type RateLimiter } from './rate-limit.js';
import { queryRecord, type RequestLogEntry } from './request-log.js';
import { matchRoute, type Reply, type Route } from './router.js';
import type { EmulatorStore } from './store.js';

/**
 * One request's way through the emulator, in the order a real gateway and API would take it:
 * log and request id, credentials, rate limit, injected fault (latency, then 5xx or 429), body,
 * route, handler, and last the commit-then-drop fault, which cuts the connection after the write
 * was saved. Everything that decides (auth, rate limit, fault draw) runs before the first await,
 * so concurrent requests take their decisions in arrival order.
 */

export interface ServerDeps {
  routes: readonly Route[];
  store: EmulatorStore;
  token: string;
  clock: () => number;
  switches: () => EmulatorSwitches;
  limits: EmulatorLimits;
  rateLimiter: () => RateLimiter | null;
  faults: FaultInjector;
  log: RequestLogEntry[];
  onRequest?: (entry: RequestLogEntry) => void;
}

interface Outcome {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export function createRequestHandler(deps: ServerDeps) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const entry: RequestLogEntry = {
      id: randomUUID(),
      method: (req.method ?? 'GET').toUpperCase(),
      path: url.pathname,
      query: queryRecord(url.searchParams),
      status: null,
      start: deps.clock(),
      end: null,
      fault: null,
      latencyMs: 0,
    };
    deps.log.push(entry);
    res.setHeader(REQUEST_ID_HEADER, entry.id);

    let outcome: Outcome | 'drop';
    try {
      outcome = await handle(deps, req, url, entry);
    } catch (error) {
      const echo = deps.faults.echoesAuthorization() ? echoOf(req.headers.authorization) : [];
      outcome = errorOutcome(error, echo);
    }
    if (outcome === 'drop') {
      res.socket?.destroy();
    } else {
      sendJson(res, outcome.status, outcome.body, outcome.headers);
      // A write that failed had nothing to commit: it was answered, so it was not dropped.
      if (entry.fault === 'drop') entry.fault = null;
    }
    entry.status = outcome === 'drop' ? 'dropped' : outcome.status;
    entry.end = deps.clock();
    deps.onRequest?.(entry);
  };
}

async function handle(
  deps: ServerDeps,
  req: IncomingMessage,
  url: URL,
  entry: RequestLogEntry,
): Promise<Outcome | 'drop'> {
  const switches = deps.switches();
  checkBearer(req.headers.authorization, deps.token);
  const limiter = deps.rateLimiter();
  const decision = limiter?.take(deps.token, entry.start);
  if (limiter != null && decision?.allowed === false) {
    throw tooManyRequests(
      `too many requests: the limit is ${describeLimit(limiter.limit)} per API key`,
      decision.retryAfterMs,
      deps.clock(),
      switches,
    );
  }
  const fault = deps.faults.decide(entry.method);
  entry.fault = fault.fault;
  entry.latencyMs = fault.latencyMs;
  if (fault.latencyMs > 0) await sleep(fault.latencyMs);
  throwInjected(fault, deps, switches);

  const body = await readJsonBody(req, deps.limits.bodyMaxBytes);
  const route = matchRoute(deps.routes, entry.method, url.pathname, switches);
  if (route === undefined) {
    throw new HttpError(404, `Cannot ${entry.method} ${url.pathname}`);
  }
  const reply: Reply = await route.handler({
    params: route.params,
    query: url.searchParams,
    body,
    store: deps.store,
    switches,
    limits: deps.limits,
    now: () => new Date(deps.clock()).toISOString(),
    newId: randomUUID,
  });
  return fault.fault === 'drop' ? 'drop' : reply;
}

function throwInjected(fault: FaultDecision, deps: ServerDeps, switches: EmulatorSwitches): void {
  if (fault.fault === 'error') {
    throw new HttpError(
      fault.status ?? 500,
      'the server failed to handle the request (an injected fault: nothing was changed, retry)',
    );
  }
  if (fault.fault === 'throttle') {
    throw tooManyRequests(
      'too many requests (an injected fault: nothing was changed, retry later)',
      deps.faults.retryAfterMs(),
      deps.clock(),
      switches,
    );
  }
}

function tooManyRequests(
  message: string,
  waitMs: number,
  now: number,
  switches: EmulatorSwitches,
): HttpError {
  const header = retryAfterHeader(waitMs, switches.retryAfter, now);
  return new HttpError(429, message, header === null ? {} : { 'retry-after': header });
}

function errorOutcome(error: unknown, extra: readonly string[]): Outcome {
  if (error instanceof HttpError) {
    return {
      status: error.status,
      body: errorEnvelope(error.status, [...error.messages, ...extra]),
      headers: { ...error.headers },
    };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { status: 500, body: errorEnvelope(500, [`internal error: ${detail}`, ...extra]) };
}

/**
 * The `echoAuthorization` fault: the credentials sent, quoted in the error body both whole and
 * bare, so that hiding "Bearer ..." alone is not enough to keep them out of a client's output.
 */
function echoOf(header: string | undefined): string[] {
  if (header === undefined) return [];
  const token = header.replace(/^\s*Bearer\s+/i, '').trim();
  return [`echoed by an injected fault: Authorization: ${header}; token: ${token}`];
}

function describeLimit({ requests, windowMs }: RateLimit): string {
  const seconds = windowMs / 1000;
  return `${requests} requests per ${seconds === 60 ? 'minute' : `${seconds} s`}`;
}
