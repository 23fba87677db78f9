import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import type { Plan } from '../../src/reconcile/plan-types.js';
import { clientOf, collect } from '../helpers/client.js';
import { useEmulator } from '../helpers/emulator.js';
import {
  NAMESPACE,
  aProject,
  md,
  numberedFiles,
  writesIn,
  type Project,
} from '../helpers/project.js';

const FILES = {
  'refund.md': md('title: How do I get a refund?\nsegments: [VIP customers]', 'Within 30 days.'),
  'tone.md': md('title: Brand voice\ntype: BEHAVIORAL', 'Be warm and direct.'),
};

async function savePlan(project: Project, file = 'plan.json'): Promise<Plan> {
  const planned = await project.run(['plan', '--out', file]);
  expect(planned.code).toBe(0);
  return JSON.parse(await readFile(path.join(project.dir, file), 'utf8')) as Plan;
}

async function rewritePlan(project: Project, change: (plan: Plan) => void): Promise<void> {
  const file = path.join(project.dir, 'plan.json');
  const plan = JSON.parse(await readFile(file, 'utf8')) as Plan;
  change(plan);
  await writeFile(file, JSON.stringify(plan));
}

const applySaved = (project: Project) => project.run(['apply', '--plan', 'plan.json', '--yes']);

/** `apply --plan` refuses, saying each of `said`, and sends no write. */
async function expectRefused(
  emulator: RunningEmulator,
  project: Project,
  said: readonly string[],
): Promise<void> {
  emulator.clearRequests();
  const result = await applySaved(project);
  expect(result.code).toBe(1);
  for (const words of said) expect(result.stderr).toContain(words);
  expect(writesIn(emulator)).toEqual([]);
}

describe('apply --plan: a saved plan is a promise, not a program', () => {
  it('applies a saved plan that still holds', async () => {
    const emulator = await useEmulator();
    const project = await aProject(emulator, FILES);
    await savePlan(project);
    const applied = await applySaved(project);
    expect(applied.stderr).toBe('');
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('Apply complete: 2 created.');
  });

  it('never carries out an action added to the file, and names it', async () => {
    const emulator = await useEmulator();
    const { client } = clientOf(emulator);
    const unmanaged = await client.createTraining({ title: 'Made in the dashboard', content: 'x' });
    const project = await aProject(emulator, FILES);
    await savePlan(project);
    await rewritePlan(project, (plan) => {
      plan.actions.push({
        kind: 'delete',
        key: 'made-in-the-dashboard',
        file: null,
        title: 'Made in the dashboard',
        reason: 'file-removed',
        id: unmanaged.id,
      });
      plan.summary.delete += 1;
    });

    await expectRefused(emulator, project, [
      'The saved plan plan.json no longer holds; nothing was changed.',
      `- delete made-in-the-dashboard (${unmanaged.id}): saved, but not planned now`,
    ]);
    expect(await client.getTraining(unmanaged.id)).toBeDefined();
  });

  it('never sends a payload edited in the file', async () => {
    const emulator = await useEmulator();
    const project = await aProject(emulator, FILES);
    await savePlan(project);
    await rewritePlan(project, (plan) => {
      const create = plan.actions.find((a) => a.kind === 'create' && a.key === 'tone');
      if (create?.kind === 'create') create.payload.content = 'Text that is in no file.';
    });
    await expectRefused(emulator, project, ['- create tone: planned now with other payload']);
  });

  it('keeps the mass-delete guard whatever the file says of it', async () => {
    const emulator = await useEmulator();
    const project = await aProject(emulator, numberedFiles(4));
    await project.run(['apply', '--yes']);
    for (let i = 0; i < 4; i++) await project.remove(`t${i}.md`);
    await project.write({ 'other.md': md('title: Other') });
    await savePlan(project);
    await rewritePlan(project, (plan) => {
      plan.guard.tripped = false;
      plan.guard.reason = null;
      plan.guard.max_deletes = 100;
    });

    await expectRefused(emulator, project, [
      'Refusing to apply: The plan deletes 4 of the 4 managed trainings: every managed training.',
    ]);
  });

  it('refuses when the files changed since the plan was made', async () => {
    const emulator = await useEmulator();
    const project = await aProject(emulator, FILES);
    await savePlan(project);
    await project.write({
      'tone.md': md('title: Brand voice\ntype: BEHAVIORAL', 'Changed later.'),
    });
    await expectRefused(emulator, project, [
      '- create tone: planned now with other payload',
      'the training files or opencx.yml changed since it was made',
    ]);
  });

  it('refuses when OpenCX changed since the plan was made', async () => {
    const emulator = await useEmulator();
    const project = await aProject(emulator, FILES);
    await project.run(['apply', '--yes']);
    await project.write({ 'tone.md': md('title: Brand voice\ntype: BEHAVIORAL', 'Changed.') });
    await savePlan(project);
    const { client } = clientOf(emulator);
    await client.createTraining({
      title: 'Someone else',
      content: 'x',
      metadata: {
        'opencx-trainings.managed': 'true',
        'opencx-trainings.namespace': NAMESPACE,
        'opencx-trainings.key': 'other',
      },
    });
    await expectRefused(emulator, project, [
      '- delete other (',
      'OpenCX changed since it was made',
    ]);
  });

  it('refuses when a segment was renamed or removed since the plan was made', async () => {
    const emulator = await useEmulator();
    const project = await aProject(emulator, FILES);
    await savePlan(project);
    const state = emulator.store.snapshot();
    emulator.store.replaceState({
      ...state,
      segments: state.segments.map((s) =>
        s.name === 'VIP customers' ? { ...s, description: 'Renamed rules' } : s,
      ),
    });
    await expectRefused(emulator, project, [
      'OpenCX changed since it was made (trainings, segments or directories)',
    ]);

    emulator.store.replaceState({
      ...state,
      segments: state.segments.filter((s) => s.name !== 'VIP customers'),
    });
    await expectRefused(emulator, project, [
      'Segment "VIP customers" does not exist in this OpenCX org.',
    ]);
    expect(await collect(clientOf(emulator).client.listTrainings())).toEqual([]);
  });

  it('refuses a file that is not a plan of this version, naming the field', async () => {
    const emulator = await useEmulator();
    const project = await aProject(emulator, FILES);
    await savePlan(project);
    await rewritePlan(project, (plan) => {
      (plan.actions[0] as { kind: string }).kind = 'destroy';
    });
    const wrongKind = await applySaved(project);
    expect(wrongKind.code).toBe(1);
    expect(wrongKind.stderr).toContain(
      'plan.json is not a plan saved by this version of opencx-trainings',
    );
    expect(wrongKind.stderr).toContain('actions.0.kind');

    await rewritePlan(project, (plan) => {
      (plan as { format_version: number }).format_version = 1;
    });
    const old = await applySaved(project);
    expect(old.stderr).toContain(
      'format_version is 1, and this version of opencx-trainings reads 2',
    );
    expect(writesIn(emulator)).toEqual([]);
  });
});
