import { appendFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import fg from 'fast-glob';
import type { InitResult } from '../render/init-report.js';
import { resolveInside, writeFileAtomic } from '../util/safe-write.js';
import { EXAMPLES_DIR, gitignoreChange, namespaceFor, scaffoldFiles } from '../init/scaffold.js';

/** What `init` did in a folder, for its report. */
export interface InitOutcome {
  namespace: string;
  /** Whether the example trainings were part of it (only in a folder without trainings). */
  examples: boolean;
  /** One per file, in the order of the scaffold, .gitignore last. */
  results: InitResult[];
}

/**
 * Set up a repository of trainings in `dir` (absolute). Never overwrites: a file that exists,
 * even one created a moment ago by someone else, is left as it is and reported; a path that a
 * linked folder would lead outside `dir` is not written. `.gitignore` is only ever appended to.
 */
export async function initRepository(options: {
  dir: string;
  namespace: string | undefined;
  version: string;
  promotion?: boolean;
}): Promise<InitOutcome> {
  const { dir, version } = options;
  const namespace = options.namespace ?? namespaceFor(path.basename(dir));
  const existingTrainings = await fg('**/*.md', { cwd: path.join(dir, EXAMPLES_DIR) });
  const examples = existingTrainings.length === 0;
  const results: InitResult[] = [];
  const promotion = options.promotion === true;
  for (const file of scaffoldFiles({ namespace, version, withExamples: examples, promotion })) {
    const absolute = await resolveInside(dir, file.path);
    const outcome =
      absolute === undefined
        ? 'outside'
        : await writeFileAtomic(absolute, file.text, { overwrite: false });
    results.push({
      path: file.path,
      purpose: file.purpose,
      outcome: outcome === 'written' ? 'created' : outcome,
    });
  }
  results.push(await updateGitignore(dir));
  return { namespace, examples, results };
}

/** Add `.opencx/` to .gitignore: appended to an existing file, never rewriting it. */
async function updateGitignore(dir: string): Promise<InitResult> {
  const file = path.join(dir, '.gitignore');
  const purpose = 'keeps the emulator data (.opencx/) out of Git';
  const existing = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  const change = gitignoreChange(existing);
  if (change === null) return { path: '.gitignore', purpose, outcome: 'exists' };
  if (change.kind === 'append') {
    await appendFile(file, change.text);
    return { path: '.gitignore', purpose, outcome: 'appended' };
  }
  const outcome = await writeFileAtomic(file, change.text, { overwrite: false });
  return { path: '.gitignore', purpose, outcome: outcome === 'written' ? 'created' : 'exists' };
}
