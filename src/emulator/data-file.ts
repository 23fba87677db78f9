import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseState, serializeState, type EmulatorState } from './state.js';

/** A data file that exists but cannot be read as emulator state; it is never overwritten. */
export class EmulatorDataError extends Error {
  override name = 'EmulatorDataError';
  readonly userFacing = true;
}

/** The state in `file`, or undefined when there is no such file yet. */
export async function readStateFile(file: string): Promise<EmulatorState | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const parsed = parseState(text);
  if (parsed.ok) return parsed.state;
  const shown = parsed.problems.slice(0, 5).join('; ');
  throw new EmulatorDataError(
    `The emulator data file ${file} is not valid: ${shown}. Fix it, or move it away to start from the default seed.`,
  );
}

export async function writeStateFile(file: string, state: EmulatorState): Promise<void> {
  await writeFileAtomic(file, serializeState(state));
}

/**
 * Write through a temporary file in the same folder, flushed to disk, then renamed over the
 * target: a reader (or a restart after a kill) sees the old file or the new one, never half.
 */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
