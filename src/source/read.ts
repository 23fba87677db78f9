import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { type Diagnostic, diagnose } from '../diagnostics/diagnostic.js';
import type { Desired } from '../model/training.js';
import { checkDirectories } from './directories.js';
import { checkIdentities } from './identity.js';
import { keyFromPath } from './normalize.js';
import type { FileJob } from './read-file.js';
import { NO_CACHE, openSourceCache, type SourceCacheFile } from './cache.js';
import { readTrainingFile } from './read-file.js';
import { findTrainings } from './walk.js';

export interface ReadTrainingsOptions {
  /** The trainings folder, absolute or relative to `cwd`. */
  root: string;
  cwd: string;
  /** Directory names mapped to ids (config `directories:`). */
  directories?: Readonly<Record<string, string>>;
  /** The parse cache to use (see cache.ts), or null to parse every file afresh. */
  cache?: SourceCacheFile | null;
}

export interface SourceState {
  trainings: Desired[];
  /** Every problem found, errors and warnings, across all files. */
  diagnostics: Diagnostic[];
  /** How many files were read as trainings. */
  files: number;
  /**
   * sha-256 of every training file's path and bytes, in path order: the files exactly as read,
   * for the fingerprint of a plan made from them.
   */
  digest: string;
}

/**
 * Find, read, parse and check every training under the root. Never stops at the first problem:
 * the result holds all diagnostics, and only files without errors become trainings.
 */
export async function readTrainings(options: ReadTrainingsOptions): Promise<SourceState> {
  const root = path.resolve(options.cwd, options.root);
  const display = (absolute: string): string =>
    path.relative(options.cwd, absolute).split(path.sep).join('/') || '.';

  const rootStat = await stat(root).catch(() => undefined);
  if (rootStat?.isDirectory() !== true) {
    return {
      trainings: [],
      files: 0,
      diagnostics: [diagnose('root-missing', { root: display(root) })],
      digest: createHash('sha256').digest('hex'),
    };
  }

  const { files, diagnostics } = findTrainings(root, display);
  const jobs = files.map((relative): FileJob => {
    const absolute = path.join(root, relative);
    return { absolute, file: display(absolute), pathKey: keyFromPath(relative) };
  });
  const cache = options.cache == null ? NO_CACHE : await openSourceCache(options.cache);
  const hash = createHash('sha256');
  const onRead = (file: string, bytes: Uint8Array): void => {
    hash.update(`${file}\0${bytes.length}\0`).update(bytes);
  };
  const results = jobs.map((job) => readTrainingFile(job, cache, onRead));
  await cache.save();

  const trainings: Desired[] = [];
  for (const result of results) {
    if ('training' in result) trainings.push(result.training);
    else diagnostics.push(...result.diagnostics);
  }
  diagnostics.push(
    ...checkIdentities(trainings),
    ...checkDirectories(trainings, options.directories ?? {}),
  );
  return { trainings, diagnostics, files: files.length, digest: hash.digest('hex') };
}
