/**
 * Strings in code-unit order: the same on every machine and locale, as file paths and codes
 * are listed.
 */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Items in the code-unit order of their path. */
export function byPath(a: { path: string }, b: { path: string }): number {
  return compareStrings(a.path, b.path);
}
