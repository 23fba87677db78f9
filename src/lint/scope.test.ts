import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../model/training.js';
import {
  appliesIn,
  describeScope,
  effectiveSet,
  sharedScope,
  situationsOf,
  type Scope,
  type Scoped,
} from './scope.js';

const SEGMENTS = ['VIP', 'Subscribers', 'New', 'Business'];
const subset = <T>(values: readonly T[]) =>
  fc.subarray([...values]).map((xs) => xs as readonly T[]);
const training = fc.record({
  channels: subset(CHANNELS),
  segments: subset(SEGMENTS),
  draft: fc.boolean(),
});
const trainings = fc.array(training, { maxLength: 12 });

describe('scopes', () => {
  it('the effective set of every situation is exactly the published trainings that apply there', () => {
    fc.assert(
      fc.property(trainings, (all) => {
        for (const situation of situationsOf(all)) {
          const set = effectiveSet(all, situation);
          const expected = all.filter(
            (t) =>
              !t.draft &&
              (t.channels.length === 0 || t.channels.includes(situation.channel)) &&
              (t.segments.length === 0 || t.segments.some((s) => situation.segments.includes(s))),
          );
          expect(set).toEqual(expected);
        }
      }),
    );
  });

  it('the union of the effective sets over all situations is the set of published trainings', () => {
    fc.assert(
      fc.property(trainings, (all) => {
        const reached = new Set(situationsOf(all).flatMap((s) => effectiveSet(all, s)));
        expect(reached).toEqual(new Set(all.filter((t) => !t.draft)));
      }),
    );
  });

  it('two trainings share a scope exactly when some situation reaches both', () => {
    fc.assert(
      fc.property(training, training, (a, b) => {
        const published = [
          { ...a, draft: false },
          { ...b, draft: false },
        ] as const satisfies readonly Scoped[];
        const both = situationsOf(published).some(
          (s) => appliesIn(published[0], s) && appliesIn(published[1], s),
        );
        expect(sharedScope(a, b) !== null).toBe(both);
      }),
    );
  });

  it('the shared scope is symmetric, and reaches only situations that reach both', () => {
    fc.assert(
      fc.property(training, training, (a, b) => {
        const shared = sharedScope(a, b);
        const reverse = sharedScope(b, a);
        const sorted = (scope: Scope | null) =>
          scope === null
            ? null
            : { channels: [...scope.channels].sort(), segments: [...scope.segments].sort() };
        expect(sorted(reverse)).toEqual(sorted(shared));
        if (shared === null) return;
        for (const s of situationsOf([a, b])) {
          const inShared = appliesIn({ ...shared, draft: false }, s);
          const inBoth =
            appliesIn({ ...a, draft: false }, s) && appliesIn({ ...b, draft: false }, s);
          expect(inShared).toBe(inBoth);
        }
      }),
    );
  });

  it('drafts apply nowhere', () => {
    expect(
      appliesIn({ channels: [], segments: [], draft: true }, { channel: 'web', segments: [] }),
    ).toBe(false);
  });

  it('describes a scope in words', () => {
    expect(describeScope({ channels: [], segments: [] })).toBe('every channel · every segment');
    expect(describeScope({ channels: ['web', 'email'], segments: ['VIP'] })).toBe(
      'web, email · VIP',
    );
  });
});
