import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../util/safe-write.js';
import { VERSION } from '../version.js';
import type { FileResult } from './read-file.js';

/**
 * Parsing YAML is most of the cost of reading a large repository, and the result of reading a
 * file depends only on its path and its bytes. So results are kept between runs, keyed by a hash
 * of both, in the project's `.opencx/cache/` (like ruff's or mypy's cache). A new version of
 * the tool starts from an empty cache; entries of files that are gone are dropped on save.
 */
export interface SourceCache {
  key(file: string, pathKey: string, bytes: Uint8Array): string;
  get(key: string): FileResult | undefined;
  set(key: string, result: FileResult): void;
  /** Write the entries used in this run, if anything changed. Never fails the command. */
  save(): Promise<void>;
}

export const CACHE_FILE = '.opencx/cache/source.json';

interface CacheFile {
  version: string;
  entries: Record<string, FileResult>;
}

export async function openSourceCache(projectDir: string): Promise<SourceCache> {
  const file = path.join(projectDir, CACHE_FILE);
  const previous = await readCacheFile(file);
  const used = new Map<string, FileResult>();
  let changed = false;
  return {
    key: (display, pathKey, bytes) =>
      createHash('sha1').update(`${display}\0${pathKey}\0`).update(bytes).digest('base64url'),
    get: (key) => {
      const hit = previous.get(key);
      if (hit !== undefined) used.set(key, hit);
      return hit;
    },
    set: (key, result) => {
      used.set(key, result);
      changed = true;
    },
    save: async () => {
      if (!changed && used.size === previous.size) return;
      const content: CacheFile = { version: VERSION, entries: Object.fromEntries(used) };
      try {
        await writeFileAtomic(file, JSON.stringify(content), { overwrite: true });
      } catch {
        // A read-only checkout still validates; it only stays slow.
      }
    },
  };
}

/** No cache at all: every file is parsed. */
export const NO_CACHE: SourceCache = {
  key: () => '',
  get: () => undefined,
  set: () => undefined,
  save: () => Promise.resolve(),
};

async function readCacheFile(file: string): Promise<Map<string, FileResult>> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<CacheFile>;
    if (
      parsed.version !== VERSION ||
      typeof parsed.entries !== 'object' ||
      parsed.entries === null
    ) {
      return new Map();
    }
    return new Map(Object.entries(parsed.entries));
  } catch {
    return new Map();
  }
}
