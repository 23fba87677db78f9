import { describe, expect, it } from 'vitest';
import { aRemote } from '../../test/helpers/builders.js';
import { aPullPlan, ORDERS_DIRECTORY } from '../../test/helpers/plans.js';

const ORDERS = ORDERS_DIRECTORY.id;

describe('assemblePull', () => {
  it('plans one file per training, sorted by path, each reading back as pulled', () => {
    const plan = aPullPlan([
      aRemote({ title: 'Where is my order?', directory_id: ORDERS }),
      aRemote({ title: 'Brand voice', type: 'BEHAVIORAL' }),
    ]);
    expect(plan.files.map((f) => [f.action, f.path])).toEqual([
      ['create', 'brand-voice.md'],
      ['create', 'orders/where-is-my-order.md'],
    ]);
    expect(plan.files[1]?.text).toContain('directory: Orders\n');
    expect(plan.unmappedDirectories).toEqual({ Orders: ORDERS });
    expect(plan.diagnostics).toEqual([]);
  });

  it('skips a training whose file exists, and overwrites it in place with --force', () => {
    const remote = aRemote({ title: 'Renamed in the dashboard' });
    const local = [
      { file: 'refund.md', key: 'billing/refund-policy', id: remote.id, directory: null },
    ];
    const input = { mode: 'all' as const, local, existingPaths: ['refund.md'] };
    expect(aPullPlan([remote], input).files).toMatchObject([
      { action: 'skip', path: 'refund.md', text: '' },
    ]);
    const forced = aPullPlan([remote], { ...input, force: true }).files[0];
    expect(forced).toMatchObject({ action: 'overwrite', path: 'refund.md' });
    expect(forced?.text).toContain('key: billing/refund-policy\n');
    expect(forced?.text).toContain('title: Renamed in the dashboard\n');
  });

  it('refuses a file outside the output folder', () => {
    const remote = aRemote({ title: 'Elsewhere' });
    const local = [{ file: '../other/x.md', key: 'x', id: remote.id, directory: null }];
    const plan = aPullPlan([remote], { mode: 'all', force: true, local });
    expect(plan.files).toEqual([]);
    expect(plan.diagnostics).toMatchObject([
      { code: 'path-outside-folder', file: 'trainings/../other/x.md' },
    ]);
  });

  it('reports refusals without a file and notes with the file they concern', () => {
    const plan = aPullPlan([
      aRemote({ title: 'Empty', content: ' ' }),
      aRemote({ title: 'Edited', draft_title: 'Edited twice' }),
    ]);
    expect(plan.files.map((f) => f.path)).toEqual(['edited-twice.md']);
    expect(plan.diagnostics.map((d) => [d.severity, d.code, d.file])).toEqual([
      ['error', 'remote-empty-content', undefined],
      ['warning', 'pending-edit-pulled', 'trainings/edited-twice.md'],
    ]);
  });

  it('writes nothing twice: what it wrote is left out of the next pull', () => {
    const remotes = [
      aRemote({ title: 'One' }),
      aRemote({ title: 'Two', key: 'two', namespace: 'test' }),
    ];
    const first = aPullPlan(remotes);
    const local = first.files.map((f) => ({
      file: f.path,
      key: f.path.slice(0, -3),
      id: f.id,
      directory: null,
    }));
    const second = aPullPlan(remotes, { local, existingPaths: local.map((l) => l.file) });
    expect(second.files).toEqual([]);
    expect(second.leftOut.hasFile).toBe(2);
  });
});
