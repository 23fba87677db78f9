import { describe, expect, it } from 'vitest';
import { SCENARIOS, TRIALS, runScenario } from '../chaos/chaos.mjs';

/** The short chaos suite: a trial or two of every scenario of `npm run chaos`. */
describe('the sync under chaos (short)', () => {
  it.each(Object.keys(SCENARIOS))(
    '%s: no duplicate, nothing lost, converged',
    async (name) => {
      const trials = TRIALS.quick[SCENARIOS[name]!.disturb];
      const row = await runScenario(name, { trials, seed: 7 });
      expect(row).toMatchObject({ trials, duplicates: 0, lost: 0 });
      const notes = [...row.notes.keys()];
      expect(notes).not.toContain('did not converge');
      expect(notes.filter((n) => n.startsWith('exit codes'))).toEqual([]);
    },
    120_000,
  );
});
