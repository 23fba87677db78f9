import { UserFacingError } from '../util/errors.js';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFaultInjector, type FaultOptions } from './faults.js';
import {
  defaultClock,
  resolveLimits,
  resolveRateLimit,
  resolveSwitches,
  type EmulatorOptions,
  type EmulatorSwitches,
} from './options.js';
import { createRateLimiter, type RateLimit, type RateLimiter } from './rate-limit.js';
import type { RequestLogEntry } from './request-log.js';
import { ROUTES } from './routes.js';
import {
  buildState,
  seedTraining,
  type SeedInput,
  type TrainingChange,
  type TrainingSeed,
} from './seed.js';
import { createRequestHandler } from './server.js';
import type { StoredTraining } from './state.js';
import { openStore, type EmulatorStore } from './store.js';

/** The only interface the emulator listens on: it is a local test double, never a service. */
export const EMULATOR_HOST = '127.0.0.1';

export interface RunningEmulator {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  url: string;
  port: number;
  token: string;
  /** Every request so far, in arrival order; entries complete as requests are answered. */
  requests: RequestLogEntry[];
  store: EmulatorStore;
  /** The switches in force now. */
  switches(): EmulatorSwitches;
  setSwitches(switches: Partial<EmulatorSwitches>): void;
  /** Replace the fault options (null: no faults); a `seed` restarts the draws. */
  setFaults(faults: FaultOptions | null): void;
  /** Replace the rate limit (false: none); the counts start again. */
  setRateLimit(rateLimit: RateLimit | false): void;
  /** Back to a seed (default: the one the emulator started with), saved; the log is cleared. */
  reset(data?: SeedInput): Promise<void>;
  /**
   * Add trainings, or change those with the same id (the fields not given keep their values), as
   * the dashboard would: drift, a pending edit, a training the tool does not own. Saved.
   */
  seedTrainings(seeds: readonly (TrainingSeed | TrainingChange)[]): Promise<StoredTraining[]>;
  clearRequests(): void;
  /** Close every connection, wait for requests in flight, and save. */
  stop(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const port = options.port ?? 0;
  if (!(Number.isInteger(port) && port >= 0 && port <= 65_535)) {
    throw new RangeError(`port must be a whole number from 0 to 65535, not ${port}`);
  }
  const token = options.token ?? generateToken();
  if (!/^\S+$/.test(token)) throw new RangeError('token must be non-empty, without spaces');
  const clock = options.clock ?? defaultClock;
  const limits = resolveLimits(options.limits);
  const faults = createFaultInjector(options.faults ?? null);
  let switches = resolveSwitches(options);
  let limiter = limiterFor(options.rateLimit);
  const seedAt = (data: SeedInput) => buildState(data, new Date(clock()).toISOString());
  const store = await openStore(options.dataFile, () => seedAt(options.data ?? {}));

  const requests: RequestLogEntry[] = [];
  const handle = createRequestHandler({
    routes: ROUTES,
    store,
    token,
    clock,
    switches: () => switches,
    limits,
    rateLimiter: () => limiter,
    faults,
    log: requests,
    onRequest: options.onRequest,
  });
  const inFlight = new Set<Promise<void>>();
  const server = createServer((req, res) => {
    const done = handle(req, res).finally(() => inFlight.delete(done));
    inFlight.add(done);
  });
  const bound = await listen(server, port);

  let stopping: Promise<void> | undefined;
  return {
    url: `http://${EMULATOR_HOST}:${bound}`,
    port: bound,
    token,
    requests,
    store,
    switches: () => ({ ...switches }),
    setSwitches(next) {
      switches = resolveSwitches({ ...switches, ...next });
    },
    setFaults: (next) => faults.set(next),
    setRateLimit(next) {
      limiter = limiterFor(next);
    },
    async reset(data) {
      store.replaceState(seedAt(data ?? options.data ?? {}));
      requests.length = 0;
      await store.save();
    },
    async seedTrainings(seeds) {
      const now = new Date(clock()).toISOString();
      const trainings = seeds.map((seed) => {
        const stored = seed.id === undefined ? undefined : store.findTraining(seed.id);
        const fields = { ...stored, updated_at: now, ...seed };
        if (fields.title === undefined || fields.content === undefined) {
          throw new RangeError(
            `no training has the id "${seed.id}": a new one needs a title and content`,
          );
        }
        return seedTraining({ ...fields, title: fields.title, content: fields.content }, now);
      });
      for (const training of trainings) store.putTraining(training);
      await store.save();
      return trainings;
    },
    clearRequests() {
      requests.length = 0;
    },
    stop() {
      stopping ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await Promise.allSettled([...inFlight]);
        await closed;
        await store.save();
      })();
      return stopping;
    },
  };
}

function limiterFor(rateLimit: RateLimit | false | undefined): RateLimiter | null {
  const limit = resolveRateLimit(rateLimit);
  return limit === null ? null : createRateLimiter(limit);
}

/** A local test credential: random, so that a client cannot pass by sending any value. */
export function generateToken(): string {
  return `emu_${randomBytes(18).toString('base64url')}`;
}

/** The port asked for is taken: the user's to change, not a bug. */
export class PortInUseError extends UserFacingError {
  override name = 'PortInUseError';
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new PortInUseError(
              `Port ${port} on ${EMULATOR_HOST} is already in use: choose another, or 0 for any free port.`,
              { cause: error },
            )
          : error,
      );
    });
    server.listen(port, EMULATOR_HOST, () => resolve((server.address() as AddressInfo).port));
  });
}
