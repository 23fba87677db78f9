import { UserFacingError } from '../util/errors.js';
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../util/safe-write.js';
import { parseState, serializeState, type EmulatorState } from './state.js';

/** A data file that exists but cannot be read as emulator state; it is never overwritten. */
export class EmulatorDataError extends UserFacingError {
  override name = 'EmulatorDataError';
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
  await writeFileAtomic(file, serializeState(state), { overwrite: true });
}
