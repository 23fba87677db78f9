import type { Plan } from '../reconcile/plan-types.js';

/** A file whose training is gone from OpenCX: adopting the drift removes it. */
export interface Removal {
  /** The file, as the plan names it (relative to the working directory). */
  file: string;
  key: string;
  title: string;
}

/**
 * What adopting a target's drift takes, read from the plan that would revert it: the files
 * take what OpenCX holds, so that the next plan has nothing to do.
 */
export interface DriftAdoption {
  /**
   * The remote trainings whose state the files take: edited, published or unpublished in the
   * dashboard (their file is rewritten), or managed here without a file (one is written).
   */
  ids: ReadonlySet<string>;
  /** Files whose training was deleted in OpenCX. */
  removals: Removal[];
  /** Extra copies of a key: no file can stand for them, and the next apply removes them. */
  duplicates: number;
}

/** The adoption of every drift a plan shows. Pure. */
export function driftAdoption(plan: Plan): DriftAdoption {
  const ids = new Set<string>();
  const removals: Removal[] = [];
  let duplicates = 0;
  for (const a of plan.actions) {
    switch (a.kind) {
      case 'update':
      case 'publish':
      case 'unpublish':
      case 'delete':
        ids.add(a.id);
        break;
      case 'create':
        // A create always has its file; the guard keeps the type honest.
        if (a.file !== null) removals.push({ file: a.file, key: a.key, title: a.title });
        break;
      case 'repair-duplicate':
        duplicates++;
        break;
      case 'no-op':
        break;
    }
  }
  return { ids, removals, duplicates };
}

/** Whether adopting would change any file. */
export function adoptsAnything(adoption: DriftAdoption): boolean {
  return adoption.ids.size > 0 || adoption.removals.length > 0;
}
