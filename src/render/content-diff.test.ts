import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../diagnostics/catalog.js';
import { MAX_EDIT_LENGTH, diffContent, unifiedDiff } from './content-diff.js';

const LABELS = { from: 'OpenCX content', to: 'trainings/a.md' };
const HEADER = ['--- OpenCX content', '+++ trainings/a.md'];

/** `count` distinct lines, each starting with `tag`. */
function numbered(tag: string, count: number): string {
  return Array.from({ length: count }, (_, i) => `${tag} ${i}`).join('\n');
}

/** A training body of about `bytes` bytes: Markdown-like lines of sixty characters. */
function bodyOf(tag: string, bytes: number): string {
  return numbered(tag, Math.floor(bytes / 60))
    .split('\n')
    .map((l) => `${l} `.padEnd(59, 'x'))
    .join('\n');
}

const sha12 = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 12);

describe('unifiedDiff', () => {
  it('gives nothing for equal texts', () => {
    expect(unifiedDiff('Be warm.\nBe brief.', 'Be warm.\nBe brief.', LABELS)).toEqual([]);
    expect(diffContent('', '')).toEqual({ kind: 'equal' });
  });

  it('shows a changed line with its context', () => {
    expect(unifiedDiff('one\ntwo\nthree', 'one\n2\nthree', LABELS)).toEqual([
      ...HEADER,
      '@@ -1,3 +1,3 @@',
      ' one',
      '-two',
      '+2',
      ' three',
    ]);
  });

  it('shows an emptied text as its lines removed, without an empty line added', () => {
    expect(unifiedDiff('one\ntwo', '', LABELS).slice(2)).toEqual([
      '@@ -1,2 +0,0 @@',
      '-one',
      '-two',
    ]);
    expect(unifiedDiff('', 'one', LABELS).slice(2)).toEqual(['@@ -0,0 +1,1 @@', '+one']);
  });

  it('still diffs a few changed lines in a training of the largest size', () => {
    const before = bodyOf('line', MAX_FILE_BYTES);
    const lines = before.split('\n');
    const changed = [10, 1000, 2000, 3000, lines.length - 1];
    for (const i of changed) lines[i] = `changed ${i}`;

    const diff = diffContent(before, lines.join('\n'));

    expect(diff.kind).toBe('hunks');
    if (diff.kind !== 'hunks') return;
    expect(diff.hunks.map((h) => h.lines.filter((l) => l.startsWith('+')))).toEqual(
      changed.map((i) => [`+changed ${i}`]),
    );
  });

  it('diffs up to MAX_EDIT_LENGTH lines removed or added, and summarises one more', () => {
    // Emptying a text removes each of its lines: an edit length equal to its line count.
    expect(diffContent(numbered('old', MAX_EDIT_LENGTH), '').kind).toBe('hunks');
    expect(diffContent(numbered('old', MAX_EDIT_LENGTH + 1), '').kind).toBe('replaced');
    // Rewriting n lines removes n and adds n.
    const half = MAX_EDIT_LENGTH / 2;
    expect(diffContent(numbered('old', half), numbered('new', half)).kind).toBe('hunks');
    expect(diffContent(numbered('old', half + 1), numbered('new', half + 1)).kind).toBe('replaced');
  });

  it('summarises a fully rewritten training of the largest size by line counts and hashes', () => {
    const before = bodyOf('old', MAX_FILE_BYTES);
    const after = bodyOf('new', MAX_FILE_BYTES - 6000);

    expect(diffContent(before, after)).toEqual({
      kind: 'replaced',
      before: { lines: 4369, sha256: sha12(before) },
      after: { lines: 4269, sha256: sha12(after) },
    });
  });

  it('says how a replaced text looked before and after, in one line after the labels', () => {
    const after = numbered('new', MAX_EDIT_LENGTH);

    expect(unifiedDiff('abc', after, LABELS)).toEqual([
      ...HEADER,
      // sha-256("abc") is ba7816bf8f01cfea…, the first test vector of FIPS 180-2.
      `! replaced: 1 line (sha-256 ba7816bf8f01) → 1000 lines (sha-256 ${sha12(after)}); ` +
        'over 1000 lines removed or added, too many to show line by line',
    ]);
    expect(diffContent('', numbered('new', MAX_EDIT_LENGTH + 1))).toMatchObject({
      before: { lines: 0, sha256: 'e3b0c44298fc' },
    });
  });
});
