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

/** Filter, sort and page as the real endpoint does. Ties keep creation order. */
export function listTrainings(
  trainings: readonly StoredTraining[],
  query: ListQuery,
  direction: SortDirection,
): Page<StoredTraining> {
  const sign = direction === 'asc' ? 1 : -1;
  const matches = trainings
    .map((training, index) => ({ training, index }))
    .filter(({ training }) => matchesQuery(training, query))
    .sort((a, b) => sign * (compareBy(a.training, b.training, query.sortBy) || a.index - b.index))
    .map(({ training }) => training);
  const items = matches.slice(query.offset, query.offset + query.limit);
  return {
    items,
    total: matches.length,
    limit: query.limit,
    offset: query.offset,
    has_more: query.offset + items.length < matches.length,
  };
}

function matchesQuery(training: StoredTraining, query: ListQuery): boolean {
  if (query.type !== undefined && training.type !== query.type) return false;
  if (query.isDraft !== undefined && training.is_draft !== query.isDraft) return false;
  if (query.search !== undefined && query.search !== '') {
    const needle = query.search.toLowerCase();
    const found =
      training.title.toLowerCase().includes(needle) ||
      training.content.toLowerCase().includes(needle);
    if (!found) return false;
  }
  return query.metadata === undefined || jsonContains(training.metadata, query.metadata);
}

function compareBy(a: StoredTraining, b: StoredTraining, field: TrainingSortField): number {
  if (field === 'handoff_count') return a.handoff_count - b.handoff_count;
  return Date.parse(a.created_at) - Date.parse(b.created_at);
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
    return Object.entries(contained).every(
      ([key, wanted]) => Object.hasOwn(container, key) && jsonContains(container[key], wanted),
    );
  }
  return container === contained;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
