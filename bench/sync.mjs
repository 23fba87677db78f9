// plan: 10,000 files against an emulator holding the same 10,000 trainings (rate limit off).
// apply: 500 creates under a scaled-down rate limit: achieved rate as a fraction of the limit.
import { rm } from 'node:fs/promises';
import { startEmulator } from '../dist/emulator/index.js';
import {
  TOKEN_ENV,
  generateTrainings,
  median,
  report,
  requestStats,
  seedFrom,
  timeCli,
  writeConfig,
} from './lib.mjs';

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
        ['CPU time (user + sys)', `${median(results.map((r) => r.cpuMs)).toFixed(0)} ms`],
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
    const stats = requestStats(log, limit);
    const rate = (log.length - 1) / (stats.spanMs / 1000);
    report(`apply: ${creates} creates, emulator limit ${requestsPerMinute} requests/minute`, [
      ['created', `${posts.length}`],
      ['requests', `${log.length}`],
      [
        'achieved rate',
        `${rate.toFixed(2)} requests/s (${(requestsPerMinute / 60).toFixed(2)}/s allowed on average)`,
      ],
      // A run that fits in one window's budget counts as one window (see requestStats).
      ['share of limit over run (target >= 0.9)', stats.share.toFixed(3)],
      ['busiest window / limit (at most 1)', stats.peakShare.toFixed(3)],
      ['429 answers', `${stats.throttled}`],
      ['wall time', `${(r.ms / 1000).toFixed(1)} s`],
    ]);
  } finally {
    await emulator.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
