import { describe, expect, it } from 'vitest';
import { aRemote, aTraining } from '../../test/helpers/builders.js';
import { ownershipMetadata } from '../model/ownership.js';
import type { Remote } from '../model/remote.js';
import { assemblePlan, type PlanInput } from './plan.js';
import type { Action, Plan } from './plan-types.js';
import type { ResolvedDesired } from './resolve.js';

function planOf(
  desired: ResolvedDesired[],
  remotes: Remote[],
  options: Partial<PlanInput> = {},
): Plan {
  return assemblePlan({
    desired,
    remotes,
    namespace: 'test',
    prune: true,
    maxDeletes: 10,
    maxDeleteRatio: 0.25,
    target: { name: 'test', url: 'http://127.0.0.1:1', kind: 'local' },
    names: { segments: { 'seg-vip': 'VIP customers' }, directories: { 'dir-billing': 'Billing' } },
    remoteFingerprint: 'fp',
    sourceFingerprint: 'sfp',
    ...options,
  });
}

const kinds = (plan: Plan): string[] => plan.actions.map((a) => `${a.kind} ${a.key}`);
const only = (plan: Plan, key: string): Action => {
  const found = plan.actions.filter((a) => a.key === key);
  if (found.length !== 1) throw new Error(`expected one action for ${key}, got ${found.length}`);
  return found[0] as Action;
};

