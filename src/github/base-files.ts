import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The project folder as it is at commit `sha` (the pull request's base), extracted with git into
 * a temporary folder, for `use` to read; removed afterwards. The commit is fetched when the
 * checkout lacks it (actions/checkout fetches one commit by default). Undefined when git cannot
 * give it: not a git checkout, no such commit, or no network to fetch it.
 */
export async function withBaseFiles<T>(
  projectDir: string,
  sha: string,
  use: (dir: string) => Promise<T>,
): Promise<T | undefined> {
  const git = (...args: string[]) =>
    run('git', args, { cwd: projectDir, maxBuffer: 256 * 1024 * 1024, encoding: 'buffer' });
  // Paths of `git archive` are from the top of the repository.
  const gitAtTop = (top: string, ...args: string[]) => git('-C', top, ...args);
  let top: string;
  try {
    top = (await git('rev-parse', '--show-toplevel')).stdout.toString().trim();
    const present = await git('cat-file', '-e', `${sha}^{commit}`).then(
      () => true,
      () => false,
    );
    if (!present) await git('fetch', '--no-tags', '--depth=1', 'origin', sha);
  } catch {
    return undefined;
  }
  const relative = path.relative(top, projectDir) || '.';
  const dir = await mkdtemp(path.join(os.tmpdir(), 'opencx-base-'));
  try {
    const archive = await gitAtTop(top, 'archive', '--format=tar', sha, '--', relative).catch(
      () => undefined,
    );
    const tree = path.join(dir, 'tree');
    await mkdir(tree);
    // A folder that did not exist at the base: an empty base.
    if (archive !== undefined) {
      const file = path.join(dir, 'base.tar');
      await writeFile(file, archive.stdout);
      await run('tar', ['-xf', file, '-C', tree]);
    }
    return await use(path.join(tree, relative));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
