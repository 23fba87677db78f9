import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * An id of the code that is running: a hash of the tool's own code files, that is the `.js`
 * files of dist/ when built, or the `.ts` files of src/ when run from source (tests excluded),
 * and of the versions of the libraries that read training files. Anything derived by this code
 * (the parse cache) is valid for this id only, so that a change to the code or an upgrade of a
 * parser drops it even when the version number stays the same.
 *
 * Reading the files costs a few milliseconds, so it is done once per process, and only by the
 * commands that need it.
 */
export function currentBuildId(): string {
  if (memo === undefined) {
    const self = fileURLToPath(import.meta.url);
    // This module is <code>/util/build-id.{js,ts}: the code folder is one level up.
    const code = hashCodeFiles(path.dirname(path.dirname(self)), path.extname(self));
    memo = createHash('sha256')
      .update(code)
      .update(PARSERS.map(versionOf).join('\0'))
      .digest('base64url')
      .slice(0, 22);
  }
  return memo;
}

/** The libraries whose output the parse cache keeps. */
const PARSERS = ['yaml', 'gray-matter', 'zod'];

/** The installed version of a package, found from its entry point; '?' when it cannot be read. */
function versionOf(name: string): string {
  try {
    let dir = path.dirname(createRequire(import.meta.url).resolve(name));
    for (; dir !== path.dirname(dir); dir = path.dirname(dir)) {
      const manifest = readJson(path.join(dir, 'package.json'));
      if (manifest?.name === name) return `${name}@${String(manifest.version)}`;
    }
  } catch {
    // Not resolvable from here: the id then only covers our own code.
  }
  return `${name}@?`;
}

function readJson(file: string): { name?: unknown; version?: unknown } | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown };
  } catch {
    return undefined;
  }
}

let memo: string | undefined;

/** A hash of every `*<extension>` file under `folder` (not tests, not declarations), by path. */
export function hashCodeFiles(folder: string, extension: string): string {
  const hash = createHash('sha256');
  for (const file of listCodeFiles(folder, extension).sort()) {
    hash
      .update(`${file}\0`)
      .update(readFileSync(path.join(folder, file)))
      .update('\0');
  }
  return hash.digest('base64url').slice(0, 22);
}

/**
 * Paths under `folder`, with `/`. A walk of our own: `readdirSync(..., { recursive: true })`
 * takes several times longer than the rest of the work together.
 */
function listCodeFiles(folder: string, extension: string, prefix = ''): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(path.join(folder, prefix), { withFileTypes: true })) {
    const relative = `${prefix}${entry.name}`;
    if (entry.isDirectory()) files.push(...listCodeFiles(folder, extension, `${relative}/`));
    else if (entry.name.endsWith(extension) && !/\.(test|d)\.[^.]+$/.test(entry.name)) {
      files.push(relative);
    }
  }
  return files;
}
