import { describe, expect, it } from 'vitest';
import { aRemote } from '../../test/helpers/builders.js';
import { aPullPlan } from '../../test/helpers/plans.js';
import type { FileResult } from './files.js';
import { pullResult } from './result.js';

const written = (results: FileResult[]) => ({ dryRun: false, results, mappedIn: null });

describe('pullResult', () => {
  it('is complete when every planned file was written', () => {
    const plan = aPullPlan([aRemote({ title: 'Refunds' })]);
    const result = pullResult(plan, written([{ path: 'refunds.md', outcome: 'created' }]));
    expect(result).toMatchObject({ complete: true, diagnostics: [], dryRun: false });
    expect(result.plan).toBe(plan);
  });

  it('turns each write that did not happen into an error on its file', () => {
    const plan = aPullPlan([aRemote({ title: 'A' }), aRemote({ title: 'B' })]);
    const result = pullResult(
      plan,
      written([
        { path: 'a.md', outcome: 'outside' },
        { path: 'b.md', outcome: 'failed', reason: 'EACCES' },
        { path: 'c.md', outcome: 'exists' },
      ]),
    );
    expect(result.complete).toBe(false);
    expect(result.diagnostics.map((d) => [d.code, d.file, d.severity])).toEqual([
      ['path-outside-folder', 'trainings/a.md', 'error'],
      ['write-failed', 'trainings/b.md', 'error'],
    ]);
    expect(result.diagnostics[1]?.message).toBe('Not written: EACCES.');
  });

  it('is not complete when the plan refused a training, even with nothing written', () => {
    const plan = aPullPlan([aRemote({ title: '' })]);
    expect(plan.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    expect(pullResult(plan, { dryRun: true, results: [], mappedIn: null }).complete).toBe(false);
  });
});
