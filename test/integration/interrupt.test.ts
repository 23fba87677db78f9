import { describe, expect, it } from 'vitest';
import type { ApplyReport } from '../../src/reconcile/apply-types.js';
import { useEmulator } from '../helpers/emulator.js';
import { aProject, numberedFiles } from '../helpers/project.js';

/** An emulator that is slow to answer, and a signal sent once it has stored `after` creates. */
async function interruptedAfter(after: number) {
  let interrupt: (signal: string) => void = () => undefined;
  const signal = new Promise<string>((resolve) => (interrupt = resolve));
  let creates = 0;
  const emulator = await useEmulator({
    faults: { latencyMs: 20 },
    onRequest: (entry) => {
      if (entry.method === 'POST' && entry.status === 201 && ++creates === after) {
        interrupt('SIGINT');
      }
    },
  });
  return { emulator, signal };
}

describe('Ctrl+C during apply', () => {
  it('finishes what is under way, reports what was done, and exits 130', async () => {
    const { emulator, signal } = await interruptedAfter(3);
    const project = await aProject(emulator, numberedFiles(60));

    const result = await project.run(['apply', '--yes'], { signal });

    expect(result.code).toBe(130);
    expect(result.stderr).toContain('Interrupted (SIGINT): finishing the requests under way');
    const stored = emulator.store.trainings().length;
    expect(stored).toBeGreaterThanOrEqual(3);
    expect(stored).toBeLessThan(60);
    expect(result.stdout).toContain(
      `Apply interrupted: ${stored} created; ${60 - stored} skipped.`,
    );
    expect(result.stdout).toContain(`${60 - stored} action(s) not started: apply again`);

    // Nothing lost, nothing twice: the next apply creates exactly the rest.
    const again = await project.run(['apply', '--yes']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`Apply complete: ${60 - stored} created.`);
    expect(emulator.store.trainings()).toHaveLength(60);
  });

  it('says so in the JSON report', async () => {
    const { emulator, signal } = await interruptedAfter(2);
    const project = await aProject(emulator, numberedFiles(40));

    const result = await project.run(['apply', '--yes', '--format', 'json'], { signal });

    expect(result.code).toBe(130);
    const report = JSON.parse(result.stdout) as ApplyReport;
    expect(report.interrupted).toBe(true);
    const skipped = report.results.filter((r) => r.status === 'skipped');
    expect(skipped.length).toBeGreaterThan(0);
    expect(skipped.every((r) => r.detail === 'not started: apply was interrupted')).toBe(true);
    expect(report.counts.ok).toBe(emulator.store.trainings().length);
  });
});
