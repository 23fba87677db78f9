/**
 * Which rows hold which string at a top-level metadata key: the filter the tool lists with is a
 * few flat string pairs (`{"opencx-trainings.managed":"true","opencx-trainings.namespace":"x"}`),
 * and a training can only contain such a pair if its own value at that key is that very string.
 * Values of other types, and nested ones, are not indexed: the listing tests them on every
 * training, by the jsonb `@>` definition.
 *
 * Most values (`opencx-trainings.key`) belong to one row, so a posting is that row until a second
 * one shares it: 100k one-element sets would weigh more than the trainings' metadata itself.
 */
export interface MetadataIndex<R> {
  add(row: R, metadata: Readonly<Record<string, unknown>>): void;
  /** `metadata` must be what the row was added with. */
  remove(row: R, metadata: Readonly<Record<string, unknown>>): void;
  /**
   * The rows whose metadata holds exactly the string `value` at `key`: those that contain the
   * pair `{key: value}` in the jsonb `@>` sense, no more, no fewer.
   */
  rowsWith(key: string, value: string): Rows<R>;
}

export type Rows<R> = ReadonlySet<R> | readonly R[];

type Posting<R> = R | Set<R>;

export function createMetadataIndex<R extends object>(): MetadataIndex<R> {
  const byKey = new Map<string, Map<string, Posting<R>>>();
  return {
    add(row, metadata) {
      for (const [key, value] of Object.entries(metadata)) {
        if (typeof value !== 'string') continue;
        let byValue = byKey.get(key);
        if (byValue === undefined) byKey.set(key, (byValue = new Map<string, Posting<R>>()));
        const posting = byValue.get(value);
        if (posting === undefined) byValue.set(value, row);
        else if (posting instanceof Set) posting.add(row);
        else if (posting !== row) byValue.set(value, new Set([posting, row]));
      }
    },
    remove(row, metadata) {
      for (const [key, value] of Object.entries(metadata)) {
        if (typeof value !== 'string') continue;
        const byValue = byKey.get(key);
        const posting = byValue?.get(value);
        if (byValue === undefined || posting === undefined) continue;
        if (posting instanceof Set) {
          posting.delete(row);
          if (posting.size === 1) byValue.set(value, posting.values().next().value as R);
        } else if (posting === row) {
          byValue.delete(value);
          if (byValue.size === 0) byKey.delete(key);
        }
      }
    },
    rowsWith(key, value) {
      const posting = byKey.get(key)?.get(value);
      return posting === undefined ? [] : posting instanceof Set ? posting : [posting];
    },
  };
}

export function countRows<R>(rows: Rows<R>): number {
  return 'size' in rows ? rows.size : rows.length;
}

export function hasRow<R>(rows: Rows<R>, row: R): boolean {
  return 'has' in rows ? rows.has(row) : rows.includes(row);
}
