import { addTo } from '../util/multimap.js';
import { type Diagnostic, diagnose } from '../diagnostics/diagnostic.js';
import type { Desired } from '../model/training.js';

/**
 * Two files with one key, or pinned to one remote id, would fight over one training.
 * Each file of such a group gets a diagnostic naming the others.
 */
export function checkIdentities(trainings: readonly Desired[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const group of groupsOf(trainings, (t) => t.key)) {
    for (const t of group) {
      diagnostics.push(
        diagnose(
          'duplicate-key',
          { key: t.key, other: othersThan(t, group) },
          { file: t.file, field: 'key', position: t.positions.key ?? { line: 1, column: 1 } },
        ),
      );
    }
  }
  for (const group of groupsOf(trainings, (t) => t.id)) {
    for (const t of group) {
      diagnostics.push(
        diagnose(
          'duplicate-id',
          { id: t.id ?? '', other: othersThan(t, group) },
          { file: t.file, field: 'id', position: t.positions.id },
        ),
      );
    }
  }
  return diagnostics;
}

function groupsOf(trainings: readonly Desired[], by: (t: Desired) => string | null): Desired[][] {
  const groups = new Map<string, Desired[]>();
  for (const t of trainings) {
    const value = by(t);
    if (value === null) continue;
    addTo(groups, value, t);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}

function othersThan(t: Desired, group: readonly Desired[]): string {
  return group
    .filter((other) => other !== t)
    .map((other) => other.file)
    .join(' and ');
}
