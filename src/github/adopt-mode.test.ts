import { describe, expect, it } from 'vitest';
import { adoptionBranch } from './adopt-mode.js';

describe('adoptionBranch', () => {
  it('is one branch per target and folder, with a name git takes', () => {
    expect(adoptionBranch('production', '.')).toBe('opencx-trainings/adopt-production');
    expect(adoptionBranch('eu west', 'teams/support')).toBe(
      'opencx-trainings/adopt-eu-west-teams-support',
    );
    expect(adoptionBranch('..', '.')).toBe('opencx-trainings/adopt-target');
    expect(adoptionBranch('a.lock', '.')).not.toMatch(/\.lock$|\.\.|[~^:?*[\\\s]/);
  });
});
