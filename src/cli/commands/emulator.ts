import path from 'node:path';
import {
  DEFAULT_LIMITS,
  DEFAULT_SWITCHES,
  describeEntry,
  startEmulator,
  type EmulatorOptions,
  type EmulatorSwitches,
  type FaultOptions,
  type RunningEmulator,
} from '../../emulator/index.js';
import { renderEmulatorBanner } from '../../render/emulator-banner.js';
import { choice, parseFlags, stringValue, type Flags } from '../args.js';
import { HELP_ROW, renderUsage } from '../usage.js';
import { ExitCode, UsageError } from '../../util/errors.js';
import type { Io } from '../../app/io.js';
import {
  fractionFlag,
  integerFlag,
  latencyFlag,
  methodsFlag,
  rateLimitFlag,
} from './emulator-args.js';

const FLAGS = {
  port: { type: 'string', value: 'N' },
  data: { type: 'string', value: 'FILE' },
  token: { type: 'string', value: 'T' },
  'rate-limit': { type: 'string', value: 'N/SECONDS|off' },
  quiet: { type: 'boolean', short: 'q' },
  seed: { type: 'string', value: 'N' },
  'fault-rate': { type: 'string', value: 'F' },
  'throttle-rate': { type: 'string', value: 'F' },
  'drop-rate': { type: 'string', value: 'F' },
  latency: { type: 'string', value: 'MIN-MAX' },
  'fault-methods': { type: 'string', value: 'LIST' },
  'faults-writes-only': { type: 'boolean' },
  'metadata-on-update': { type: 'string', value: 'ignore|apply|reject' },
  'toggle-draft': { type: 'string', value: 'body|toggle' },
  'create-status': { type: 'string', value: '201|200' },
  'delete-status': { type: 'string', value: '200|204' },
  'segments-envelope': { type: 'string', value: 'data|items' },
  'no-directories': { type: 'boolean' },
  'get-metadata': { type: 'boolean' },
  'sort-direction': { type: 'string', value: 'desc|asc' },
  'retry-after': { type: 'string', value: 'seconds|date|none' },
  'draft-create': { type: 'string', value: 'both|draft-only' },
  'ignore-metadata-filter': { type: 'boolean' },
  'title-max': { type: 'string', value: 'N' },
  'content-max': { type: 'string', value: 'N' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Flags;

export const emulatorUsage = renderUsage({
  command: 'emulator',
  flags: FLAGS,
  about: `Run a local emulator of the OpenCX training API on 127.0.0.1 until Ctrl+C. It prints its URL
and the token to send as "Authorization: Bearer <token>" (a local test token).
See docs/emulator.md for what it emulates and what it does not.`,
  sections: [
    {
      title: 'Options',
      rows: [
        ['--port N', 'port on 127.0.0.1 (default 0: any free port)'],
        ['--data FILE', 'keep the state in this JSON file (default: in memory)'],
        ['--token T', 'token to accept (default: a random one)'],
        [
          '--rate-limit N/SECONDS|off',
          'requests per window and token (default 100/60, as documented)',
        ],
        ['-q, --quiet', 'no line for each request'],
        HELP_ROW,
      ],
    },
    {
      title: 'Faults (reproducible for a given --seed)',
      rows: [
        ['--seed N', 'seed of the fault draws (default 1)'],
        ['--fault-rate F', 'fraction of requests answered 500, 502 or 503'],
        ['--throttle-rate F', 'fraction of requests answered 429 with Retry-After'],
        ['--drop-rate F', 'fraction of writes stored, then cut off before the answer'],
        ['--latency MIN-MAX', 'added latency in ms (e.g. 20-200)'],
        ['--fault-methods LIST', 'only these methods get faults (e.g. POST,PUT)'],
        ['--faults-writes-only', 'only writes (POST, PUT, PATCH, DELETE) get faults'],
      ],
    },
    {
      title: 'Undocumented behaviour of the real API (default first)',
      rows: [
        ['--metadata-on-update M', 'ignore | apply | reject: metadata in an update body'],
        ['--toggle-draft MODE', 'body | toggle: { is_draft } required, or a body-less flip'],
        ['--create-status S', '201 | 200'],
        ['--delete-status S', '200 | 204: with the deleted training, or no body'],
        ['--segments-envelope E', 'data | items'],
        ['--no-directories', 'no GET /training/directories (404)'],
        ['--get-metadata', 'GET /training/{id} includes metadata'],
        ['--sort-direction D', 'desc | asc'],
        ['--retry-after F', 'seconds | date | none'],
        ['--draft-create MODE', 'both | draft-only: where a new draft keeps its text'],
        ['--ignore-metadata-filter', 'GET /training ignores its documented metadata filter'],
        ['--title-max N', `longest title accepted (default ${DEFAULT_LIMITS.titleMaxLength})`],
        [
          '--content-max N',
          `longest content accepted (default ${DEFAULT_LIMITS.contentMaxLength})`,
        ],
      ],
    },
  ],
  examples: [
    'opencx-trainings emulator --data .opencx/emulator.json',
    'opencx-trainings emulator --fault-rate 0.1 --throttle-rate 0.05 --latency 20-200 --seed 7',
  ],
});

export interface EmulatorCommandOptions {
  /** `dataFile` as typed, resolved against the working directory when the command runs. */
  emulator: EmulatorOptions;
  quiet: boolean;
}

export function parseEmulatorArgs(args: readonly string[]): EmulatorCommandOptions | 'help' {
  const { values: v } = parseFlags(FLAGS, args);
  if (v.help === true) return 'help';
  const d = DEFAULT_SWITCHES;
  const switches: EmulatorSwitches = {
    metadataOnUpdate: choice(
      'metadata-on-update',
      v['metadata-on-update'],
      ['ignore', 'apply', 'reject'],
      d.metadataOnUpdate,
    ),
    toggleDraft: choice('toggle-draft', v['toggle-draft'], ['body', 'toggle'], d.toggleDraft),
    createStatus: Number(
      choice('create-status', v['create-status'], ['201', '200'], `${d.createStatus}`),
    ) as 200 | 201,
    deleteStatus: Number(
      choice('delete-status', v['delete-status'], ['200', '204'], `${d.deleteStatus}`),
    ) as 200 | 204,
    segmentsEnvelope: choice(
      'segments-envelope',
      v['segments-envelope'],
      ['data', 'items'],
      d.segmentsEnvelope,
    ),
    directoriesEndpoint: v['no-directories'] !== true,
    getIncludesMetadata: v['get-metadata'] === true,
    sortDirection: choice('sort-direction', v['sort-direction'], ['desc', 'asc'], d.sortDirection),
    retryAfter: choice('retry-after', v['retry-after'], ['seconds', 'date', 'none'], d.retryAfter),
    draftCreate: choice('draft-create', v['draft-create'], ['both', 'draft-only'], d.draftCreate),
    metadataFilter: v['ignore-metadata-filter'] === true ? 'ignore' : d.metadataFilter,
  };
  const faults: FaultOptions = {
    seed: integerFlag('seed', v.seed, { min: 0, max: 2 ** 32 - 1 }),
    errorRate: fractionFlag('fault-rate', v['fault-rate']),
    throttleRate: fractionFlag('throttle-rate', v['throttle-rate']),
    dropRate: fractionFlag('drop-rate', v['drop-rate']),
    latencyMs: latencyFlag(v.latency),
    methods: methodsFlag(v['fault-methods']),
    writesOnly: v['faults-writes-only'] === true,
  };
  if ((faults.errorRate ?? 0) + (faults.throttleRate ?? 0) + (faults.dropRate ?? 0) > 1) {
    throw new UsageError('--fault-rate, --throttle-rate and --drop-rate must add up to 1 at most.');
  }
  return {
    quiet: v.quiet === true,
    emulator: {
      ...switches,
      port: integerFlag('port', v.port, { min: 0, max: 65_535 }),
      dataFile: stringValue(v.data),
      token: stringValue(v.token),
      rateLimit: rateLimitFlag(v['rate-limit']),
      faults,
      limits: {
        titleMaxLength: integerFlag('title-max', v['title-max'], { min: 1 }),
        contentMaxLength: integerFlag('content-max', v['content-max'], { min: 1 }),
      },
    },
  };
}

/** Run until SIGINT or SIGTERM, then stop cleanly: connections closed, the data file saved. */
export async function emulator(options: EmulatorCommandOptions, io: Io): Promise<ExitCode> {
  const file = options.emulator.dataFile;
  const dataFile = file === undefined ? undefined : path.resolve(io.cwd, file);
  const onRequest = options.quiet
    ? undefined
    : (entry: Parameters<typeof describeEntry>[0]) => io.stdout.write(`${describeEntry(entry)}\n`);
  const running = await start({ ...options.emulator, dataFile, onRequest });
  io.stdout.write(renderEmulatorBanner({ url: running.url, token: running.token, dataFile: file }));
  const signal = await io.waitForSignal();
  await running.stop();
  io.stdout.write(`Stopped (${signal}).\n`);
  return ExitCode.ok;
}

/** Options are checked again when the emulator starts; what slips past the flags is the user's. */
async function start(options: EmulatorOptions): Promise<RunningEmulator> {
  try {
    return await startEmulator(options);
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(error.message);
    throw error;
  }
}
