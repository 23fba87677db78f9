// The chaos suite: the built command, as separate processes, against the emulator, while runs are
// killed with SIGKILL at random moments, start at the same time, or meet injected faults. Each
// scenario counts, after the runs have exited, the duplicates (extra trainings with one key) and
// the lost trainings (a file without its training), and how many more applies it took until
// `plan --detailed-exitcode` found nothing to do.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmulator } from '../../dist/emulator/index.js';
import { mulberry32 } from '../../dist/util/random.js';

const BIN = fileURLToPath(new URL('../../dist/bin.js', import.meta.url));
const TOKEN_ENV = 'OPENCX_CHAOS_KEY';
const NAMESPACE = 'chaos';
const KEY = 'opencx-trainings.key';
/** More follow-up applies than this means the sync does not converge: a failure of its own. */
const MAX_FOLLOW_UPS = 6;

/** Trials per kind of disturbance: enough to reach every moment of an apply, or a few for CI. */
export const TRIALS = {
  full: { kill: 25, together: 10, faults: 5 },
  quick: { kill: 2, together: 1, faults: 1 },
};

/** One scenario: how to set the org up, what to change, and how to disturb the apply. */
export const SCENARIOS = {
  'kill -9 during creates': { files: 30, change: 'create', disturb: 'kill' },
  'kill -9 during updates': { files: 30, change: 'update', disturb: 'kill' },
  'kill -9 during deletes': { files: 30, change: 'delete', disturb: 'kill' },
  '2 simultaneous applies': { files: 60, change: 'create', disturb: 'together', runs: 2 },
  '3 simultaneous applies': { files: 60, change: 'create', disturb: 'together', runs: 3 },
  'faults 10 %': { files: 30, change: 'mixed', disturb: 'faults', rate: 0.1 },
  'faults 30 %': { files: 30, change: 'mixed', disturb: 'faults', rate: 0.3 },
  'faults 50 %': { files: 30, change: 'mixed', disturb: 'faults', rate: 0.5 },
};

/**
 * Run `trials` trials of a scenario. Returns a row of the table: trials, duplicates and lost
 * (summed over trials), the most follow-up applies any trial needed, and the exit codes or
 * overlaps worth reporting.
 */
export async function runScenario(name, { trials, seed = 1 }) {
  const scenario = SCENARIOS[name];
  if (scenario === undefined) throw new Error(`unknown scenario "${name}"`);
  const row = { scenario: name, trials: 0, duplicates: 0, lost: 0, followUps: 0, notes: new Map() };
  for (let t = 0; t < trials; t++) {
    const rand = mulberry32(seed * 1000 + t);
    const result = await runTrial(scenario, rand, seed * 1000 + t);
    row.trials++;
    row.duplicates += result.duplicates;
    row.lost += result.lost;
    row.followUps = Math.max(row.followUps, result.followUps);
    for (const note of result.notes) row.notes.set(note, (row.notes.get(note) ?? 0) + 1);
  }
  return row;
}

