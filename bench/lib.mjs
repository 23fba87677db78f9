// Shared helpers of the benchmarks: a seeded generator of realistic trainings, timing, memory.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHANNELS } from '../dist/model/training.js';
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
 * Run the CLI as a whole process, as a user would, and measure its wall time and peak memory
 * (maxRSS, reported by a preloaded hook when the process exits).
 */
export function timeCli(args, { cwd, env = {} } = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', USAGE_HOOK, BIN, ...args], {
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
      const usage = /OPENCX_BENCH_MAXRSS=(\d+)/.exec(stderr);
      resolve({ code, ms, maxRssMb: usage ? Number(usage[1]) / 1024 : NaN, stdout, stderr });
    });
  });
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function report(name, rows) {
  console.log(`\n${name}`);
  for (const [label, value] of rows) console.log(`  ${label.padEnd(40)} ${value}`);
}
