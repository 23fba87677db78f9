// compare: the tool (`apply --yes`, a whole process) beside the naive script (naive-sync.mjs, a
// whole process), on an emulator with the documented limit (100 requests per 60 s sliding
// window) and latency on every request (80 ms). Each run starts from a fresh emulator seeded
// identically; after each run the tool plans against the result (limit and latency off) and must
// find nothing to do, and both runs of a case must leave the same trainings.
//
// `--quick`: 10 s windows (the limit scaled to match), fewer trainings. `--window SECONDS` and
// `--latency MS` set either on its own. The tool is told the same rate in requests a minute and
// counts its budget over a minute, so under a shorter window it meets 429s the 60 s run would not
// show: a short window checks the benchmark, the 60 s window is the comparison.
//
// "share of the limit over the run": requests the limiter counted (429s are not), per window,
// over the limit; a run shorter than a window counts as one window. A sliding window lets a run
// just over one window long send nearly twice the limit, so a client that bursts can exceed 1.
// "busiest window": the most requests counted in any one window, over the limit (at most 1).
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOCUMENTED_RATE_LIMIT, startEmulator } from '../dist/emulator/index.js';
import {
  TOKEN_ENV,
  generateTrainings,
  report,
  requestStats,
  seconds,
  seedFrom,
  table,
  timeCli,
  timeNode,
  writeConfig,
} from './lib.mjs';

const NAIVE = fileURLToPath(new URL('./naive-sync.mjs', import.meta.url));

const CASES = {
  full: [
    { name: '2,000 trainings, nothing to change', files: 2000, seeded: true, edits: 0 },
    { name: '10 edits among 2,000 trainings', files: 2000, seeded: true, edits: 10 },
    { name: '200 creates from empty', files: 200, seeded: false, edits: 0 },
    { name: '500 creates from empty', files: 500, seeded: false, edits: 0 },
  ],
  quick: [
    { name: '300 trainings, nothing to change', files: 300, seeded: true, edits: 0 },
    { name: '10 edits among 300 trainings', files: 300, seeded: true, edits: 10 },
    { name: '20 creates from empty', files: 20, seeded: false, edits: 0 },
    { name: '40 creates from empty', files: 40, seeded: false, edits: 0 },
  ],
};

export async function benchCompare({ quick = false, window, latency } = {}) {
  const windowMs = window === undefined ? (quick ? 10_000 : 60_000) : Number(window) * 1000;
  const latencyMs = latency === undefined ? 80 : Number(latency);
  if (!(windowMs > 0) || !(latencyMs >= 0)) {
    throw new Error(
      `--window takes seconds above 0 and --latency milliseconds, not ${window}, ${latency}`,
    );
  }
  const limit = {
    requests: Math.max(
      1,
      Math.round((DOCUMENTED_RATE_LIMIT.requests * windowMs) / DOCUMENTED_RATE_LIMIT.windowMs),
    ),
    windowMs,
  };
  // The tool is told the same rate; it counts per minute whatever the emulator's window.
  const requestsPerMinute = Math.round((limit.requests * 60_000) / windowMs);
  const setup = { limit, latencyMs, requestsPerMinute };
  const rows = [];
  for (const c of quick ? CASES.quick : CASES.full) rows.push(await runCase(c, setup));

  const ratio = (r) => (r.tool.ms / r.naive.ms).toFixed(2);
  const pair = (r, f) => `${f(r.tool)} / ${f(r.naive)}`;
  console.log(
    `\ncompare: summary (limit ${limit.requests}/${windowMs / 1000} s, latency ${latencyMs} ms; tool / naive)`,
  );
  table([
    ['case', 'wall time', 'tool/naive', 'requests', '429s', 'share of limit'],
    ...rows.map((r) => [
      r.name,
      pair(r, (x) => seconds(x.ms)),
      ratio(r),
      pair(r, (x) => String(x.stats.requests)),
      pair(r, (x) => String(x.stats.throttled)),
      pair(r, (x) => x.stats.share.toFixed(2)),
    ]),
  ]);
  return rows;
}

