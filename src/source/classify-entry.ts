import { isUtf8 } from 'node:buffer';
import { type Diagnostic, diagnose } from '../diagnostics/diagnostic.js';

/**
 * The rules that decide what each entry under the trainings folder is. Pure: the walker
 * (walk.ts) reads the folder and hands every entry here, so that no entry can be skipped
 * silently. A file the reader cannot see must never read as "file removed", since apply would
 * then delete its training.
 *
 * - A name starting with `.` is ignored, file or folder (`.git`, editor and temporary files).
 * - A file not ending in `.md` (any case) is ignored; `_*.md` and `README.md` are not trainings.
 * - A symbolic link is followed only when it stays inside the root; a linked folder never is,
 *   since whatever it points to inside the root is found at its real place.
 * - Every other `.md` entry must be a regular file (or a link to one inside the root) with a
 *   name that prints on one line in UTF-8, under folders that do too. Anything else is an error.
 */

export type EntryKind =
  | 'file'
  | 'directory'
  | 'symlink'
  | 'fifo'
  | 'socket'
  | 'block-device'
  | 'character-device'
  | 'unknown';

/** A name as read from the file system (bytes), decoded for use and escaped for display. */
export interface EntryName {
  text: string;
  /** The name as shown in messages: `text`, or escaped when it cannot be shown as it is. */
  shown: string;
  /** Why the name cannot stand for a training, e.g. "holds a newline". */
  problem?: string;
}

/** Where a symbolic link leads, as found by following it. */
export type LinkTarget =
  | { ok: true; kind: EntryKind; inside: boolean; shown: string }
  | { ok: false; code: string; shown: string };

export interface TreeEntry {
  /** The names from the root down to this entry; empty for the root itself. */
  path: readonly EntryName[];
  kind: EntryKind;
  /** Only for symbolic links. */
  link?: LinkTarget;
  /** Only for a folder that could not be listed: the error code. */
  readError?: string;
}

export type Verdict =
  | { kind: 'training' }
  | { kind: 'folder' }
  | { kind: 'ignored' }
  | { kind: 'problem'; diagnostic: Diagnostic };

const IGNORED: Verdict = { kind: 'ignored' };
const FOLDER: Verdict = { kind: 'folder' };
const TRAINING: Verdict = { kind: 'training' };

/** What an entry is. `root` is the trainings folder as shown to the user. */
export function classifyEntry(entry: TreeEntry, root: string): Verdict {
  const name = entry.path.at(-1);
  const problem = (d: (file: string) => Diagnostic): Verdict => ({
    kind: 'problem',
    diagnostic: d(showPath(root, entry.path)),
  });
  if (entry.readError !== undefined) {
    return problem((file) =>
      diagnose('folder-unreadable', { reason: entry.readError ?? '' }, { file }),
    );
  }
  if (name === undefined) return FOLDER;
  if (name.text.startsWith('.')) return IGNORED;
  if (entry.kind === 'directory') return FOLDER;
  const { link } = entry;
  if (link?.ok === true && link.kind === 'directory') {
    if (link.inside) return IGNORED;
    return problem((file) => diagnose('symlink-outside-root', { target: link.shown }, { file }));
  }
  if (!isTrainingName(name.text)) return IGNORED;

  const badName = entry.path.findIndex((n) => n.problem !== undefined);
  const bad = entry.path[badName];
  if (bad !== undefined) {
    const what = badName === entry.path.length - 1 ? 'file' : 'folder';
    return problem((file) =>
      diagnose(
        'file-name-invalid',
        { what, name: bad.shown, problem: bad.problem ?? '' },
        { file },
      ),
    );
  }
  if (link === undefined) {
    if (entry.kind === 'file') return TRAINING;
    return problem((file) =>
      diagnose('not-a-regular-file', { what: describeKind(entry.kind) }, { file }),
    );
  }
  if (!link.ok) {
    if (link.code === 'ELOOP') return problem((file) => diagnose('symlink-loop', {}, { file }));
    if (link.code === 'ENOENT' || link.code === 'ENOTDIR') {
      return problem((file) => diagnose('symlink-dangling', { target: link.shown }, { file }));
    }
    return problem((file) =>
      diagnose(
        'file-unreadable',
        { reason: `its link to "${link.shown}" cannot be followed (${link.code})` },
        { file },
      ),
    );
  }
  if (!link.inside) {
    return problem((file) => diagnose('symlink-outside-root', { target: link.shown }, { file }));
  }
  if (link.kind === 'file') return TRAINING;
  return problem((file) =>
    diagnose('not-a-regular-file', { what: `a link to ${describeKind(link.kind)}` }, { file }),
  );
}

/** `*.md` (any case), but not `_*.md` (partials) nor `README.md`. */
function isTrainingName(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.endsWith('.md') && !name.startsWith('_') && lower !== 'readme.md';
}

const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

// C0 controls, DEL and C1 controls: each could break a line of output or an annotation.
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** A file name's bytes, decoded. Names that are not UTF-8 or hold control characters are flagged. */
export function decodeName(bytes: Uint8Array): EntryName {
  const text = decoder.decode(bytes);
  if (!isUtf8(bytes)) return { text, shown: escapeBytes(bytes), problem: 'is not valid UTF-8' };
  const control = CONTROL.exec(text);
  if (control === null) return { text, shown: text };
  const char = control[0];
  const problem =
    char === '\n' || char === '\r'
      ? 'holds a line break'
      : `holds a control character (U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')})`;
  return { text, shown: escapeText(text), problem };
}

/** The path of an entry as the user sees it: under the shown root, `/`-separated, escaped. */
function showPath(root: string, names: readonly EntryName[]): string {
  if (names.length === 0) return root;
  const under = names.map((n) => n.shown).join('/');
  return root === '.' ? under : `${root}/${under}`;
}

/** Text as a JSON string literal without its quotes: `\n`, `\t`, `\u0001` stay on one line. */
export function escapeText(text: string): string {
  return JSON.stringify(text)
    .slice(1, -1)
    .replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Bytes that are not UTF-8: printable ASCII as is, every other byte as `\xNN`. */
function escapeBytes(bytes: Uint8Array): string {
  let shown = '';
  for (const byte of bytes) {
    shown +=
      byte >= 0x20 && byte < 0x7f && byte !== 0x5c
        ? String.fromCharCode(byte)
        : `\\x${byte.toString(16).padStart(2, '0')}`;
  }
  return shown;
}

function describeKind(kind: EntryKind): string {
  switch (kind) {
    case 'fifo':
      return 'a named pipe (FIFO)';
    case 'socket':
      return 'a socket';
    case 'block-device':
      return 'a block device';
    case 'character-device':
      return 'a character device';
    case 'directory':
      return 'a folder';
    case 'file':
      return 'a file';
    case 'symlink':
      return 'a symbolic link';
    case 'unknown':
      return 'an entry of unknown kind';
  }
}
