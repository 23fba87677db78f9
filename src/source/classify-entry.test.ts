import { describe, expect, it } from 'vitest';
import {
  classifyEntry,
  decodeName,
  type EntryKind,
  type LinkTarget,
  type TreeEntry,
  type Verdict,
} from './classify-entry.js';

const ROOT = 'trainings';

/** An entry at `path` (names separated by `/`) of the given kind. */
function anEntry(path: string, kind: EntryKind = 'file', more: Partial<TreeEntry> = {}): TreeEntry {
  return {
    path: path
      .split('/')
      .filter((n) => n !== '')
      .map((n) => decodeName(Buffer.from(n))),
    kind,
    ...more,
  };
}

function aLink(path: string, link: LinkTarget): TreeEntry {
  return anEntry(path, 'symlink', { link });
}

const inside = (kind: EntryKind): LinkTarget => ({ ok: true, kind, inside: true, shown: 'x' });
const broken = (code: string): LinkTarget => ({ ok: false, code, shown: '../gone.md' });

/** The verdict as `training`, `folder`, `ignored` or `<code> <file>: <message>`. */
function verdictOf(entry: TreeEntry): string {
  const verdict: Verdict = classifyEntry(entry, ROOT);
  if (verdict.kind !== 'problem') return verdict.kind;
  const d = verdict.diagnostic;
  return `${d.severity} ${d.code} ${d.file}: ${d.message}`;
}

describe('classifyEntry', () => {
  it.each([
    ['refund.md', 'file', 'training'],
    ['billing/REFUND.MD', 'file', 'training'],
    ['billing', 'directory', 'folder'],
    ['_partial.md', 'file', 'ignored'],
    ['nested/README.md', 'file', 'ignored'],
    ['readme.md', 'file', 'ignored'],
    ['notes.txt', 'file', 'ignored'],
    ['.git', 'directory', 'ignored'],
    ['.refund.md.swp', 'file', 'ignored'],
    ['.refund.md.123-0123456789ab.tmp', 'file', 'ignored'],
    ['.hidden.md', 'fifo', 'ignored'],
    ['pipe.txt', 'fifo', 'ignored'],
  ] as const)('%s (%s): %s', (path, kind, expected) => {
    expect(verdictOf(anEntry(path, kind))).toBe(expected);
  });

  it('refuses a .md entry that is not a regular file, saying what it is', () => {
    expect(verdictOf(anEntry('a/pipe.md', 'fifo'))).toBe(
      'error not-a-regular-file trainings/a/pipe.md: This is a named pipe (FIFO), not a regular file, so it cannot be read as a training.',
    );
    expect(verdictOf(anEntry('sock.md', 'socket'))).toContain('This is a socket,');
    expect(verdictOf(anEntry('dev.md', 'character-device'))).toContain('a character device');
    expect(verdictOf(anEntry('odd.md', 'unknown'))).toContain('an entry of unknown kind');
  });

  it('follows a link only to a file inside the root', () => {
    expect(verdictOf(aLink('link.md', inside('file')))).toBe('training');
    expect(verdictOf(aLink('link.md', inside('fifo')))).toContain(
      'This is a link to a named pipe (FIFO)',
    );
    expect(verdictOf(aLink('_partial.md', broken('ENOENT')))).toBe('ignored');
    expect(verdictOf(aLink('.hidden.md', broken('ELOOP')))).toBe('ignored');
    expect(verdictOf(aLink('notes', broken('ENOENT')))).toBe('ignored');
    const outside: LinkTarget = { ok: true, kind: 'file', inside: false, shown: '../secret.md' };
    expect(verdictOf(aLink('out.md', outside))).toBe(
      'warning symlink-outside-root trainings/out.md: Symbolic link to "../secret.md", outside the trainings folder: not followed.',
    );
  });

  it('does not follow a linked folder: inside, its content is found at its real place', () => {
    expect(verdictOf(aLink('shared', inside('directory')))).toBe('ignored');
    expect(verdictOf(aLink('shared.md', inside('directory')))).toBe('ignored');
    expect(
      verdictOf(aLink('shared', { ok: true, kind: 'directory', inside: false, shown: '../x' })),
    ).toContain('warning symlink-outside-root');
  });

  it('reports a link that leads nowhere, loops or cannot be followed', () => {
    expect(verdictOf(aLink('a/gone.md', broken('ENOENT')))).toBe(
      'error symlink-dangling trainings/a/gone.md: Symbolic link to "../gone.md", which does not exist.',
    );
    expect(verdictOf(aLink('gone.md', broken('ENOTDIR')))).toContain('symlink-dangling');
    expect(verdictOf(aLink('loop.md', broken('ELOOP')))).toContain('error symlink-loop');
    expect(verdictOf(aLink('locked.md', broken('EACCES')))).toBe(
      'error file-unreadable trainings/locked.md: The file could not be read: its link to "../gone.md" cannot be followed (EACCES).',
    );
  });

  it('reports a folder that cannot be listed, the root included', () => {
    expect(verdictOf(anEntry('billing', 'directory', { readError: 'EACCES' }))).toBe(
      'error folder-unreadable trainings/billing: The folder could not be listed (EACCES), so every training in it would look removed.',
    );
    expect(verdictOf(anEntry('', 'directory', { readError: 'EIO' }))).toContain(
      'folder-unreadable trainings:',
    );
    expect(verdictOf(anEntry('', 'directory'))).toBe('folder');
  });

  it('refuses a training name that does not print on one line, escaped in the output', () => {
    expect(verdictOf(anEntry('a\nb.md'))).toBe(
      'error file-name-invalid trainings/a\\nb.md: The file name "a\\nb.md" holds a line break; such a name cannot be shown or matched reliably, so the file is not read.',
    );
    expect(verdictOf(anEntry('tab\there.md'))).toContain(
      'The file name "tab\\there.md" holds a control character (U+0009)',
    );
    expect(verdictOf(anEntry('bad\nfolder/deep/a.md'))).toContain(
      'file-name-invalid trainings/bad\\nfolder/deep/a.md: The folder name "bad\\nfolder" holds a line break',
    );
    // Names that are no trainings anyway stay ignored, whatever they hold.
    expect(verdictOf(anEntry('a\nb.txt'))).toBe('ignored');
    expect(verdictOf(anEntry('bad\nfolder', 'directory'))).toBe('folder');
  });

  it('refuses a name that is not UTF-8, showing its bytes', () => {
    const latin1: TreeEntry = {
      path: [decodeName(Buffer.from('caf\xe9.md', 'latin1'))],
      kind: 'file',
    };
    expect(verdictOf(latin1)).toBe(
      'error file-name-invalid trainings/caf\\xe9.md: The file name "caf\\xe9.md" is not valid UTF-8; such a name cannot be shown or matched reliably, so the file is not read.',
    );
  });
});

describe('decodeName', () => {
  it('keeps ordinary names as they are', () => {
    expect(decodeName(Buffer.from('Rückerstattung 退款.md'))).toEqual({
      text: 'Rückerstattung 退款.md',
      shown: 'Rückerstattung 退款.md',
    });
  });

  it('escapes control characters, DEL and C1 controls', () => {
    expect(decodeName(Buffer.from('a\u007f\u0085b.md')).shown).toBe('a\\u007f\\u0085b.md');
  });
});
