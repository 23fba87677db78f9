// validate on 10,000 generated training files: whole-process wall time and peak memory, cold
// (no parse cache, as on a fresh CI checkout) and warm (the cache of the previous run).
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { generateTrainings, median, report, timeCli } from './lib.mjs';

async function runValidate(dir, files, args = []) {
  // The parse cache lives outside the work tree: here, beside the generated files.
  const env = { OPENCX_CACHE_DIR: path.join(dir, 'cache') };
  const r = await timeCli(['validate', '--format', 'json', ...args], { cwd: dir, env });
  if (r.code !== 0) throw new Error(`validate failed:\n${r.stdout.slice(0, 2000)}${r.stderr}`);
  const out = JSON.parse(r.stdout);
  if (out.trainings !== files) throw new Error(`expected ${files} trainings, got ${out.trainings}`);
  return r;
}

export async function benchValidate({ files = 10_000, runs = 5 } = {}) {
  const { dir } = await generateTrainings(files);
  try {
    const cold = [];
    for (let i = 0; i < runs; i++) cold.push(await runValidate(dir, files, ['--no-cache']));
    await rm(path.join(dir, 'cache'), { recursive: true, force: true });
    const first = await runValidate(dir, files);
    const warm = [];
    for (let i = 0; i < runs; i++) warm.push(await runValidate(dir, files));
    const ms = (list) =>
      `${median(list.map((r) => r.ms)).toFixed(0)} ms (min ${Math.min(...list.map((r) => r.ms)).toFixed(0)}, max ${Math.max(...list.map((r) => r.ms)).toFixed(0)})`;
    const rss = (list) => `${Math.max(...list.map((r) => r.maxRssMb)).toFixed(0)} MB`;
    report(
      `validate: ${files} files, whole process, median of ${runs} runs (target < 2000 ms, < 300 MB)`,
      [
        ['cold, --no-cache', ms(cold)],
        ['cold, peak memory', rss(cold)],
        [
          'first run, writing the cache',
          `${first.ms.toFixed(0)} ms, ${first.maxRssMb.toFixed(0)} MB`,
        ],
        ['warm, unchanged files', ms(warm)],
        ['warm, peak memory', rss(warm)],
      ],
    );
    return { cold: median(cold.map((r) => r.ms)), warm: median(warm.map((r) => r.ms)) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
