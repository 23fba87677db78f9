// npm run chaos [-- --quick] [--seed N] [--only NAME]: the chaos suite, a table of what it found.
// It exits 1 when any row has a duplicate, a lost training or a run that did not converge.
import { parseArgs } from 'node:util';
import { SCENARIOS, TRIALS, formatTable, runScenario } from './chaos.mjs';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean' },
    seed: { type: 'string', default: '1' },
    only: { type: 'string' },
  },
});

const trials = TRIALS[values.quick ? 'quick' : 'full'];

const rows = [];
const started = performance.now();
for (const [name, scenario] of Object.entries(SCENARIOS)) {
  if (values.only !== undefined && !name.includes(values.only)) continue;
  const row = await runScenario(name, {
    trials: trials[scenario.disturb],
    seed: Number(values.seed),
  });
  rows.push(row);
  console.error(`${name}: done (${row.trials} trials)`);
}
console.log(formatTable(rows));
console.log(`\n${((performance.now() - started) / 1000).toFixed(0)} s`);
const failed = rows.some((r) => r.duplicates > 0 || r.lost > 0 || r.notes.has('did not converge'));
process.exitCode = failed ? 1 : 0;
