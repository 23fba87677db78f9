import type { Position } from './training.js';

/**
 * Small values that thousands of trainings hold alike (no channels, the same two channels, the
 * same lines for the same fields), kept once and shared: they are plain, frozen and never
 * changed, so sharing them changes nothing but memory. A large repository repeats a handful of
 * them a hundred thousand times. Up to LIMIT of each kind are kept; past that, a value is kept
 * as it comes.
 */
const LIMIT = 10_000;

const positions = new Map<number, Position>();
const lists = new Map<string, readonly string[]>();
const positionMaps = new Map<string, Readonly<Record<string, Position>>>();

/** The position at `line`, `column`, shared with every file that has something there. */
export function positionAt(line: number, column: number): Position {
  if (line > 9999 || column > 999) return { line, column };
  return share(positions, line * 1000 + column, { line, column });
}

/** The list, shared with every equal list (same items, same order). */
export function sharedList<T extends string>(items: readonly T[]): T[] {
  return share<string, readonly string[]>(lists, JSON.stringify(items), items) as T[];
}

/** No metadata: one frozen empty map for every training without any. */
export const NO_METADATA: Readonly<Record<string, never>> = Object.freeze({});

/** The positions of a file's fields, shared with every file written alike. */
export function sharedPositions(
  positions: Readonly<Partial<Record<string, Position>>>,
): Partial<Record<string, Position>> {
  let key = '';
  for (const [field, at] of Object.entries(positions)) {
    if (at !== undefined) key += `${field}:${at.line}:${at.column};`;
  }
  return share(positionMaps, key, positions);
}

function share<K, T extends object>(kept: Map<K, Readonly<T>>, key: K, value: T): Readonly<T> {
  const found = kept.get(key);
  if (found !== undefined) return found;
  if (kept.size >= LIMIT) return value;
  const frozen = Object.freeze(value);
  kept.set(key, frozen);
  return frozen;
}
