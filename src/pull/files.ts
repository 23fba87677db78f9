import { mkdir, rm } from 'node:fs/promises';
import fg from 'fast-glob';
import { fileErrorReason } from '../util/errors.js';
import { mapInPool } from '../util/pool.js';
import { resolveInside, writeFileAtomic } from '../util/safe-write.js';
import type { FileRemoval, PlannedFile } from './assemble.js';

/**
 * Every path under the folder, files and folders, hidden ones and links included, relative and
 * with `/`: a pulled file never takes a name that anything already has. Empty if there is no
 * folder yet.
 */
export async function listExistingPaths(dir: string): Promise<string[]> {
  return fg('**', {
    cwd: dir,
    dot: true,
    onlyFiles: false,
    followSymbolicLinks: false,
    suppressErrors: true,
  });
}

/** Files written at once: each write waits for its flush to disk, which a disk does several at a time. */
const PARALLEL_WRITES = 8;

export type FileOutcome = 'created' | 'overwritten' | 'removed' | 'exists' | 'outside' | 'failed';

export interface FileResult {
  path: string;
  outcome: FileOutcome;
  /** Why a write failed (the system's error code). */
  reason?: string;
}

/**
 * Write the planned files under `dir`, a few at a time, each whole or not at all. A new file
 * never replaces one that appeared since the plan was made; a path that would leave `dir`
 * (through a linked folder) is not written.
 */
export async function writePlannedFiles(
  dir: string,
  files: readonly PlannedFile[],
): Promise<FileResult[]> {
  await mkdir(dir, { recursive: true });
  const writes = files.filter((file) => file.action !== 'skip');
  return mapInPool(writes, PARALLEL_WRITES, (file) => writePlannedFile(dir, file));
}

async function writePlannedFile(dir: string, file: PlannedFile): Promise<FileResult> {
  const absolute = await resolveInside(dir, file.path);
  if (absolute === undefined) return { path: file.path, outcome: 'outside' };
  const overwrite = file.action === 'overwrite';
  try {
    const outcome = await writeFileAtomic(absolute, file.text, { overwrite });
    return {
      path: file.path,
      outcome: outcome === 'exists' ? 'exists' : overwrite ? 'overwritten' : 'created',
    };
  } catch (error) {
    // One file that cannot be written (permissions, a file where a folder should be) must
    // not stop the others: it is reported with the rest.
    return { path: file.path, outcome: 'failed', reason: fileErrorReason(error) };
  }
}

/**
 * Remove the files whose training is gone, each on its own; one already gone counts as removed.
 * A path that would leave `dir` (through a linked folder) is not touched.
 */
export async function removePlannedFiles(
  dir: string,
  removals: readonly FileRemoval[],
): Promise<FileResult[]> {
  return mapInPool(removals, PARALLEL_WRITES, async ({ path }): Promise<FileResult> => {
    const absolute = await resolveInside(dir, path);
    if (absolute === undefined) return { path, outcome: 'outside' };
    try {
      await rm(absolute, { force: true });
      return { path, outcome: 'removed' };
    } catch (error) {
      return { path, outcome: 'failed', reason: fileErrorReason(error) };
    }
  });
}
