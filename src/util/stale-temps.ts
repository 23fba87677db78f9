import { lstat, readdir, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * Temporary files of writeFileAtomic (safe-write.ts) are named `.<name>.<pid>-<random>.tmp`:
 * hidden, so that the trainings walker ignores one left in trainings/, and naming the process
 * that writes it, so that the next writer of the same file can tell a leftover of a killed run
 * from a write in progress. The `-` keeps the name unambiguous: `.a.md.12-…` can only be a
 * temporary file of `a.md`, never one of a file named `a.md.12`.
 */
export function tempName(base: string, pid: number, random: Uint8Array): string {
  return `.${base}.${pid}-${Buffer.from(random).toString('hex')}.tmp`;
}

/** A temporary file older than this is stale whoever wrote it: pids are reused, writes are short. */
export const STALE_AFTER_MS = 60 * 60 * 1000;

export interface TempFile {
  /** The writer's pid, or null for a temporary file of a version that did not record it. */
  pid: number | null;
  ageMs: number;
}

/**
 * The writer of a temporary file of `base`, if `name` is one: `{ pid }`, with null for the older
 * form `.<name>.<random>.tmp`.
 */
export function parseTempName(name: string, base: string): { pid: number | null } | undefined {
  const temp = readTempName(name);
  return temp?.base === base ? { pid: temp.pid } : undefined;
}

/** The file a temporary file belongs to, and its writer, if `name` is one. */
function readTempName(name: string): { base: string; pid: number | null } | undefined {
  const match = /^\.(.+)\.(?:([1-9]\d*)-)?[0-9a-f]{12}\.tmp$/.exec(name);
  if (match === null) return undefined;
  return { base: match[1] as string, pid: match[2] === undefined ? null : Number(match[2]) };
}

/**
 * Whether a temporary file is a leftover: its writer is gone, or it is older than a write can
 * take. A recent one of a live process (this one included) is a write in progress: never touched.
 */
export function isStale(temp: TempFile, alive: (pid: number) => boolean): boolean {
  if (temp.ageMs > STALE_AFTER_MS) return true;
  return temp.pid !== null && !alive(temp.pid);
}

/**
 * The temporary files of each folder written to, by the file they belong to. A folder is listed
 * once per process, on its first write, not on every write: pull writes thousands of files into
 * one folder, and a listing per file would cost as much as the folder is large each time.
 */
const tempsByFolder = new Map<string, Promise<Map<string, TempEntry[]>>>();

interface TempEntry {
  name: string;
  pid: number | null;
}

/** Remove the leftover temporary files of `file`. Best effort: a failure never stops a write. */
export async function removeStaleTemps(file: string): Promise<void> {
  const dir = path.dirname(file);
  const base = path.basename(file);
  let listing = tempsByFolder.get(dir);
  if (listing === undefined) {
    listing = listTemps(dir);
    tempsByFolder.set(dir, listing);
  }
  const byBase = await listing;
  const temps = byBase.get(base) ?? [];
  byBase.delete(base);
  for (const { name, pid } of temps) {
    const temp = path.join(dir, name);
    try {
      const { mtimeMs } = await lstat(temp);
      if (isStale({ pid, ageMs: Date.now() - mtimeMs }, isAlive)) await rm(temp, { force: true });
    } catch {
      // Gone already, or not ours to remove: either way the write goes on.
    }
  }
}

async function listTemps(dir: string): Promise<Map<string, TempEntry[]>> {
  const byBase = new Map<string, TempEntry[]>();
  const names = await readdir(dir).catch(() => []);
  for (const name of names) {
    const temp = readTempName(name);
    if (temp !== undefined)
      byBase.set(temp.base, [...(byBase.get(temp.base) ?? []), { name, pid: temp.pid }]);
  }
  return byBase;
}

/** Whether a process with this pid exists; one of another user counts (EPERM). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}
