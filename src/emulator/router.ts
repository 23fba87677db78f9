import type { EmulatorLimits, EmulatorSwitches } from './options.js';
import type { EmulatorStore } from './store.js';

/** What a handler gets: the request, already authenticated and past the rate limit. */
export interface RouteContext {
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  /** The parsed JSON body; undefined when there was none. */
  body: unknown;
  store: EmulatorStore;
  switches: EmulatorSwitches;
  limits: EmulatorLimits;
  /** ISO time from the emulator's clock. */
  now: () => string;
  newId: () => string;
}

/** A successful answer; failures are thrown as HttpError. No `body` means an empty one. */
export interface Reply {
  status: number;
  body?: unknown;
}

export type Handler = (ctx: RouteContext) => Reply | Promise<Reply>;

export interface Route {
  method: string;
  /** A path from API_PATHS, with `PARAM` where the id goes. */
  path: string;
  handler: Handler;
  /** A route a switch can turn off, which then answers like any unknown path. */
  enabled?: (switches: EmulatorSwitches) => boolean;
}

/** Stand-in id used to turn the id-taking paths of API_PATHS into patterns. */
export const PARAM = '__id__';

/**
 * Find the route for a request. Segments are compared raw and the id is decoded, as the
 * client encodes it; one trailing slash is ignored, as Express does. First match wins, so
 * fixed paths (`/training/directories`) go before patterns (`/training/{id}`).
 */
export function matchRoute(
  routes: readonly Route[],
  method: string,
  pathname: string,
  switches: EmulatorSwitches,
): { handler: Handler; params: Record<string, string> } | undefined {
  const parts = splitPath(pathname);
  for (const route of routes) {
    if (route.method !== method || route.enabled?.(switches) === false) continue;
    const params = matchParts(splitPath(route.path), parts);
    if (params !== undefined) return { handler: route.handler, params };
  }
  return undefined;
}

function splitPath(pathname: string): string[] {
  const trimmed = pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname;
  return trimmed.split('/').slice(1);
}

function matchParts(
  pattern: readonly string[],
  parts: readonly string[],
): Record<string, string> | undefined {
  if (pattern.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, expected] of pattern.entries()) {
    const actual = parts[index] ?? '';
    if (expected === PARAM) {
      const id = decode(actual);
      if (id === undefined || id === '') return undefined;
      params.id = id;
    } else if (expected !== actual) {
      return undefined;
    }
  }
  return params;
}

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
