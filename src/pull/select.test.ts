import { describe, expect, it } from 'vitest';
import { aRemote } from '../../test/helpers/builders.js';
import { selectRemotes, type LocalTraining, type PullMode } from './select.js';

const NS = 'test';
const unmarked = aRemote({ title: 'Unmarked' });
const pinned = aRemote({ title: 'Pinned' });
const ours = aRemote({ key: 'billing/refund', namespace: NS });
const oursWithoutFile = aRemote({ key: 'gone', namespace: NS });
const theirs = aRemote({ key: 'billing/refund', namespace: 'other-repo' });
const REMOTES = [unmarked, pinned, ours, oursWithoutFile, theirs];

const LOCAL: LocalTraining[] = [
  { file: 'pinned.md', key: 'pinned', id: pinned.id, directory: null },
  { file: 'billing/refund.md', key: 'billing/refund', id: null, directory: null },
];

const titlesOf = (mode: PullMode, local = LOCAL) =>
  selectRemotes(REMOTES, local, NS, mode).selected.map((s) => [s.remote.title, s.existing]);

describe('selectRemotes', () => {
  it('takes by default what no file stands for, except other namespaces', () => {
    expect(titlesOf('new')).toEqual([
      ['Unmarked', null],
      [oursWithoutFile.title, null],
    ]);
    expect(selectRemotes(REMOTES, LOCAL, NS, 'new').leftOut).toEqual({
      hasFile: 2,
      otherNamespace: 1,
      ownWithoutFile: 0,
    });
  });

  it('takes with --unmanaged only trainings no repository manages', () => {
    expect(titlesOf('unmanaged')).toEqual([['Unmarked', null]]);
    expect(selectRemotes(REMOTES, LOCAL, NS, 'unmanaged').leftOut.ownWithoutFile).toBe(1);
  });

  it('takes with --all every training, with the file that stands for it', () => {
    expect(titlesOf('all')).toEqual([
      ['Unmarked', null],
      ['Pinned', 'pinned.md'],
      [ours.title, 'billing/refund.md'],
      [oursWithoutFile.title, null],
      [theirs.title, null],
    ]);
  });

  it('matches a file by key only when it pins nothing, or an id that is gone', () => {
    const local = [
      { file: 'billing/refund.md', key: 'billing/refund', id: pinned.id, directory: null },
    ];
    expect(titlesOf('all', local)[2]).toEqual([ours.title, null]);
    const gone = [
      { file: 'billing/refund.md', key: 'billing/refund', id: 'deleted-id', directory: null },
    ];
    expect(titlesOf('all', gone)[2]).toEqual([ours.title, 'billing/refund.md']);
  });
});
