import { structuredPatch } from 'diff';

/** Lines of context around each change, as in `git diff`. */
const DIFF_CONTEXT = 3;

/**
 * A unified diff of two texts, as lines without trailing newlines: the `---`/`+++` header, then
 * hunks. Empty when the texts are equal.
 */
export function unifiedDiff(
  before: string,
  after: string,
  labels: { from: string; to: string },
): string[] {
  if (before === after) return [];
  const patch = structuredPatch(labels.from, labels.to, `${before}\n`, `${after}\n`, '', '', {
    context: DIFF_CONTEXT,
  });
  const lines = [`--- ${labels.from}`, `+++ ${labels.to}`];
  for (const hunk of patch.hunks) {
    lines.push(`@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`);
    lines.push(...hunk.lines.filter((l) => !l.startsWith('\\')));
  }
  return lines;
}