async function runCase(c, { limit, latencyMs, requestsPerMinute }) {
  const { dir, root } = await generateTrainings(c.files);
  try {
    const seed = c.seeded ? await seedFrom(dir) : [];
    await editFiles(root, c.files, c.edits);
    const result = { name: c.name };
    for (const runner of ['tool', 'naive']) {
      const emulator = await startEmulator({
        rateLimit: limit,
        faults: { latencyMs },
        data: { trainings: seed },
      });
      try {
        await writeConfig(dir, emulator.url, requestsPerMinute);
        const env = {
          [TOKEN_ENV]: emulator.token,
          OPENCX_API_KEY: emulator.token,
          OPENCX_CACHE_DIR: path.join(dir, 'cache'),
        };
        const r =
          runner === 'tool'
            ? await timeCli(['apply', '--yes'], { cwd: dir, env })
            : await timeNode(NAIVE, [root, emulator.url, 'bench'], { cwd: dir, env });
        if (r.code !== 0) {
          throw new Error(`${runner} exited ${r.code}: ${(r.stdout + r.stderr).slice(0, 2000)}`);
        }
        const stats = requestStats(emulator.requests, limit);
        await checkInSync(emulator, dir, env, runner);
        result[runner] = { ...r, stats, state: endState(emulator.store.trainings()) };
      } finally {
        await emulator.stop();
      }
    }
    const same = result.tool.state === result.naive.state;
    if (!same) throw new Error(`${c.name}: the tool and the naive script left different trainings`);
    const { tool, naive } = result;
    const pair = (f) => `${f(tool)} / ${f(naive)}`;
    const writes = (s) => `${s.byMethod.POST}+${s.byMethod.PUT}+${s.byMethod.DELETE}`;
    report(`compare: ${c.name} (tool / naive)`, [
      ['wall time', pair((x) => seconds(x.ms))],
      ['ratio tool/naive', (tool.ms / naive.ms).toFixed(2)],
      ['requests sent', pair((x) => String(x.stats.requests))],
      ['  reads (GET)', pair((x) => String(x.stats.byMethod.GET))],
      ['  writes (POST+PUT+DELETE)', pair((x) => writes(x.stats))],
      ['429 answers', pair((x) => String(x.stats.throttled))],
      ['share of the limit over the run', pair((x) => x.stats.share.toFixed(2))],
      ['busiest window / limit', pair((x) => x.stats.peakShare.toFixed(2))],
      ['CPU time (user + sys)', pair((x) => `${x.cpuMs.toFixed(0)} ms`)],
      ['end state', 'identical; a plan afterwards finds no change'],
    ]);
    return result;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Append a sentence to `edits` files spread over the folder (file i is under topic-<i/100>). */
async function editFiles(root, files, edits) {
  for (let k = 0; k < edits; k++) {
    const i = Math.floor((k * files) / edits) + 1;
    const file = path.join(
      root,
      `topic-${String(Math.floor(i / 100)).padStart(3, '0')}`,
      `training-${i}.md`,
    );
    await writeFile(file, `${await readFile(file, 'utf8')}\nThis answer was reviewed.\n`);
  }
}

/** The tool plans against what the run left (limit and latency off): it must find no change. */
async function checkInSync(emulator, dir, env, runner) {
  emulator.setRateLimit(false);
  emulator.setFaults(null);
  await writeConfig(dir, emulator.url, 1_000_000, { file: 'opencx.check.yml' });
  const plan = await timeCli(
    ['plan', '--config', 'opencx.check.yml', '--format', 'json', '--detailed-exitcode'],
    { cwd: dir, env },
  );
  if (plan.code !== 0) {
    throw new Error(
      `after the ${runner}, plan exited ${plan.code}: ${(plan.stdout + plan.stderr).slice(0, 2000)}`,
    );
  }
}

/** The trainings as the AI and the tool see them, ids and timestamps left out, in key order. */
function endState(trainings) {
  const sorted = (list) => [...list].sort();
  const rows = trainings.map((t) =>
    JSON.stringify([
      t.metadata['opencx-trainings.key'] ?? '',
      t.title,
      t.content,
      t.draft_title,
      t.draft_content,
      t.type,
      t.is_draft,
      t.directory_id,
      sorted(t.restricted_to_channels),
      sorted(t.restricted_to_segments),
      Object.entries(t.metadata).sort(([a], [b]) => (a < b ? -1 : 1)),
      t.current_version,
    ]),
  );
  return rows.sort().join('\n');
}
