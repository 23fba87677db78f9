import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Desired } from '../model/training.js';
import type { LocalTraining } from './select.js';

/**
 * The repository's training files as pull compares them with the org: their identity, and
 * their path from the output folder `dir` (absolute), with `/`. `cwd` is what the files' paths
 * are relative to.
 */
export function localTrainings(
  trainings: readonly Desired[],
  dir: string,
  cwd: string,
): LocalTraining[] {
  return trainings.map((d) => ({
    file: path.relative(dir, path.resolve(cwd, d.file)).split(path.sep).join('/'),
    key: d.key,
    id: d.id,
    directory: d.directory,
  }));
}

/**
 * Files that could not be read as trainings. Pull stops on them, since one may pin a training
 * that would then be written twice; problems between valid files (an unmapped directory, a
 * repeated key) do not hide any identity and do not stop it.
 */
export function unreadableFiles(
  diagnostics: readonly Diagnostic[],
  trainings: readonly { file: string }[],
): Diagnostic[] {
  const read = new Set(trainings.map((t) => t.file));
  return diagnostics.filter(
    (d) => d.severity === 'error' && d.file !== undefined && !read.has(d.file),
  );
}
