import { describe, expect, it } from 'vitest';
import { aRemote, aTraining } from '../../test/helpers/builders.js';
import { aPlan, aPullPlan } from '../../test/helpers/plans.js';
import { adoptsAnything, driftAdoption } from './drifted.js';

describe('driftAdoption', () => {
  it('takes the remotes a plan would change back, and removes the files of deleted trainings', () => {
    const kept = aRemote({ key: 'kept' });
    const gone = aRemote({ key: 'gone' });
    const copy = aRemote({ key: 'kept' });
    const calm = aRemote({ key: 'calm', title: 'Title of calm', content: 'Content of calm.' });
    const plan = aPlan({
      desired: [
        aTraining({ key: 'new' }),
        aTraining({ key: 'kept', content: 'Changed.' }),
        aTraining({ key: 'calm' }),
      ],
      remotes: [kept, gone, copy, calm],
    });
    const adoption = driftAdoption(plan);
    expect([...adoption.ids].sort()).toEqual([kept.id, gone.id].sort());
    expect(adoption.removals).toEqual([
      { file: 'trainings/new.md', key: 'new', title: 'Title of new' },
    ]);
    expect(adoption.duplicates).toBe(1);
    expect(adoptsAnything(adoption)).toBe(true);
  });

  it('adopts nothing from a plan without drift', () => {
    const calm = aRemote({ key: 'calm', title: 'Title of calm', content: 'Content of calm.' });
    const plan = aPlan({ desired: [aTraining({ key: 'calm' })], remotes: [calm] });
    expect(adoptsAnything(driftAdoption(plan))).toBe(false);
  });
});

describe('a pull that adopts a drift', () => {
  it('removes files inside the folder only', () => {
    const plan = aPullPlan([], {
      mode: 'drifted',
      drift: {
        removals: [
          { path: 'faq/refund.md', title: 'Refund' },
          { path: '../opencx.yml', title: 'Outside' },
        ],
        duplicates: 0,
      },
    });
    expect(plan.removals).toEqual([{ path: 'faq/refund.md', title: 'Refund' }]);
    expect(plan.diagnostics.map((d) => [d.code, d.file])).toEqual([
      ['path-outside-folder', 'trainings/../opencx.yml'],
    ]);
  });
});
