import { describe, expect, it } from 'vitest';
import { aPlan } from '../../test/helpers/plans.js';
import type { Action, Plan } from './plan-types.js';
import { promotionGaps } from './promotion.js';

const action = (kind: Action['kind'], key: string) => ({ kind, key }) as Action;
const planOf = (...actions: Action[]): Plan => ({ ...aPlan(), actions });

describe('promotionGaps', () => {
  it('lets through what staging already holds, and names what it lacks', () => {
    const staging = planOf(
      action('no-op', 'same'),
      action('create', 'new'),
      action('update', 'edited'),
      action('delete', 'gone'),
    );
    const production = planOf(
      action('update', 'same'),
      action('create', 'new'),
      action('update', 'edited'),
      action('delete', 'gone'),
      action('no-op', 'untouched'),
    );
    expect(promotionGaps(staging, production)).toEqual([
      'create new: not on it yet',
      'update edited: different there (update pending)',
      'delete gone: still on it',
    ]);
  });

  it('has no gap when staging is in sync with the files', () => {
    expect(promotionGaps(planOf(action('no-op', 'a')), planOf(action('create', 'a')))).toEqual([]);
  });
});