describe('assemblePlan', () => {
  it('creates every training of an empty org, with our ownership metadata', () => {
    const plan = planOf(
      [aTraining({ key: 'a', metadata: { owner: 'x' } }), aTraining({ key: 'b' })],
      [],
    );
    expect(kinds(plan)).toEqual(['create a', 'create b']);
    expect(plan.summary.create).toBe(2);
    expect(only(plan, 'a')).toMatchObject({
      reason: 'new-file',
      payload: { title: 'Title of a', is_draft: false, restricted_to_channels: [] },
      metadata: {
        owner: 'x',
        'opencx-trainings.managed': 'true',
        'opencx-trainings.namespace': 'test',
        'opencx-trainings.key': 'a',
      },
    });
  });

  it('is a no-op when the remote matches, whatever the final newlines or set order', () => {
    const d = aTraining({ key: 'a', channels: ['email', 'web'], segmentIds: ['s1', 's2'] });
    const r = aRemote({
      key: 'a',
      content: '\r\nContent of a.\r\n\r\n',
      restricted_to_channels: ['web', 'email'],
      restricted_to_segments: ['s2', 's1'],
    });
    const plan = planOf([d], [r]);
    expect(kinds(plan)).toEqual(['no-op a']);
    expect(only(plan, 'a')).toMatchObject({ matched_by: 'key', id: r.id, reason: 'in-sync' });
  });

  it('sees a changed member in sets of the same size', () => {
    const d = aTraining({ key: 'a', channels: ['email', 'web'], segmentIds: ['s1'] });
    const r = aRemote({
      key: 'a',
      restricted_to_channels: ['sms', 'web'],
      restricted_to_segments: ['s2'],
    });
    const action = only(planOf([d], [r]), 'a');
    expect(action.kind === 'update' && action.changes.map((c) => c.field)).toEqual([
      'channels',
      'segments',
    ]);
  });

  it('names every changed field, sets as sets and ids as names', () => {
    const d = aTraining({
      key: 'a',
      content: 'New content.',
      type: 'BEHAVIORAL',
      channels: ['web'],
      segmentIds: ['seg-vip'],
      directoryId: 'dir-billing',
    });
    const plan = planOf([d], [aRemote({ key: 'a' })]);
    const action = only(plan, 'a');
    expect(action.kind).toBe('update');
    if (action.kind !== 'update') return;
    expect(action.changes).toEqual([
      { field: 'content', before: 'Content of a.', after: 'New content.' },
      { field: 'type', before: 'SCENARIO_SPECIFIC', after: 'BEHAVIORAL' },
      { field: 'directory', before: null, after: 'Billing' },
      { field: 'channels', before: [], after: ['web'] },
      { field: 'segments', before: [], after: ['VIP customers'] },
    ]);
    expect(action.payload).toMatchObject({
      directory_id: 'dir-billing',
      restricted_to_segments: ['seg-vip'],
    });
  });

  it('publishes or unpublishes when only the draft flag differs', () => {
    const plan = planOf(
      [aTraining({ key: 'a', draft: true }), aTraining({ key: 'b' })],
      [
        aRemote({ key: 'a' }),
        aRemote({
          key: 'b',
          is_draft: true,
          draft_title: 'Title of b',
          draft_content: 'Content of b.',
        }),
      ],
    );
    expect(kinds(plan)).toEqual(['unpublish a', 'publish b']);
  });

  it('updates rather than publishes when publishing would make other text live', () => {
    const remote = aRemote({
      key: 'a',
      is_draft: true,
      draft_content: 'Draft made in the dashboard.',
    });
    const action = only(planOf([aTraining({ key: 'a' })], [remote]), 'a');
    expect(action.kind).toBe('update');
    if (action.kind !== 'update') return;
    expect(action.changes.map((c) => c.field)).toEqual(['content', 'draft']);
  });

  it('restores a published training with pending dashboard edits', () => {
    const remote = aRemote({
      key: 'a',
      draft_title: 'Edited in the dashboard',
      draft_content: 'Edited.',
    });
    const action = only(planOf([aTraining({ key: 'a' })], [remote]), 'a');
    expect(action).toMatchObject({ kind: 'update', reason: 'pending-edit' });
  });

  it('compares a draft file with the text being edited', () => {
    const remote = aRemote({ key: 'a', is_draft: true, draft_content: 'Work in progress.' });
    const plan = planOf(
      [aTraining({ key: 'a', draft: true, content: 'Work in progress.' })],
      [remote],
    );
    expect(kinds(plan)).toEqual(['no-op a']);
  });

  it('deletes managed trainings whose file is gone, and nothing else', () => {
    const plan = planOf(
      [aTraining({ key: 'kept' })],
      [
        aRemote({ key: 'kept' }),
        aRemote({ key: 'gone' }),
        aRemote({ key: 'other', namespace: 'another-repo' }),
        aRemote({ title: 'Made in the dashboard' }),
      ],
    );
    expect(kinds(plan)).toEqual(['no-op kept', 'delete gone']);
    expect(only(plan, 'gone')).toMatchObject({ reason: 'file-removed' });
  });

  it('keeps orphans and says so when prune is off', () => {
    const plan = planOf(
      [aTraining({ key: 'kept' })],
      [aRemote({ key: 'kept' }), aRemote({ key: 'gone' })],
      {
        prune: false,
      },
    );
    expect(kinds(plan)).toEqual(['no-op kept']);
    expect(plan.warnings.map((w) => w.code)).toEqual(['prune-disabled']);
  });

  it('repairs two remote trainings with one key by keeping the oldest', () => {
    const older = aRemote({ key: 'a', created_at: '2026-01-01T00:00:00.000Z' });
    const newer = aRemote({ key: 'a', created_at: '2026-02-01T00:00:00.000Z' });
    const plan = planOf([aTraining({ key: 'a' })], [newer, older]);
    expect(plan.actions).toEqual([
      expect.objectContaining({ kind: 'no-op', id: older.id }),
      expect.objectContaining({ kind: 'repair-duplicate', id: newer.id, keep_id: older.id }),
    ]);
    expect(plan.guard.deletes).toBe(0);
  });

  it('follows a pinned id to a training it does not otherwise own', () => {
    const unmanaged = aRemote({ title: 'Adopted' });
    const plan = planOf(
      [aTraining({ key: 'a', id: unmanaged.id, title: 'Adopted', content: 'Unmanaged.' })],
      [unmanaged],
    );
    expect(only(plan, 'a')).toMatchObject({ kind: 'no-op', matched_by: 'id', id: unmanaged.id });
  });

  it('creates when the pinned id is gone, and warns', () => {
    const plan = planOf([aTraining({ key: 'a', id: 'missing' })], []);
    expect(only(plan, 'a')).toMatchObject({ kind: 'create', reason: 'pinned-id-missing' });
    expect(plan.warnings[0]).toMatchObject({ code: 'pinned-id-missing', file: 'trainings/a.md' });
  });

  it('never lets a pin and a key claim the same training', () => {
    const r = aRemote({ key: 'b' });
    const plan = planOf([aTraining({ key: 'a', id: r.id }), aTraining({ key: 'b' })], [r]);
    expect(kinds(plan)).toEqual(['update a', 'create b']);
  });

  it('recognises a moved file and says how to keep its identity', () => {
    const desired = [
      aTraining({
        key: 'new/place',
        title: 'Title of old/place',
        content: 'Content of old/place.',
      }),
      ...Array.from({ length: 8 }, (_, i) => aTraining({ key: `x${i}` })),
    ];
    const remotes = [
      aRemote({ key: 'old/place' }),
      ...Array.from({ length: 8 }, (_, i) => aRemote({ key: `x${i}` })),
    ];
    const moved = planOf(desired, remotes);
    expect(only(moved, 'new/place')).toMatchObject({ kind: 'create', moved_from: 'old/place' });
    expect(only(moved, 'old/place')).toMatchObject({
      kind: 'delete',
      moved_to: 'trainings/new/place.md',
    });
    expect(moved.warnings.find((w) => w.code === 'moved-file')?.message).toContain(
      'add `key: old/place`',
    );
  });

  it('warns that metadata is not updated', () => {
    const plan = planOf(
      [aTraining({ key: 'a', metadata: { owner: 'new' } })],
      [aRemote({ key: 'a' })],
    );
    expect(kinds(plan)).toEqual(['no-op a']);
    expect(plan.warnings.map((w) => w.code)).toEqual(['metadata-not-synced']);
  });

  it.each([
    ['the same', { owner: 'ann', tier: 2 }, { tier: 2, owner: 'ann' }, false],
    ['none on either side', {}, {}, false],
    ['a key only OpenCX has', { owner: 'ann', extra: true }, { owner: 'ann' }, true],
    ['a key only the file has', { owner: 'ann' }, { owner: 'ann', extra: true }, true],
    ['a value of another type', { tier: '2' }, { tier: 2 }, true],
    ['a value that differs', { owner: 'ann' }, { owner: 'bob' }, true],
  ])('compares user metadata, ours left out: %s', (_, remote, file, warned) => {
    const metadata = { ...ownershipMetadata('test', 'a'), ...remote };
    const plan = planOf(
      [aTraining({ key: 'a', metadata: file })],
      [aRemote({ key: 'a', metadata })],
    );
    expect(plan.warnings.some((w) => w.code === 'metadata-not-synced')).toBe(warned);
  });

  describe('the mass-delete guard', () => {
    const remotes = (n: number) => Array.from({ length: n }, (_, i) => aRemote({ key: `k${i}` }));
    const keep = (n: number) => Array.from({ length: n }, (_, i) => aTraining({ key: `k${i}` }));

    it('allows a few deletes', () => {
      expect(planOf(keep(19), remotes(20)).guard).toMatchObject({
        deletes: 1,
        managed: 20,
        tripped: false,
      });
    });

    it('trips above max_deletes', () => {
      const plan = planOf(keep(30), remotes(41));
      expect(plan.guard).toMatchObject({ deletes: 11, tripped: true, reason: 'max-deletes' });
      expect(plan.warnings.at(-1)?.message).toContain('--allow-mass-delete');
    });

    it('trips above the ratio once the managed set is large enough', () => {
      expect(planOf(keep(5), remotes(8)).guard).toMatchObject({
        deletes: 3,
        tripped: true,
        reason: 'ratio',
      });
      expect(planOf(keep(4), remotes(7)).guard).toMatchObject({ deletes: 3, tripped: false });
    });

    it('trips when every managed training would go', () => {
      expect(planOf([], remotes(2)).guard).toMatchObject({
        deletes: 2,
        tripped: true,
        reason: 'all',
      });
    });
  });

  it('is plain data that survives JSON', () => {
    const plan = planOf(
      [aTraining({ key: 'a', content: 'changed' }), aTraining({ key: 'b' })],
      [aRemote({ key: 'a' }), aRemote({ key: 'c' })],
    );
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });
});
