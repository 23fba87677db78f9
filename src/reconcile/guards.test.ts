import { describe, expect, it } from 'vitest';
import { aRemote, aTraining } from '../../test/helpers/builders.js';
import { aPlan } from '../../test/helpers/plans.js';
import { checkDeleteGuard, guardOfActions, type DeleteLimits } from './guards.js';

const DEFAULTS: DeleteLimits = { maxDeletes: 10, maxDeleteRatio: 0.25 };
/** Limits under which only the ratio can trip. */
const RATIO_ONLY: DeleteLimits = { maxDeletes: 1000, maxDeleteRatio: 0.25 };

describe('the mass-delete guard at its boundaries', () => {
  it.each([
    [10, 100, false],
    [11, 100, true],
  ])('max_deletes 10: %i deletes of %i managed trip it: %s', (deletes, managed, tripped) => {
    expect(checkDeleteGuard(deletes, managed, DEFAULTS)).toMatchObject({
      tripped,
      reason: tripped ? 'max-deletes' : null,
    });
  });

  it.each([
    [2, 8, false],
    [3, 8, true],
    [3, 12, false],
    [4, 12, true],
    [10, 40, false],
    [11, 40, true],
  ])('ratio 25 %%: %i deletes of %i managed trip it: %s', (deletes, managed, tripped) => {
    expect(checkDeleteGuard(deletes, managed, RATIO_ONLY)).toMatchObject({
      tripped,
      reason: tripped ? 'ratio' : null,
    });
  });

  it('trips for 11 of 40 with the default limits, on max_deletes first', () => {
    expect(checkDeleteGuard(10, 40, DEFAULTS).tripped).toBe(false);
    expect(checkDeleteGuard(11, 40, DEFAULTS)).toMatchObject({ reason: 'max-deletes' });
  });

  it('leaves the ratio out below 8 managed trainings, but never lets all of them go', () => {
    expect(checkDeleteGuard(3, 7, RATIO_ONLY).tripped).toBe(false);
    expect(checkDeleteGuard(6, 7, RATIO_ONLY).tripped).toBe(false);
    expect(checkDeleteGuard(7, 7, RATIO_ONLY)).toMatchObject({ tripped: true, reason: 'all' });
    expect(checkDeleteGuard(1, 1, RATIO_ONLY)).toMatchObject({ tripped: true, reason: 'all' });
    expect(checkDeleteGuard(0, 0, RATIO_ONLY).tripped).toBe(false);
  });
});

describe('guardOfActions', () => {
  it('counts what the plan counts, from the actions alone', () => {
    const remotes = Array.from({ length: 12 }, (_, i) => aRemote({ key: `k${i}` }));
    const desired = Array.from({ length: 8 }, (_, i) => aTraining({ key: `k${i}` }));
    const plan = aPlan({
      desired: [...desired, aTraining({ key: 'new' })],
      remotes: [...remotes, aRemote({ key: 'k0' })],
      ...DEFAULTS,
    });
    expect(plan.summary).toMatchObject({ create: 1, delete: 4, 'repair-duplicate': 1 });
    // The duplicate's repair and the create do not count; 4 of 12 is more than 25 %.
    expect(guardOfActions(plan.actions, DEFAULTS)).toEqual(plan.guard);
    expect(plan.guard).toMatchObject({ deletes: 4, managed: 12, tripped: true, reason: 'ratio' });
  });
});
