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
 * The text of opencx.yml (made if missing) with `name: id` entries added, and its name as
 * shown. The edited text must pass the config's own parser: a file that would break is left
 * as it is, and the user is told to add the names by hand.
 */
export async function configWithDirectories(
  edit: ConfigEdit,
  mappings: Readonly<Record<string, string>>,
): Promise<{ file: string; text: string }> {
  const file = edit.file ?? CONFIG_FILE;
  const text = edit.file === null ? '' : await readFile(path.resolve(edit.cwd, file), 'utf8');
  const edited = addDirectoryMappings(text, mappings, edit.target);
  if (!parseConfig(file, edited).ok) {
    throw new ConfigError(
      `Could not add the directories to ${file} without breaking it; add them by hand.`,
    );
  }
  return { file, text: edited };
}

/** Add the entries to opencx.yml, replacing it whole, and return its name as shown. */
export async function mapDirectoriesInConfig(
  edit: ConfigEdit,
  mappings: Readonly<Record<string, string>>,
): Promise<string> {
  const { file, text } = await configWithDirectories(edit, mappings);
  await writeFileAtomic(path.resolve(edit.cwd, file), text, { overwrite: true });
  return file;
}
