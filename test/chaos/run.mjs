// npm run chaos [-- --quick] [--seed N] [--only NAME]: the chaos suite, a table of what it found.
// It exits 1 when any row has a duplicate, a lost training or a run that did not converge.
import { parseArgs } from 'node:util';
import { SCENARIOS, formatTable, runScenario } from './chaos.mjs';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean' },
    seed: { type: 'string', default: '1' },
    only: { type: 'string' },
  },
});

/** Trials per scenario: enough to reach every moment of an apply, or a few for CI. */
export const TRIALS = values.quick
  ? { kill: 2, together: 1, faults: 1 }
  : { kill: 25, together: 10, faults: 5 };

const rows = [];
const started = performance.now();
for (const [name, scenario] of Object.entries(SCENARIOS)) {
  if (values.only !== undefined && !name.includes(values.only)) continue;
  const row = await runScenario(name, {
    trials: TRIALS[scenario.disturb],
    seed: Number(values.seed),
  });
  rows.push(row);
  console.error(`${name}: done (${row.trials} trials)`);
}
console.log(formatTable(rows));
console.log(`\n${((performance.now() - started) / 1000).toFixed(0)} s`);
const failed = rows.some((r) => r.duplicates > 0 || r.lost > 0 || r.notes.has('did not converge'));
process.exitCode = failed ? 1 : 0;
