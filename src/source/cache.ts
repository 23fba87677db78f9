import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../util/safe-write.js';
import { asFileResult, type FileResult } from './file-result.js';

/**
 * Parsing YAML is most of the cost of reading a large repository, and the result of reading a
 * file depends only on its path, its bytes and the code that reads it. So `validate` keeps
 * results between runs, keyed by a hash of path and bytes, in a file that belongs to one build
 * of the tool: a file written by other code is never used (like ruff's or mypy's cache).
 *
 * Only `validate` uses it, and the file lives outside the work tree (cache-location.ts): what
 * plan and apply send must come from the training files alone, never from a file that a commit
 * or a pull request could rewrite.
 */
export interface SourceCache {
  key(file: string, pathKey: string, bytes: Uint8Array): string;
  get(key: string): FileResult | undefined;
  set(key: string, result: FileResult): void;
  /** Write the entries used in this run, if anything changed. Never fails the command. */
  save(): Promise<void>;
}

/** Where the cache is kept, and the build of the tool its entries must come from. */
export interface SourceCacheFile {
  file: string;
  build: string;
}

interface CacheFile {
  build: string;
  entries: Record<string, unknown>;
}

export async function openSourceCache({ file, build }: SourceCacheFile): Promise<SourceCache> {
  const previous = await readCacheFile(file, build);
  const used = new Map<string, FileResult>();
  let changed = false;
  return {
    key: cacheKey,
    get: (key) => {
      const hit = asFileResult(previous.get(key));
      if (hit !== undefined) used.set(key, hit);
      return hit;
    },
    set: (key, result) => {
      used.set(key, result);
      changed = true;
    },
    save: async () => {
      if (!changed && used.size === previous.size) return;
      const content: CacheFile = { build, entries: Object.fromEntries(used) };
      try {
        await writeFileAtomic(file, JSON.stringify(content), { overwrite: true });
      } catch {
        // A read-only cache folder still validates; it only stays slow.
      }
    },
  };
}

/** The key of one file's result: its path as shown, the key its path gives, and its bytes. */
export function cacheKey(file: string, pathKey: string, bytes: Uint8Array): string {
  return createHash('sha1').update(`${file}\0${pathKey}\0`).update(bytes).digest('base64url');
}

/** No cache at all: every file is parsed. */
export const NO_CACHE: SourceCache = {
  key: () => '',
  get: () => undefined,
  set: () => undefined,
  save: () => Promise.resolve(),
};

/** The raw entries of a cache file of this build; anything else reads as an empty cache. */
async function readCacheFile(file: string, build: string): Promise<Map<string, unknown>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return new Map();
  }
  if (typeof parsed !== 'object' || parsed === null) return new Map();
  const { build: written, entries } = parsed as Partial<CacheFile>;
  if (written !== build || typeof entries !== 'object' || entries === null) return new Map();
  if (Array.isArray(entries)) return new Map();
  return new Map(Object.entries(entries));
}
