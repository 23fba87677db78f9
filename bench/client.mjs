// The client listing 10,000 trainings from the emulator (rate limit off): total time, request
// count and time per request, median of several runs.
import { OpenCxClient } from '../dist/api/client.js';
import { startEmulator } from '../dist/emulator/index.js';
import { median, report } from './lib.mjs';

export async function benchClient({ trainings = 10_000, runs = 5 } = {}) {
  const seed = Array.from({ length: trainings }, (_, i) => ({
    title: `Training ${i}`,
    content: `Instruction number ${i}. `.repeat(20),
    metadata: {
      'opencx-trainings.managed': 'true',
      'opencx-trainings.namespace': 'bench',
      'opencx-trainings.key': `k${i}`,
    },
  }));
  const emulator = await startEmulator({ rateLimit: false, data: { trainings: seed } });
  const client = new OpenCxClient({
    baseUrl: emulator.url,
    token: emulator.token,
    requestsPerMinute: null,
  });
  try {
    const times = [];
    let requests = 0;
    for (let run = 0; run < runs; run++) {
      emulator.clearRequests();
      const started = performance.now();
      let count = 0;
      for await (const _ of client.listTrainings()) count++;
      times.push(performance.now() - started);
      if (count !== trainings) throw new Error(`listed ${count} of ${trainings}`);
      requests = emulator.requests.length;
    }
    const ms = median(times);
    report(`client: list ${trainings} trainings from the emulator, median of ${runs} runs`, [
      ['wall time', `${ms.toFixed(0)} ms`],
      ['requests (expected ceil(N/100))', `${requests} (${Math.ceil(trainings / 100)})`],
      ['time per request', `${(ms / requests).toFixed(1)} ms`],
    ]);
    return { ms, requests };
  } finally {
    await client.close();
    await emulator.stop();
  }
}
