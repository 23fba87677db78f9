import { DEFAULT_PAGE_SIZE, type TrainingSortField } from '../api/contract.js';
import type { TrainingType } from '../model/training.js';
import type { StoredTraining } from './state.js';

/** `GET /training` after its query was checked: every field has its value or its default. */
export interface ListQuery {
  search: string | undefined;
  type: TrainingType | undefined;
  isDraft: boolean | undefined;
  /** A JSON object; matches trainings whose metadata contains it (jsonb `@>`). */
  metadata: Record<string, unknown> | undefined;
  limit: number;
  offset: number;
  sortBy: TrainingSortField;
}

/** The documented defaults: everything, 50 at a time from the start, by creation time. */
export const DEFAULT_LIST_QUERY: Readonly<ListQuery> = {
  search: undefined,
  type: undefined,
  isDraft: undefined,
  metadata: undefined,
  limit: DEFAULT_PAGE_SIZE,
  offset: 0,
  sortBy: 'created_at',
};

/** [inferred] The documentation does not say which way the list is sorted. */
export type SortDirection = 'asc' | 'desc';

export interface Page<T> {
  items: T[];
  /** Every match before paging. */
  total: number;
  limit: number;
  offset: number;
  has_more: boolean;
}

/** The page of `query` out of every match, in order; `total` counts them all. */
export function pageOf<T>(matches: readonly T[], query: ListQuery): Page<T> {
  const items = matches.slice(query.offset, query.offset + query.limit);
  return {
    items,
    total: matches.length,
    limit: query.limit,
    offset: query.offset,
    has_more: query.offset + items.length < matches.length,
  };
}

/** The filters of `GET /training`, as the real endpoint applies them, as one test per training. */
export function matcherOf(query: ListQuery): (training: StoredTraining) => boolean {
  const { type, isDraft } = query;
  const wanted = query.metadata === undefined ? undefined : Object.entries(query.metadata);
  // An empty search filters nothing out.
  const needle = query.search === '' ? undefined : query.search?.toLowerCase();
  return (training) => {
    if (type !== undefined && training.type !== type) return false;
    if (isDraft !== undefined && training.is_draft !== isDraft) return false;
    if (needle !== undefined) {
      const found =
        training.title.toLowerCase().includes(needle) ||
        training.content.toLowerCase().includes(needle);
      if (!found) return false;
    }
    return wanted === undefined || containsEntries(training.metadata, wanted);
  };
}

/**
 * PostgreSQL `container @> contained` on JSON values. Objects: every key of `contained` is in
 * `container` with a containing value. Arrays: every element of `contained` is contained by some
 * element of `container` (order and repeats do not matter). Scalars: equal, type included. The
 * top-level exception of PostgreSQL (an array contains a bare scalar) does not arise here, as the
 * filter is always an object.
 */
export function jsonContains(container: unknown, contained: unknown): boolean {
  if (Array.isArray(container) || Array.isArray(contained)) {
    if (!Array.isArray(container) || !Array.isArray(contained)) return false;
    return contained.every((wanted) => container.some((have) => jsonContains(have, wanted)));
  }
  if (isObject(container) || isObject(contained)) {
    if (!isObject(container) || !isObject(contained)) return false;
    return containsEntries(container, Object.entries(contained));
  }
  return container === contained;
}

/** `container @> contained` for objects, `contained` taken apart once (as a listing tests many). */
function containsEntries(
  container: Readonly<Record<string, unknown>>,
  wanted: readonly [string, unknown][],
): boolean {
  for (const [key, value] of wanted) {
    if (!(Object.hasOwn(container, key) && jsonContains(container[key], value))) return false;
  }
  return true;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