async function runTrial(scenario, rand, seed) {
  const emulator = await startEmulator({ rateLimit: false });
  const dir = await mkdtemp(path.join(os.tmpdir(), 'opencx-chaos-'));
  const notes = [];
  try {
    const project = await makeProject(dir, emulator);
    const before = trainingFiles(scenario.change === 'create' ? 0 : scenario.files);
    if (Object.keys(before).length > 0) {
      await project.write(before);
      const synced = await project.apply();
      if (synced.code !== 0) throw new Error(`the first sync failed:\n${synced.stderr}`);
    }
    const after = changed(before, scenario, rand);
    await project.write(after, before);

    const latency = { seed, latencyMs: { min: 2, max: 25 } };
    const faults = (n) => {
      const third = scenario.rate / 3;
      const rates = { errorRate: third, throttleRate: third, dropRate: third };
      return { seed: seed + n, ...rates, throttleRetryAfterMs: 100 };
    };
    let duplicates = 0;
    let followUps = 0;
    const converged = async () => (await project.plan()).code === 0;

    if (scenario.disturb === 'faults') {
      // Every apply meets the faults, and each must leave no duplicate behind, not only the last.
      do {
        emulator.setFaults(faults(followUps));
        await project.apply();
        emulator.setFaults(null);
        followUps++;
        duplicates = Math.max(duplicates, census(emulator, after).duplicates);
      } while (followUps < MAX_FOLLOW_UPS && !(await converged()));
    } else {
      // Latency keeps several writes in flight, so that a kill lands in the middle of some.
      emulator.setFaults(latency);
      if (scenario.disturb === 'kill') {
        const killAfter = Math.floor(rand() * (expectedWrites(before, after) + 1));
        const run = await project.apply({ emulator, killAfterWrites: killAfter, rand });
        notes.push(
          run.signal === 'SIGKILL' ? 'killed' : `ended before the kill (exit ${run.code})`,
        );
        emulator.setFaults(null);
        // Measured after one more apply.
        await project.apply();
        followUps = 1;
      } else {
        const runs = await Promise.all(
          Array.from({ length: scenario.runs }, async () => {
            await sleep(Math.floor(rand() * 50));
            return project.apply();
          }),
        );
        emulator.setFaults(null);
        const codes = runs.map((r) => r.code);
        if (codes.some((c) => c !== 0)) notes.push(`exit codes ${codes.join('/')}`);
        if (runs.some((r) => r.stdout.includes('Another run was writing')))
          notes.push('another run seen writing');
      }
      // After all runs have exited (and the one more apply after a kill), before any other.
      duplicates = census(emulator, after).duplicates;
      while (followUps < MAX_FOLLOW_UPS && !(await converged())) {
        await project.apply();
        followUps++;
      }
    }
    if (!(await converged())) notes.push('did not converge');
    const final = census(emulator, after);
    return {
      duplicates: Math.max(duplicates, final.duplicates),
      lost: final.lost,
      followUps,
      notes,
    };
  } finally {
    await emulator.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

/** The expected state: one training per file with the file's text, and nothing else of ours. */
function census(emulator, files) {
  const byKey = new Map();
  for (const t of emulator.store.trainings()) {
    const key = t.metadata?.[KEY];
    if (typeof key !== 'string') continue;
    byKey.set(key, (byKey.get(key) ?? 0) + 1);
  }
  let duplicates = 0;
  for (const count of byKey.values()) duplicates += count - 1;
  const lost = Object.keys(files).filter((f) => !byKey.has(f.replace(/\.md$/, ''))).length;
  return { duplicates, lost };
}

function trainingFiles(count, version = 1) {
  return Object.fromEntries(
    Array.from({ length: count }, (_, i) => [
      `t${String(i).padStart(3, '0')}.md`,
      `---\ntitle: Training ${i}\n---\nInstruction ${i}, version ${version}.\n`,
    ]),
  );
}

/** The files after the change the scenario applies. */
function changed(before, scenario, rand) {
  const names = Object.keys(before);
  switch (scenario.change) {
    case 'create':
      return trainingFiles(scenario.files);
    case 'update':
      return Object.fromEntries(names.map((n) => [n, before[n].replace('version 1', 'version 2')]));
    case 'delete': {
      // Under the guard: 7 of 30 is less than a quarter.
      const gone = new Set(pick(names, 7, rand));
      return Object.fromEntries(names.filter((n) => !gone.has(n)).map((n) => [n, before[n]]));
    }
    case 'mixed': {
      const [gone, edited] = [new Set(pick(names, 5, rand)), new Set(pick(names, 10, rand))];
      const kept = names.filter((n) => !gone.has(n));
      const next = Object.fromEntries(
        kept.map((n) => [
          n,
          edited.has(n) ? before[n].replace('version 1', 'version 2') : before[n],
        ]),
      );
      for (let i = 0; i < 10; i++)
        next[`new${i}.md`] = `---\ntitle: New ${i}\n---\nA new instruction ${i}.\n`;
      return next;
    }
    default:
      throw new Error(`unknown change ${scenario.change}`);
  }
}

function expectedWrites(before, after) {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((n) => before[n] !== after[n]).length;
}

function pick(list, count, rand) {
  const copy = [...list];
  const out = [];
  while (out.length < count && copy.length > 0)
    out.push(copy.splice(Math.floor(rand() * copy.length), 1)[0]);
  return out;
}

async function makeProject(dir, emulator) {
  await writeFile(
    path.join(dir, 'opencx.yml'),
    `namespace: ${NAMESPACE}\nrate_limit:\n  requests_per_minute: 1000000\ntargets:\n  chaos:\n    url: ${emulator.url}\n    token_env: ${TOKEN_ENV}\ndefault_target: chaos\n`,
  );
  const root = path.join(dir, 'trainings');
  await mkdir(root, { recursive: true });
  const env = { ...process.env, NO_COLOR: '1', [TOKEN_ENV]: emulator.token };
  return {
    /** Write `files`, removing those of `previous` that are not among them. */
    async write(files, previous = {}) {
      for (const name of Object.keys(previous))
        if (!(name in files)) await rm(path.join(root, name), { force: true });
      for (const [name, text] of Object.entries(files))
        await writeFile(path.join(root, name), text);
    },
    apply: (options = {}) => runCli(['apply', '--yes'], dir, env, options),
    plan: () => runCli(['plan', '--detailed-exitcode'], dir, env),
  };
}

/**
 * Run the built command to its end, or kill it with SIGKILL once the emulator has answered
 * `killAfterWrites` writes (0: at a random moment of its first 400 ms).
 */
function runCli(args, cwd, env, { emulator, killAfterWrites, rand } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const kill = () => child.kill('SIGKILL');
    let timer;
    let watching;
    if (killAfterWrites !== undefined) {
      if (killAfterWrites === 0) timer = setTimeout(kill, Math.floor(rand() * 400));
      else {
        const seen = emulator.requests.length;
        watching = setInterval(() => {
          const writes = emulator.requests
            .slice(seen)
            .filter((r) => r.method !== 'GET' && r.status !== null).length;
          if (writes >= killAfterWrites) kill();
        }, 1);
      }
    }
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearInterval(watching);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The table `npm run chaos` prints. */
export function formatTable(rows) {
  const header = ['scenario', 'trials', 'duplicates', 'lost', 'applies to converge', 'notes'];
  const lines = rows.map((r) => [
    r.scenario,
    String(r.trials),
    String(r.duplicates),
    String(r.lost),
    `max ${r.followUps}`,
    [...r.notes].map(([note, n]) => `${note}: ${n}`).join('; '),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [format(header), format(widths.map((w) => '-'.repeat(w))), ...lines.map(format)].join(
    '\n',
  );
}
