// npm run bench [name...] [-- options]: every benchmark (or the ones named), one after the other,
// since they share the cores. The quick ones first; scale and compare take minutes.
//
//   --quick            every benchmark at a small size, with short rate-limit windows
//   --sizes 1000,10000 scale: the numbers of files (default 1000,10000,100000)
//   --window SECONDS   compare: the rate-limit window (default 60; 10 with --quick), the limit
//                      scaled to match 100 requests per 60 s
//   --latency MS       compare: latency added to every request (default 80)
import { parseArgs } from 'node:util';
import { benchClient } from './client.mjs';
import { benchLint } from './lint.mjs';
import { benchScale } from './scale.mjs';
import { benchCompare } from './side-by-side.mjs';
import { benchApply, benchPlan } from './sync.mjs';
import { benchValidate } from './validate.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    quick: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    window: { type: 'string' },
    latency: { type: 'string' },
  },
});
const { quick } = values;

const benches = {
  validate: () => benchValidate(quick ? { files: 1_000, runs: 2 } : {}),
  lint: () => benchLint(quick ? { files: 1_000, runs: 1 } : {}),
  client: () => benchClient(quick ? { trainings: 1_000, runs: 2 } : {}),
  plan: () => benchPlan(quick ? { files: 1_000, runs: 1 } : {}),
  apply: () => benchApply(quick ? { creates: 100 } : {}),
  scale: () => benchScale({ quick, sizes: values.sizes }),
  compare: () => benchCompare({ quick, window: values.window, latency: values.latency }),
};
const unknown = positionals.filter((name) => !(name in benches));
if (unknown.length > 0) {
  console.error(`Unknown benchmark "${unknown.join('", "')}": ${Object.keys(benches).join(', ')}`);
  process.exitCode = 1;
} else {
  for (const [name, run] of Object.entries(benches)) {
    if (positionals.length === 0 || positionals.includes(name)) await run();
  }
}
