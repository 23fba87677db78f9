import { readdirSync, readlinkSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { fileErrorReason } from '../util/errors.js';
import { isInside } from '../util/safe-write.js';
import {
  classifyEntry,
  decodeName,
  escapeText,
  type EntryKind,
  type EntryName,
  type LinkTarget,
  type TreeEntry,
} from './classify-entry.js';

export interface FoundTrainings {
  /** Paths under the root of the training files, with `/`, sorted. */
  files: string[];
  /** Entries that are neither trainings nor ignored by a rule (see classify-entry.ts). */
  diagnostics: Diagnostic[];
}

/**
 * Every entry under `root`, each classified by the rules of classify-entry.ts, so that none is
 * skipped without a rule saying so. Names are read as bytes: a name that is not UTF-8 is seen
 * as it is rather than mangled into one that cannot be opened. Listing is synchronous, since
 * thousands of small folders are listed faster without a round trip through the thread pool
 * for each; only links cost more system calls (to find where they lead).
 */
export function findTrainings(root: string, display: (absolute: string) => string): FoundTrainings {
  const shownRoot = display(root);
  const realRoot = realpathSync(root);
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const visit = (dir: Buffer, names: readonly EntryName[]): void => {
    let dirents: Dirent<Buffer>[];
    try {
      dirents = readdirSync(dir, { withFileTypes: true, encoding: 'buffer' });
    } catch (error) {
      const verdict = classifyEntry(
        { path: names, kind: 'directory', readError: fileErrorReason(error) },
        shownRoot,
      );
      if (verdict.kind === 'problem') diagnostics.push(verdict.diagnostic);
      return;
    }
    for (const dirent of dirents) {
      const entry: TreeEntry = { path: [...names, decodeName(dirent.name)], kind: kindOf(dirent) };
      const absolute = (): Buffer => Buffer.concat([dir, SEPARATOR, dirent.name]);
      if (entry.kind === 'symlink') entry.link = followLink(absolute(), realRoot, display);
      const verdict = classifyEntry(entry, shownRoot);
      switch (verdict.kind) {
        case 'training':
          files.push(entry.path.map((n) => n.text).join('/'));
          break;
        case 'folder':
          visit(absolute(), entry.path);
          break;
        case 'problem':
          diagnostics.push(verdict.diagnostic);
          break;
        case 'ignored':
          break;
      }
    }
  };
  visit(Buffer.from(root), []);
  files.sort();
  return { files, diagnostics };
}

const SEPARATOR = Buffer.from(path.sep);

/** Where a link leads: its real path and what is there, or why it cannot be followed. */
function followLink(
  link: Buffer,
  realRoot: string,
  display: (absolute: string) => string,
): LinkTarget {
  try {
    const real = realpathSync.native(link);
    const kind = kindOf(statSync(real));
    return { ok: true, kind, inside: isInside(realRoot, real), shown: escapeText(display(real)) };
  } catch (error) {
    let written = '?';
    try {
      written = readlinkSync(link, 'utf8');
    } catch {
      // Gone since it was listed: the code of the first error says enough.
    }
    return { ok: false, code: fileErrorReason(error), shown: escapeText(written) };
  }
}

/** Dirents and Stats answer the same questions. */
function kindOf(entry: Omit<Dirent, 'name' | 'parentPath' | 'path'>): EntryKind {
  if (entry.isFile()) return 'file';
  if (entry.isDirectory()) return 'directory';
  if (entry.isSymbolicLink()) return 'symlink';
  if (entry.isFIFO()) return 'fifo';
  if (entry.isSocket()) return 'socket';
  if (entry.isBlockDevice()) return 'block-device';
  if (entry.isCharacterDevice()) return 'character-device';
  return 'unknown';
}
