import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { addDirectoryMappings } from '../config/edit.js';
import { CONFIG_FILE, parseConfig } from '../config/load.js';
import { ConfigError } from '../util/errors.js';
import { writeFileAtomic } from '../util/safe-write.js';

/** Which opencx.yml `pull --map-directories` edits, and for which target. */
export interface ConfigEdit {
  /** The config file as loaded (relative to `cwd`), or null when there is none yet. */
  file: string | null;
  /** The target whose own `directories:` take the names, when it has that map. */
  target: string | undefined;
  cwd: string;
}

/**
 * Add `name: id` entries to opencx.yml (made if missing) and return its name as shown. The
 * edited text must pass the config's own parser before it replaces the file, whole: a file
 * that would break is left as it is, and the user is told to add the names by hand.
 */
export async function mapDirectoriesInConfig(
  edit: ConfigEdit,
  mappings: Readonly<Record<string, string>>,
): Promise<string> {
  const file = edit.file ?? CONFIG_FILE;
  const absolute = path.resolve(edit.cwd, file);
  const text = edit.file === null ? '' : await readFile(absolute, 'utf8');
  const edited = addDirectoryMappings(text, mappings, edit.target);
  if (!parseConfig(file, edited).ok) {
    throw new ConfigError(
      `Could not add the directories to ${file} without breaking it; add them by hand.`,
    );
  }
  await writeFileAtomic(absolute, edited, { overwrite: true });
  return file;
}
