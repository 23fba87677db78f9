// npm run bench: every benchmark, one after the other (they share two cores).
import { benchValidate } from './validate.mjs';

const only = process.argv[2];
const benches = { validate: benchValidate };
for (const [name, run] of Object.entries(benches)) {
  if (only === undefined || only === name) await run();
}
