import { randomBytes } from 'node:crypto';
import { access, link, mkdir, open, realpath, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { removeStaleTemps, tempName } from './stale-temps.js';

export type WriteOutcome = 'written' | 'exists';

/** Errors of `link` on file systems without hard links. */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/**
 * Write a whole file or nothing: the text goes to a temporary file beside it, flushed to disk,
 * which then takes the file's name, so that a reader (or a restart after a kill) sees the old
 * file or the new one, never half of one. A temporary file left by a killed writer is removed
 * when the file is next written (stale-temps.ts). Without `overwrite`, an existing file is
 * never replaced, even one created a moment ago by someone else: the name is taken with a hard
 * link, which fails if it exists.
 */
export async function writeFileAtomic(
  file: string,
  text: string,
  { overwrite }: { overwrite: boolean },
): Promise<WriteOutcome> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  await removeStaleTemps(file);
  const temp = path.join(dir, tempName(path.basename(file), process.pid, randomBytes(6)));
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    if (overwrite) {
      await rename(temp, file);
      return 'written';
    }
    try {
      await link(temp, file);
      return 'written';
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (code === 'EEXIST') return 'exists';
      if (!NO_HARD_LINKS.has(code)) throw error;
      if (await exists(file)) return 'exists';
      await rename(temp, file);
      return 'written';
    }
  } finally {
    await rm(temp, { force: true });
  }
}

/**
 * The absolute path of `relative` under `root`, or undefined when writing it would leave the
 * root: by `..`, by an absolute path, or through a symbolic link in a folder on the way.
 * The folders are checked before any is created, since `mkdir -p` follows links.
 */
export async function resolveInside(root: string, relative: string): Promise<string | undefined> {
  const base = path.resolve(root);
  const absolute = path.resolve(base, relative);
  if (!isInside(base, absolute)) return undefined;
  const realRoot = await realpath(base).catch(() => undefined);
  if (realRoot === undefined) return absolute;
  // The deepest folder that exists decides: nothing below it can be a link yet.
  for (let dir = path.dirname(absolute); dir !== base; dir = path.dirname(dir)) {
    const real = await realpath(dir).catch(() => undefined);
    if (real !== undefined) return isInside(realRoot, real) ? absolute : undefined;
  }
  return absolute;
}

/** Whether `target` lies strictly below the folder `root` (both absolute). */
export function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
