/**
 * Rows kept sorted by a number, ties broken by creation order (`seq`), so that a listing walks
 * them in order instead of sorting the whole store for each page. A row is found again by binary
 * search on its (key, seq), which is why the key of a row must not change while it is indexed:
 * remove it, change it, insert it again.
 */
export interface OrderIndex<R extends OrderedRow> {
  /** Every row, ascending by (key, seq); the descending order is this one read backwards. */
  readonly rows: readonly R[];
  /** The order itself: negative when `a` comes first. */
  readonly compare: (a: R, b: R) => number;
  insert(row: R): void;
  remove(row: R): void;
}

export interface OrderedRow {
  /** Unique, and increasing in creation order. */
  readonly seq: number;
}

export function createOrderIndex<R extends OrderedRow>(
  key: (row: R) => number,
  initial: Iterable<R> = [],
): OrderIndex<R> {
  const compare = (a: R, b: R) => key(a) - key(b) || a.seq - b.seq;
  const rows = [...initial].sort(compare);
  // The first position whose row sorts after `row`: where it goes, or just past where it is.
  const upperBound = (row: R) => {
    let low = 0;
    let high = rows.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(rows[middle] as R, row) <= 0) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  return {
    rows,
    compare,
    insert(row) {
      // New trainings are usually the newest and the last created: the end, without a search.
      const last = rows.at(-1);
      if (last === undefined || compare(last, row) < 0) rows.push(row);
      else rows.splice(upperBound(row), 0, row);
    },
    remove(row) {
      const at = upperBound(row) - 1;
      if (rows[at] !== row) throw new Error(`row ${row.seq} is not in the index at its key`);
      rows.splice(at, 1);
    },
  };
}
