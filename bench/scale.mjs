// scale: validate and plan at 1k, 10k and 100k files, each a whole process: wall time, CPU time
// (user + sys of the process), peak memory (maxRSS) and requests made. The emulator holds the
// same trainings, so the plan finds no change; rate limit off (emulator and tool); plan runs at
// 0 ms and 50 ms of latency per request. Files are generated once per size and reused. Up to
// 10k, pull too: a drift of 1 % adopted with `pull --drifted`; an org of the same trainings
// without our metadata, adopted into one folder; and plan on the embedded local target, its data
// file holding the same trainings.
//
// `--sizes 1000,10000` picks the sizes; `--quick` is `--sizes 1000`.
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startEmulator } from '../dist/emulator/index.js';
import {
  TOKEN_ENV,
  generateTrainings,
  seconds,
  seedFrom,
  table,
  timeCli,
  writeConfig,
} from './lib.mjs';

const SIZES = [1_000, 10_000, 100_000];
const LATENCIES = [0, 50];
/** Pull writes a file per training, fsync'd: the largest size would take minutes of disk alone. */
const MAX_PULL_SIZE = 10_000;
/** The local target keeps its whole state in one JSON file, read at start: meant for small orgs. */
const MAX_LOCAL_SIZE = 10_000;

export async function benchScale({ quick = false, sizes } = {}) {
  const list =
    sizes === undefined
      ? quick
        ? [1_000]
        : SIZES
      : String(sizes)
          .split(',')
          .map((s) => Number(s.trim().replace(/k$/i, '000')));
  if (list.some((n) => !Number.isInteger(n) || n <= 0)) {
    throw new Error(`--sizes takes whole numbers separated by commas, not "${sizes}"`);
  }
  const rows = [];
  for (const size of list) rows.push(...(await runSize(size)));

  console.log('\nscale: validate, plan and pull, whole process, rate limit off');
  table([
    ['files', 'command', 'latency', 'wall time', 'CPU (user+sys)', 'peak memory', 'requests'],
    ...rows.map((r) => [
      r.size.toLocaleString('en-US'),
      r.command,
      r.latency,
      seconds(r.ms),
      seconds(r.cpuMs),
      `${r.maxRssMb.toFixed(0)} MB`,
      Number.isNaN(r.requests) ? 'in process' : String(r.requests),
    ]),
  ]);
  return rows;
}

async function runSize(size) {
  const generating = performance.now();
  const { dir } = await generateTrainings(size);
  let emulator;
  let unmanaged;
  try {
    const seed = await seedFrom(dir);
    console.log(
      `\nscale: ${size} files generated and read for the seed in ${seconds(performance.now() - generating)}`,
    );
    emulator = await startEmulator({ rateLimit: false, data: { trainings: seed } });
    await writeConfig(dir, emulator.url, 1_000_000);
    const env = { [TOKEN_ENV]: emulator.token, OPENCX_CACHE_DIR: path.join(dir, 'cache') };
    const rows = [];
    const run = async (command, args, latency, target = { cwd: dir, emulator }) => {
      target.emulator.clearRequests();
      const r = await timeCli(args, { cwd: target.cwd, env });
      if (r.code !== 0) {
        throw new Error(`${command} exited ${r.code}: ${(r.stdout + r.stderr).slice(0, 2000)}`);
      }
      const row = { size, command, latency, ...r, requests: target.emulator.requests.length };
      console.log(
        `  ${command.padEnd(28)} ${latency.padEnd(6)} ${seconds(r.ms).padStart(8)}  CPU ${seconds(r.cpuMs)}  ${r.maxRssMb.toFixed(0)} MB  ${row.requests} requests`,
      );
      rows.push(row);
    };
    await run('validate (cold, --no-cache)', ['validate', '--format', 'json', '--no-cache'], '-');
    for (const latencyMs of LATENCIES) {
      emulator.setFaults(latencyMs === 0 ? null : { latencyMs });
      await run(
        'plan (no change)',
        ['plan', '--format', 'json', '--detailed-exitcode'],
        `${latencyMs} ms`,
      );
    }
    if (size <= MAX_LOCAL_SIZE) {
      // The embedded local target of a repository: its data file holds the same trainings.
      const local = path.join(dir, 'local');
      await mkdir(local);
      await symlink(path.join(dir, 'trainings'), path.join(local, 'trainings'));
      await writeFile(
        path.join(local, 'opencx.yml'),
        'namespace: bench\ntargets:\n  here:\n    emulator: true\ndefault_target: here\n',
      );
      const stored = await startEmulator({
        rateLimit: false,
        dataFile: path.join(local, '.opencx', 'emulator.json'),
        data: { trainings: seed },
      });
      await stored.stop();
      const r = await timeCli(['plan', '--format', 'json', '--detailed-exitcode'], {
        cwd: local,
        env,
      });
      if (r.code !== 0) throw new Error(`local plan exited ${r.code}: ${r.stderr.slice(0, 2000)}`);
      rows.push({ size, command: 'plan (local target)', latency: '-', ...r, requests: NaN });
      console.log(
        `  ${'plan (local target)'.padEnd(28)} ${'-'.padEnd(6)} ${seconds(r.ms).padStart(8)}  CPU ${seconds(r.cpuMs)}  ${r.maxRssMb.toFixed(0)} MB`,
      );
    }
    if (size <= MAX_PULL_SIZE) {
      // A drift of 1 % (trainings edited in the dashboard), adopted into the files: a plan, a
      // listing of the org, and the drifted files rewritten.
      for (const t of emulator.store.trainings().filter((_, i) => i % 100 === 0)) {
        emulator.store.putTraining({ ...t, content: `${t.content}\nEdited in the dashboard.` });
      }
      await run(`pull --drifted (${size / 100} drifted)`, ['pull', '--drifted'], '0 ms');
      // Trainings made in the dashboard: no key, no directory, so every file lands in one folder.
      const trainings = seed.map((t) => ({ ...t, metadata: {}, directory_id: null }));
      unmanaged = await startEmulator({
        rateLimit: false,
        token: emulator.token,
        data: { trainings },
      });
      const adopt = path.join(dir, 'adopt');
      await mkdir(adopt);
      await writeConfig(adopt, unmanaged.url, 1_000_000);
      const target = { cwd: adopt, emulator: unmanaged };
      await run('pull (adopt, one folder)', ['pull', '--all'], '0 ms', target);
    }
    return rows;
  } finally {
    await unmanaged?.stop();
    await emulator?.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
