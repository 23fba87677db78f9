import { describe, expect, it } from 'vitest';
import { aPlan } from '../../test/helpers/plans.js';
import type { Plan } from './plan-types.js';
import { compareWithReview, reviewRecordOf } from './review-record.js';
import type { Action } from './plan-types.js';

const create = (key: string, content = `Content of ${key}.`): Action => ({
  kind: 'create',
  key,
  file: `trainings/${key}.md`,
  title: key,
  reason: 'new-file',
  payload: {
    title: key,
    content,
    type: 'SCENARIO_SPECIFIC',
    is_draft: false,
    directory_id: null,
    restricted_to_channels: [],
    restricted_to_segments: [],
  },
  metadata: {},
});

/** A plan that carries these actions, and these fingerprints if given. */
const planOf = (actions: Action[], fingerprints: Partial<Plan> = {}): Plan => ({
  ...aPlan(),
  ...fingerprints,
  actions,
});

describe('the review record', () => {
  it('holds when the plan does the same, whatever the fingerprints', () => {
    const reviewed = reviewRecordOf(planOf([create('a'), create('b')]), {
      head: 'abc',
      base: null,
    });
    const fresh = planOf([create('b'), create('a')], { remote_fingerprint: 'other' });
    expect(compareWithReview(reviewed, fresh)).toEqual([]);
  });

  it('says which actions were added, dropped or changed since the review', () => {
    const reviewed = reviewRecordOf(planOf([create('a'), create('b')]), {
      head: 'abc',
      base: null,
    });
    const fresh = planOf([create('a', 'Edited in the dashboard.'), create('c')]);
    expect(compareWithReview(reviewed, fresh)).toEqual([
      'create a: planned now with other content',
      'create c: planned now, not in the reviewed plan',
      'create b: reviewed, not planned now',
    ]);
  });

  it('survives a trip through JSON', () => {
    const reviewed = reviewRecordOf(planOf([create('a')]), { head: 'abc', base: null });
    const back = JSON.parse(JSON.stringify(reviewed)) as typeof reviewed;
    expect(compareWithReview(back, planOf([create('a')]))).toEqual([]);
  });
});
