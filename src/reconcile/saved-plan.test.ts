import { describe, expect, it } from 'vitest';
import { aPlan } from '../../test/helpers/plans.js';
import { parsePlan } from './plan-schema.js';
import type { Plan } from './plan-types.js';
import { comparePlans } from './saved-plan.js';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

/** A deep copy, as if written by `plan --out` and read back. */
const saved = (plan: Plan): Plan => JSON.parse(JSON.stringify(plan)) as Plan;

describe('comparePlans', () => {
  it('finds nothing between a plan and its saved copy', () => {
    const plan = aPlan();
    expect(plan.summary).toMatchObject({ create: 1, update: 1, delete: 1 });
    expect(comparePlans(saved(plan), plan)).toEqual([]);
  });

  it('names an action added to, removed from, or changed in the saved plan', () => {
    const fresh = aPlan();
    const idOf = (kind: string): string | undefined =>
      fresh.actions.flatMap((a) => (a.kind === kind && 'id' in a ? [a.id] : []))[0];
    const [kept, gone] = [idOf('update'), idOf('delete')];
    const edited = saved(fresh);
    edited.actions = edited.actions.filter((a) => a.kind !== 'delete');
    edited.actions.push({ ...saved(fresh).actions[0]!, key: 'extra' });
    const update = edited.actions.find((a) => a.kind === 'update');
    if (update?.kind === 'update') update.payload.content = 'Not in any file.';
    expect(comparePlans(edited, fresh)).toEqual([
      `update kept (${kept}): planned now with other payload`,
      'create extra: saved, but not planned now',
      `delete gone (${gone}): planned now, not saved`,
    ]);
  });

  it('notices an action listed twice', () => {
    const fresh = aPlan();
    const edited = saved(fresh);
    edited.actions.push(edited.actions.at(-1)!);
    expect(comparePlans(edited, fresh)).toEqual(['it lists an action twice']);
  });

  it('holds the plan to the files, the org and the target it was made from', () => {
    const plan = aPlan();
    expect(comparePlans(saved(plan), aPlan({ sourceFingerprint: A }))).toEqual([
      'the training files or opencx.yml changed since it was made',
    ]);
    expect(comparePlans(saved(plan), aPlan({ remoteFingerprint: B }))).toEqual([
      'OpenCX changed since it was made (trainings, segments or directories)',
    ]);
    expect(
      comparePlans(
        saved(plan),
        aPlan({ target: { name: 'prod', url: 'https://other.example', kind: 'remote' } }),
      ),
    ).toEqual([
      'it was made for target "prod" (https://api.open.cx), not "prod" (https://other.example)',
    ]);
  });
});

describe('parsePlan', () => {
  it('reads back every plan the planner makes', () => {
    const plan = aPlan();
    expect(parsePlan(saved(plan))).toEqual({ ok: true, plan });
  });

  it('refuses what is not exactly a plan, naming the field', () => {
    const plan = saved(aPlan());
    const wrong = (change: (p: Record<string, unknown>) => void): string[] => {
      const copy = saved(plan) as unknown as Record<string, unknown>;
      change(copy);
      const result = parsePlan(copy);
      return result.ok ? [] : result.problems;
    };
    expect(wrong((p) => ((p.actions as { kind: string }[])[0]!.kind = 'destroy'))).toEqual([
      expect.stringMatching(/^actions\.0\.kind: /) as string,
    ]);
    expect(wrong((p) => (p.sneaky = true))).toEqual([expect.stringContaining('sneaky') as string]);
    expect(wrong((p) => (p.remote_fingerprint = 'x'))).toEqual([
      expect.stringMatching(/^remote_fingerprint: /) as string,
    ]);
    expect(wrong((p) => ((p.actions as { reason: string }[])[0]!.reason = 'file-removed'))).toEqual(
      [expect.stringMatching(/^actions\.0\.reason: /) as string],
    );
    expect(wrong((p) => (p.format_version = 1))).toEqual([
      'format_version is 1, and this version of opencx-trainings reads 2',
    ]);
    expect(parsePlan(null)).toMatchObject({ ok: false });
  });
});
