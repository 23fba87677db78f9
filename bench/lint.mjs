// lint on 10,000 generated training files (target: under 3 s): whole-process wall time, CPU
// time and peak memory, median of a few runs, with the findings counted by rule. The generated
// triggers are variations of 120 questions, so the overlap index has real work to do.
import { rm } from 'node:fs/promises';
import { generateTrainings, median, report, timeCli } from './lib.mjs';

export async function benchLint({ files = 10_000, runs = 3 } = {}) {
  const { dir } = await generateTrainings(files);
  try {
    const results = [];
    for (let i = 0; i < runs; i++) {
      const r = await timeCli(['lint', '--format', 'json', '--no-cache'], { cwd: dir });
      if (r.code > 1) throw new Error(`lint failed:\n${r.stderr.slice(0, 2000)}`);
      results.push({ ...r, report: JSON.parse(r.stdout) });
    }
    const byRule = {};
    for (const f of results[0].report.findings) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
    report(`lint: ${files} files, whole process, median of ${runs} runs (target < 3000 ms)`, [
      ['wall time', `${median(results.map((r) => r.ms)).toFixed(0)} ms`],
      ['CPU (user + sys)', `${median(results.map((r) => r.cpuMs)).toFixed(0)} ms`],
      ['peak memory', `${Math.max(...results.map((r) => r.maxRssMb)).toFixed(0)} MB`],
      ['findings', JSON.stringify(byRule)],
    ]);
    return { ms: median(results.map((r) => r.ms)) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
