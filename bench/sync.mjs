// plan: 10,000 files against an emulator holding the same 10,000 trainings (rate limit off).
// apply: 500 creates under a scaled-down rate limit: achieved rate as a fraction of the limit.
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_SEGMENTS, startEmulator } from '../dist/emulator/index.js';
import { ownershipMetadata } from '../dist/model/ownership.js';
import { payloadOf } from '../dist/reconcile/plan.js';
import { resolveReferences } from '../dist/reconcile/resolve.js';
import { readTrainings } from '../dist/source/read.js';
import { generateTrainings, median, report, timeCli } from './lib.mjs';

const TOKEN_ENV = 'OPENCX_BENCH_KEY';

async function writeConfig(dir, url, requestsPerMinute) {
  await writeFile(
    path.join(dir, 'opencx.yml'),
    `namespace: bench\nrate_limit:\n  requests_per_minute: ${requestsPerMinute}\ntargets:\n  bench:\n    url: ${url}\n    token_env: ${TOKEN_ENV}\ndefault_target: bench\n`,
  );
}

/** The trainings of the generated files, as the emulator would hold them after an apply. */
async function seedFrom(dir) {
  const source = await readTrainings({ root: 'trainings', cwd: dir });
  const { resolved } = resolveReferences(source.trainings, {
    segments: DEFAULT_SEGMENTS,
    directories: {},
  });
  return resolved.map((d) => ({
    ...payloadOf(d),
    metadata: { ...d.metadata, ...ownershipMetadata('bench', d.key) },
  }));
}

export async function benchPlan({ files = 10_000, runs = 3 } = {}) {
  const { dir } = await generateTrainings(files);
  const emulator = await startEmulator({
    rateLimit: false,
    data: { trainings: await seedFrom(dir) },
  });
  try {
    await writeConfig(dir, emulator.url, 1_000_000);
    const results = [];
    for (let i = 0; i < runs; i++) {
      emulator.clearRequests();
      const r = await timeCli(['plan', '--format', 'json', '--detailed-exitcode'], {
        cwd: dir,
        env: { [TOKEN_ENV]: emulator.token },
      });
      if (r.code !== 0) throw new Error(`plan exited ${r.code}: ${r.stderr.slice(0, 2000)}`);
      results.push({ ...r, requests: emulator.requests.map((q) => q.path) });
    }
    const last = results.at(-1);
    const lists = last.requests.filter((p) => p === '/training').length;
    report(
      `plan: ${files} files against ${files} trainings, whole process, median of ${runs} runs`,
      [
        ['wall time', `${median(results.map((r) => r.ms)).toFixed(0)} ms`],
        ['peak memory', `${Math.max(...results.map((r) => r.maxRssMb)).toFixed(0)} MB`],
        ['list requests (expected ceil(N/100))', `${lists} (${Math.ceil(files / 100)})`],
        [
          'other requests (lookups)',
          `${last.requests.length - lists}: ${[...new Set(last.requests.filter((p) => p !== '/training'))].join(', ')}`,
        ],
        ['plan result', 'no changes (exit 0)'],
      ],
    );
  } finally {
    await emulator.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

export async function benchApply({ creates = 500, requestsPerMinute = 1200 } = {}) {
  const { dir } = await generateTrainings(creates);
  const limit = { requests: requestsPerMinute, windowMs: 60_000 };
  const emulator = await startEmulator({ rateLimit: limit });
  try {
    await writeConfig(dir, emulator.url, requestsPerMinute);
    const r = await timeCli(['apply', '--yes'], {
      cwd: dir,
      env: { [TOKEN_ENV]: emulator.token },
    });
    if (r.code !== 0) throw new Error(`apply exited ${r.code}: ${r.stderr.slice(0, 2000)}`);
    const log = emulator.requests;
    const posts = log.filter((q) => q.method === 'POST' && q.status !== 429);
    const throttled = log.filter((q) => q.status === 429).length;
    const seconds = (log.at(-1).start - log[0].start) / 1000;
    const rate = (log.length - 1) / seconds;
    const allowed = requestsPerMinute / 60;
    report(`apply: ${creates} creates, emulator limit ${requestsPerMinute} requests/minute`, [
      ['created', `${posts.length}`],
      ['requests', `${log.length}`],
      ['achieved rate', `${rate.toFixed(2)} requests/s of ${allowed.toFixed(2)} allowed`],
      ['fraction of the limit (target >= 0.9)', `${(rate / allowed).toFixed(3)}`],
      ['429 answers', `${throttled}`],
      ['wall time', `${(r.ms / 1000).toFixed(1)} s`],
    ]);
  } finally {
    await emulator.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
