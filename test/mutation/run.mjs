// npm run mutants [-- NAME]: break each safety edge of the sync on purpose, one at a time, and
// check that the test meant to guard it fails. A mutant that survives (its tests still pass)
// is a safety edge no test guards. The source is always restored, even on Ctrl+C.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MUTANTS } from './mutants.mjs';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const only = process.argv[2];

let restore = () => undefined;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    restore();
    process.exit(130);
  });
}

const rows = [];
for (const mutant of MUTANTS) {
  if (only !== undefined && !mutant.name.includes(only)) continue;
  const file = path.join(REPO, mutant.file);
  const original = readFileSync(file, 'utf8');
  const count = original.split(mutant.from).length - 1;
  if (count !== 1) {
    rows.push({ mutant, outcome: `NOT APPLIED: the code to change occurs ${count} times` });
    continue;
  }
  restore = () => writeFileSync(file, original);
  writeFileSync(file, original.replace(mutant.from, mutant.to));
  try {
    const run = spawnSync('npx', ['vitest', 'run', ...mutant.tests, '--reporter=dot'], {
      cwd: REPO,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    const failed = /\bTests\s+(\d+) failed/.exec(run.stdout)?.[1] ?? '0';
    rows.push({
      mutant,
      outcome: run.status === 0 ? 'SURVIVED: no test failed' : `killed (${failed} failed)`,
    });
  } finally {
    restore();
    restore = () => undefined;
  }
  console.error(`${mutant.name}: ${rows.at(-1).outcome}`);
}

console.log('\n| mutant | file | guarded by | outcome |\n|---|---|---|---|');
for (const { mutant, outcome } of rows)
  console.log(`| ${mutant.name} | ${mutant.file} | ${mutant.tests.join(', ')} | ${outcome} |`);
process.exitCode = rows.every((r) => r.outcome.startsWith('killed')) ? 0 : 1;
