import { describe, expect, it } from 'vitest';
import { apply, formatPlan, plan, ProblemsError, validate } from '../../src/index.js';
import { useEmulator } from '../helpers/emulator.js';
import { aProject, md, numberedFiles, writesIn } from '../helpers/project.js';

describe('the programmatic API', () => {
  it('validates, plans and applies, printing nothing and returning data', async () => {
    const emulator = await useEmulator();
    const project = await aProject(emulator, numberedFiles(3));
    const options = { cwd: project.dir, env: project.env };

    expect(await validate(options)).toMatchObject({
      valid: true,
      root: 'trainings',
      files: 3,
      trainings: 3,
      diagnostics: [],
    });

    const planned = await plan(options);
    expect(planned.summary).toMatchObject({ create: 3 });
    expect(formatPlan(planned)).toMatch(/^Plan: 3 to create; 0 unchanged\./m);
    expect(formatPlan(planned, 'markdown')).toContain('### OpenCX plan: 3 to create');
    expect(JSON.parse(formatPlan(planned, 'json'))).toEqual(planned);
    expect(writesIn(emulator)).toEqual([]);

    const applied = await apply({ ...options, plan: planned });
    expect(applied.report.counts).toEqual({ ok: 3, failed: 0, skipped: 0 });
    expect(emulator.store.trainings()).toHaveLength(3);
    expect((await plan(options)).summary).toMatchObject({ create: 0, 'no-op': 3 });
  });

  it('throws the problems of the files, and sends nothing', async () => {
    const emulator = await useEmulator();
    const project = await aProject(emulator, { 'bad.md': md('title: Bad\ntype: LOUD') });
    const options = { cwd: project.dir, env: project.env };

    expect((await validate(options)).valid).toBe(false);
    const error = await plan(options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemsError);
    expect((error as ProblemsError).diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', file: 'trainings/bad.md', field: 'type' }),
    ]);
    await expect(apply(options)).rejects.toBeInstanceOf(ProblemsError);
    expect(emulator.requests).toEqual([]);
  });

  it('applies a reviewed plan only while it still holds', async () => {
    const emulator = await useEmulator();
    const project = await aProject(emulator, numberedFiles(2));
    const options = { cwd: project.dir, env: project.env };
    const reviewed = await plan(options);

    await project.write({ 'extra.md': md('title: Extra') });
    await expect(apply({ ...options, plan: reviewed })).rejects.toThrow('no longer holds');
    expect(writesIn(emulator)).toEqual([]);
  });
});
