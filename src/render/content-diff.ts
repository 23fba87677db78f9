import { createHash } from 'node:crypto';
import { structuredPatch, type StructuredPatchHunk } from 'diff';
import { countNewlines } from '../model/text.js';
import { plural } from './style.js';

/** Lines of context around each change, as in `git diff`. */
const DIFF_CONTEXT = 3;

/**
 * The most lines a content diff may remove and add in all (its edit length) before the plan shows
 * the content as replaced instead of line by line.
 *
 * Why a bound on the edit length: the diff (Myers') does work that grows with the square of the
 * edit length, so a training rewritten line by line took seconds at 50 KB and did not finish at
 * 256 KiB, and `apply` renders the plan before it writes. A bound on the work, unlike a timeout,
 * gives the same plan the same rendering on every machine.
 *
 * Why 1000: a few changed lines in a 256 KiB training (an edit length of ten or so) still show,
 * and so does a section of up to 500 lines rewritten, more than anyone reads in a plan. At the
 * bound one diff costs about 0.1 s whatever the text (0.2 s for the worst inputs tried, random
 * lines of one letter), so a training whose content and pending edit are both rewritten, shown
 * as text and as Markdown, costs well under a second. The cost grows faster than the bound:
 * 1500 already took half a second for one text.
 */
export const MAX_EDIT_LENGTH = 1000;

/** One side of a replaced text: enough to tell the two apart and check either. */
export interface TextDigest {
  lines: number;
  /** The first 12 hex characters of the sha-256 of the text. */
  sha256: string;
}

/** How two texts differ: not at all, by hunks of a line diff, or too much to show line by line. */
export type ContentDiff =
  | { kind: 'equal' }
  | { kind: 'hunks'; hunks: StructuredPatchHunk[] }
  | { kind: 'replaced'; before: TextDigest; after: TextDigest };

/**
 * Diffs two texts line by line, or summarises them when the shortest diff would remove and add
 * more than `MAX_EDIT_LENGTH` lines. Pure; never costs more than that bound allows.
 */
export function diffContent(before: string, after: string): ContentDiff {
  if (before === after) return { kind: 'equal' };
  const patch = structuredPatch('', '', asLines(before), asLines(after), '', '', {
    context: DIFF_CONTEXT,
    maxEditLength: MAX_EDIT_LENGTH,
  });
  if (patch === undefined)
    return { kind: 'replaced', before: digest(before), after: digest(after) };
  return { kind: 'hunks', hunks: patch.hunks };
}

/**
 * A unified diff of two texts, as lines without trailing newlines: the `---`/`+++` header, then
 * hunks, or one `!` line saying the text was replaced. Empty when the texts are equal.
 */
export function unifiedDiff(
  before: string,
  after: string,
  labels: { from: string; to: string },
): string[] {
  const diff = diffContent(before, after);
  if (diff.kind === 'equal') return [];
  const lines = [`--- ${labels.from}`, `+++ ${labels.to}`];
  if (diff.kind === 'replaced') {
    lines.push(
      `! replaced: ${describeDigest(diff.before)} → ${describeDigest(diff.after)}; ` +
        `over ${MAX_EDIT_LENGTH} lines removed or added, too many to show line by line`,
    );
    return lines;
  }
  for (const hunk of diff.hunks) {
    lines.push(
      `@@ -${rangeOf(hunk.oldStart, hunk.oldLines)} +${rangeOf(hunk.newStart, hunk.newLines)} @@`,
    );
    lines.push(...hunk.lines.filter((l) => !l.startsWith('\\')));
  }
  return lines;
}

/** As `diff -u` writes it: an empty range starts at the line before it (an empty text at 0). */
function rangeOf(start: number, count: number): string {
  return `${count === 0 ? start - 1 : start},${count}`;
}

/**
 * Texts are kept without a final newline; giving the last line one makes it compare like every
 * other line. An empty text stays empty: it has no lines, not one blank line.
 */
function asLines(text: string): string {
  return text === '' ? '' : `${text}\n`;
}

function digest(text: string): TextDigest {
  return {
    lines: text === '' ? 0 : countNewlines(text) + 1,
    sha256: createHash('sha256').update(text).digest('hex').slice(0, 12),
  };
}

function describeDigest(d: TextDigest): string {
  return `${plural(d.lines, 'line')} (sha-256 ${d.sha256})`;
}
