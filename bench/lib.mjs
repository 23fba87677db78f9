// Shared helpers of the benchmarks: a seeded generator of realistic trainings, timing (wall and
// CPU), memory, configs, the emulator seed matching the files, request statistics.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SEGMENTS } from '../dist/emulator/index.js';
import { CHANNELS } from '../dist/model/training.js';
import { createMetadataOf, payloadOf } from '../dist/reconcile/payload.js';
import { resolveReferences } from '../dist/reconcile/resolve.js';
import { readTrainings } from '../dist/source/read.js';
// Mulberry32, the seeded PRNG of the build, so every run benchmarks the same files.
import { mulberry32 as random } from '../dist/util/random.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const BIN = path.join(REPO, 'dist', 'bin.js');
const USAGE_HOOK = fileURLToPath(new URL('./report-usage.mjs', import.meta.url));

const TOPICS = [
  'refund',
  'delivery',
  'invoice',
  'battery',
  'repair',
  'subscription',
  'warranty',
  'password',
  'address',
  'discount',
  'recall',
  'insurance',
];
const VERBS = [
  'change',
  'cancel',
  'track',
  'pause',
  'renew',
  'report',
  'update',
  'check',
  'book',
  'explain',
];
const WORDS =
  'the customer order bike battery refund days within support agent should always never offer explain ask confirm account payment service repair team link app email number policy warranty subscription plan month week delivery carrier tracking'.split(
    ' ',
  );
const SEGMENTS = ['VIP customers', 'Subscribers', 'New customers', 'Business accounts'];

/** A realistic training: a question title, a few paragraphs, a varied frontmatter. */
function makeTraining(rand, i) {
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const title = `How do I ${pick(VERBS)} my ${pick(TOPICS)} (${i})?`;
  const paragraphs = Array.from(
    { length: 1 + Math.floor(rand() * 4) },
    () => Array.from({ length: 20 + Math.floor(rand() * 60) }, () => pick(WORDS)).join(' ') + '.',
  );
  const fm = [`title: "${title}"`];
  if (rand() < 0.1) fm.push('type: BEHAVIORAL');
  if (rand() < 0.4)
    fm.push(`channels: [${[...new Set([pick(CHANNELS), pick(CHANNELS)])].join(', ')}]`);
  if (rand() < 0.3) fm.push(`segments: [${pick(SEGMENTS)}]`);
  if (rand() < 0.05) fm.push('draft: true');
  if (rand() < 0.2)
    fm.push(`metadata:\n  owner: ${pick(TOPICS)}\n  priority: ${Math.floor(rand() * 5)}`);
  return { title, text: `---\n${fm.join('\n')}\n---\n${paragraphs.join('\n\n')}\n` };
}

/** Write `count` training files into a fresh temp folder, 100 per sub-folder. */
export async function generateTrainings(count, seed = 42) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'opencx-bench-'));
  const root = path.join(dir, 'trainings');
  const rand = random(seed);
  for (let i = 0; i < count; i++) {
    const folder = path.join(root, `topic-${String(Math.floor(i / 100)).padStart(3, '0')}`);
    if (i % 100 === 0) await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, `training-${i}.md`), makeTraining(rand, i).text);
  }
  return { dir, root };
}

/**
 * Run the CLI as a whole process, as a user would, and measure its wall time, its CPU time
 * (user + system) and its peak memory (maxRSS), the last two reported by a preloaded hook when
 * the process exits.
 */
export function timeCli(args, options = {}) {
  return timeNode(BIN, args, options);
}

/** Run a Node script as a whole process and measure it as `timeCli` does. */
export function timeNode(script, args, { cwd, env = {} } = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', USAGE_HOOK, script, ...args], {
      cwd,
      env: { ...process.env, ...env, OPENCX_BENCH_USAGE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      const rss = /OPENCX_BENCH_MAXRSS=(\d+)/.exec(stderr);
      const cpu = /OPENCX_BENCH_CPU=(\d+),(\d+)/.exec(stderr);
      resolve({
        code,
        ms,
        cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) / 1000 : NaN,
        maxRssMb: rss ? Number(rss[1]) / 1024 : NaN,
        stdout,
        stderr,
      });
    });
  });
}

/** The environment variable the benchmark configs name for the API key. */
export const TOKEN_ENV = 'OPENCX_BENCH_KEY';

/** An opencx.yml (or another name) for the namespace "bench" and one target, `url`. */
export async function writeConfig(dir, url, requestsPerMinute, { file = 'opencx.yml' } = {}) {
  await writeFile(
    path.join(dir, file),
    `namespace: bench\nrate_limit:\n  requests_per_minute: ${requestsPerMinute}\ntargets:\n  bench:\n    url: ${url}\n    token_env: ${TOKEN_ENV}\ndefault_target: bench\n`,
  );
}

/**
 * The trainings of the generated files under `dir`, as the emulator would hold them after an
 * apply in namespace "bench": the create body the tool sends, with its ownership metadata.
 */
export async function seedFrom(dir) {
  const source = await readTrainings({ root: 'trainings', cwd: dir });
  const { resolved } = resolveReferences(source.trainings, {
    segments: DEFAULT_SEGMENTS,
    directories: {},
  });
  return resolved.map((d) => ({ ...payloadOf(d), metadata: createMetadataOf(d, 'bench') }));
}

/** Summary of an emulator's request log: what was sent, refused, and how close to the limit. */
export function requestStats(log, limit) {
  const counted = log.filter((q) => q.status !== 429 && q.status !== 401);
  let first = Infinity;
  let last = -Infinity;
  for (const q of log) {
    first = Math.min(first, q.start);
    last = Math.max(last, q.end ?? q.start);
  }
  const span = log.length === 0 ? 0 : last - first;
  let peak = 0;
  if (limit) {
    // The most requests the limiter counted in any window, sliding over their arrival times.
    const times = counted.map((q) => q.start).sort((a, b) => a - b);
    for (let i = 0, j = 0; i < times.length; i++) {
      while (times[i] - times[j] >= limit.windowMs) j++;
      peak = Math.max(peak, i - j + 1);
    }
  }
  return {
    requests: log.length,
    throttled: log.length - counted.length,
    spanMs: span,
    byMethod: Object.fromEntries(
      ['GET', 'POST', 'PUT', 'DELETE'].map((m) => [
        m,
        counted.filter((q) => q.method === m).length,
      ]),
    ),
    // Requests per window over the limit, averaged over the run (a run shorter than a window
    // counts as one window); and the busiest window.
    share: limit ? counted.length / limit.requests / Math.max(1, span / limit.windowMs) : NaN,
    peakShare: limit ? peak / limit.requests : NaN,
  };
}

export const seconds = (ms) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Rows of cells, the first the header, printed in aligned columns. */
export function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  for (const row of rows) {
    console.log(`  ${row.map((v, i) => v.padEnd(widths[i])).join('  ')}`.trimEnd());
  }
}

export function report(name, rows) {
  console.log(`\n${name}`);
  for (const [label, value] of rows) console.log(`  ${label.padEnd(40)} ${value}`);
}
