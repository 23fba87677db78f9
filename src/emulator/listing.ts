import { matcherOf, pageOf, type ListQuery, type Page, type SortDirection } from './filters.js';
import { countRows, hasRow } from './metadata-index.js';
import type { StoredTraining } from './state.js';
import type { TrainingRow, TrainingTable } from './training-table.js';

/**
 * `GET /training` at the cost of its page. The ordered matches of a query are found once per
 * version of the table and each page is a slice of them: listing N trainings 100 at a time looks
 * at the store once, not N/100 times. The next write makes a new version, so a page asked for
 * after it sees that write, as on the real API, and `total` tells the client to list again.
 */
export interface Listing {
  list(query: ListQuery, direction: SortDirection): Page<StoredTraining>;
  /** Trainings tested against a query so far: the work of every listing, for tests to bound. */
  readonly examined: number;
}

/** A client lists one or two queries at a time; more are dropped rather than held. */
const MAX_QUERIES = 16;
/**
 * Sorting the candidates of the metadata index costs about m log m; walking the whole order,
 * n tests. Candidates this many times fewer than the trainings are sorted; more are walked.
 */
const SORT_BELOW = 16;

export function createListing(table: TrainingTable): Listing {
  let version = table.version;
  const found = new Map<string, readonly StoredTraining[]>();
  let examined = 0;

  function matches(query: ListQuery, direction: SortDirection): readonly StoredTraining[] {
    if (version !== table.version) {
      found.clear();
      version = table.version;
    }
    const { search, type, isDraft, metadata, sortBy } = query;
    const key = JSON.stringify([search, type, isDraft, metadata, sortBy, direction]);
    let result = found.get(key);
    if (result === undefined) {
      const rows = orderedMatches(table, query);
      examined += rows.examined;
      const trainings = rows.matches.map((row) => row.training);
      result = direction === 'desc' ? trainings.reverse() : trainings;
      if (found.size >= MAX_QUERIES) found.clear();
      found.set(key, result);
    }
    return result;
  }

  return {
    list: (query, direction) => pageOf(matches(query, direction), query),
    get examined() {
      return examined;
    },
  };
}

/**
 * Every training that matches, ascending by `sort_by`, ties in creation order. The string pairs
 * of the metadata filter are answered by the index, exactly; the rest of the query is tested on
 * each training that holds them. A few such trainings are sorted; many are found by walking the
 * whole order, which then costs a set lookup per training rather than reading its metadata.
 */
function orderedMatches(
  table: TrainingTable,
  query: ListQuery,
): { matches: TrainingRow[]; examined: number } {
  const { pairs, rest } = splitMetadata(query.metadata);
  const postings = pairs
    .map(([key, value]) => table.rowsWith(key, value))
    .sort((a, b) => countRows(a) - countRows(b));
  const [fewest, ...others] = postings;
  const matcher = matcherOf({ ...query, metadata: rest });
  const accepts = (row: TrainingRow) =>
    others.every((rows) => hasRow(rows, row)) && matcher(row.training);
  const order = table.ordered(query.sortBy);
  if (fewest !== undefined && countRows(fewest) * SORT_BELOW <= order.length) {
    const few = [...fewest];
    return { matches: few.filter(accepts).sort(table.compare(query.sortBy)), examined: few.length };
  }
  const holds =
    fewest === undefined ? accepts : (row: TrainingRow) => hasRow(fewest, row) && accepts(row);
  return { matches: order.filter(holds), examined: order.length };
}

/** The top-level string pairs of a metadata filter, and the rest (undefined when none is left). */
function splitMetadata(metadata: ListQuery['metadata']): {
  pairs: [string, string][];
  rest: Record<string, unknown> | undefined;
} {
  const pairs: [string, string][] = [];
  const others: [string, unknown][] = [];
  for (const [key, value] of Object.entries(metadata ?? {})) {
    if (typeof value === 'string') pairs.push([key, value]);
    else others.push([key, value]);
  }
  // fromEntries keeps a key such as `__proto__` an own key, as JSON.parse made it.
  return { pairs, rest: others.length === 0 ? undefined : Object.fromEntries(others) };
}
