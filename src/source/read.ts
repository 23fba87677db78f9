import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import fg from 'fast-glob';
import { diagnose } from '../diagnostics/catalog.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Desired } from '../model/training.js';
import { checkDirectories } from './directories.js';
import { checkIdentities } from './identity.js';
import { isInside } from '../util/safe-write.js';
import { keyFromPath } from './normalize.js';
import type { FileJob } from './read-file.js';
import { NO_CACHE, openSourceCache } from './cache.js';
import { readTrainingFile } from './read-file.js';

export interface ReadTrainingsOptions {
  /** The trainings folder, absolute or relative to `cwd`. */
  root: string;
  cwd: string;
  /** Directory names mapped to ids (config `directories:`). */
  directories?: Readonly<Record<string, string>>;
  /** Where `.opencx/cache/` lives, or null to parse every file afresh. */
  cacheDir?: string | null;
}

export interface SourceState {
  trainings: Desired[];
  /** Every problem found, errors and warnings, across all files. */
  diagnostics: Diagnostic[];
  /** How many files were read as trainings. */
  files: number;
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
    };
  }

  const { files, diagnostics } = await findTrainingFiles(root, display);
  const jobs = files.map((relative): FileJob => {
    const absolute = path.join(root, relative);
    return { absolute, file: display(absolute), pathKey: keyFromPath(relative) };
  });
  const cache = options.cacheDir == null ? NO_CACHE : await openSourceCache(options.cacheDir);
  const results = jobs.map((job) => readTrainingFile(job, cache));
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
  return { trainings, diagnostics, files: files.length };
}

/** Paths under the root (with `/`) of files that are trainings: `*.md`, not `_*`, not README. */
async function findTrainingFiles(
  root: string,
  display: (absolute: string) => string,
): Promise<{ files: string[]; diagnostics: Diagnostic[] }> {
  const realRoot = await realpath(root);
  const entries = await fg('**', {
    cwd: root,
    onlyFiles: false,
    followSymbolicLinks: false,
    objectMode: true,
    dot: false,
  });
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const entry of entries) {
    if (!entry.dirent.isSymbolicLink()) {
      if (entry.dirent.isFile() && isTrainingName(entry.name)) files.push(entry.path);
      continue;
    }
    // A link is followed only when it stays inside the root; a linked directory never is,
    // since whatever it points to inside the root is found at its real place anyway.
    const absolute = path.join(root, entry.path);
    const target = await realpath(absolute).catch(() => undefined);
    const targetStat = target === undefined ? undefined : await stat(target);
    if (target === undefined || targetStat === undefined) continue;
    if (!targetStat.isDirectory() && !isTrainingName(entry.name)) continue;
    if (!isInside(realRoot, target)) {
      diagnostics.push(
        diagnose('symlink-outside-root', { target: display(target) }, { file: display(absolute) }),
      );
    } else if (targetStat.isFile()) {
      files.push(entry.path);
    }
  }
  files.sort();
  return { files, diagnostics };
}

function isTrainingName(name: string): boolean {
  return (
    name.toLowerCase().endsWith('.md') &&
    !name.startsWith('_') &&
    name.toLowerCase() !== 'readme.md'
  );
}
