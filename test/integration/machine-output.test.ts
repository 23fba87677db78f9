import { describe, expect, it } from 'vitest';
import { useEmulator } from '../helpers/emulator.js';
import { aProject, md, numberedFiles, writesIn } from '../helpers/project.js';

interface ProblemsReport {
  format_version: number;
  valid: boolean;
  errors: number;
  diagnostics: { code: string; file?: string; severity: string }[];
}

describe('machine output keeps stdout for the document alone', () => {
  it('plan --format markdown: the Markdown on stdout, the target line on stderr', async () => {
    const emulator = await useEmulator();
    const project = await aProject(emulator, numberedFiles(2));
    const result = await project.run(['plan', '--format', 'markdown', '--out', 'plan.json']);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('Target:');
    expect(result.stdout).not.toContain('Saved the plan');
    expect(result.stdout.trimStart()).toMatch(/^#{1,3} /);
    expect(result.stderr).toMatch(/^Target: test /);
    expect(result.stderr).toContain('Saved the plan to plan.json');
  });

  it('plan --format json: one JSON document on stdout, even with a saved plan', async () => {
    const emulator = await useEmulator();
    const project = await aProject(emulator, numberedFiles(2));
    const result = await project.run(['plan', '--format', 'json', '--out', 'plan.json']);
    expect(result.code).toBe(0);
    expect(() => JSON.parse(result.stdout) as unknown).not.toThrow();
  });

  it('apply --dry-run --format json: the plan as the document on stdout', async () => {
    const emulator = await useEmulator();
    const project = await aProject(emulator, numberedFiles(2));
    const result = await project.run(['apply', '--dry-run', '--format', 'json']);
    expect(result.code).toBe(0);
    const plan = JSON.parse(result.stdout) as { summary: Record<string, number> };
    expect(plan.summary).toMatchObject({ create: 2 });
    expect(result.stderr).toMatch(/^Target: test /);
    expect(writesIn(emulator)).toEqual([]);
  });

  it.each([['plan'], ['apply', '--yes']])(
    '%s --format json reports invalid files as JSON diagnostics on stdout',
    async (...command) => {
      const emulator = await useEmulator();
      const project = await aProject(emulator, {
        'good.md': md('title: Good'),
        'bad.md': md('title: Bad\nchannels: [fax]'),
      });
      const result = await project.run([...command, '--format', 'json']);

      expect(result.code).toBe(1);
      const report = JSON.parse(result.stdout) as ProblemsReport;
      expect(report).toMatchObject({ format_version: 1, valid: false, errors: 1 });
      expect(report.diagnostics).toEqual([
        expect.objectContaining({ severity: 'error', file: 'trainings/bad.md' }),
      ]);
      expect(result.stderr).toContain('Nothing was sent to OpenCX');
      expect(emulator.requests).toEqual([]);
    },
  );

  it('plan --format json reports a segment unknown to the org as JSON diagnostics', async () => {
    const emulator = await useEmulator();
    const project = await aProject(emulator, {
      'vip.md': md('title: VIP\nsegments: [Nobody]'),
    });
    const result = await project.run(['plan', '--format', 'json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as ProblemsReport;
    expect(report.diagnostics.map((d) => d.code)).toEqual(['unknown-segment']);
  });
});
