import type { Action, Plan } from './plan-types.js';

/**
 * What a promotion needs: every change the files would make to the next target (production)
 * already made on the previous one (staging). "Made" means staging's own plan leaves that key
 * alone: the training there holds exactly the files' text and settings, with staging's own ids
 * for segments and directories, or, for a delete, is gone there too. Pure.
 */
export function promotionGaps(staging: Plan, production: Plan): string[] {
  const pending = new Map<string, Action>();
  for (const a of staging.actions) if (a.kind !== 'no-op') pending.set(a.key, a);
  return production.actions
    .filter((a) => a.kind !== 'no-op')
    .flatMap((a) => {
      const there = pending.get(a.key);
      if (there === undefined) return [];
      const why =
        there.kind === 'create'
          ? 'not on it yet'
          : there.kind === 'delete'
            ? 'still on it'
            : `different there (${there.kind} pending)`;
      return [`${a.kind} ${a.key}: ${why}`];
    });
}
