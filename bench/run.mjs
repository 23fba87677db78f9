// npm run bench [name]: every benchmark (or one), one after the other, since they share the cores.
import { benchClient } from './client.mjs';
import { benchApply, benchPlan } from './sync.mjs';
import { benchValidate } from './validate.mjs';

const only = process.argv[2];
const benches = {
  validate: benchValidate,
  client: benchClient,
  plan: benchPlan,
  apply: benchApply,
};
if (only !== undefined && !(only in benches)) {
  console.error(`Unknown benchmark "${only}": ${Object.keys(benches).join(', ')}`);
  process.exitCode = 1;
}
for (const [name, run] of Object.entries(benches)) {
  if (only === undefined || only === name) await run();
}
