import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Commit everything in `dir` (a repository is made there first if needed); the commit's sha. */
export async function commitAll(dir: string, message: string): Promise<string> {
  const git = (...args: string[]) =>
    run('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], {
      cwd: dir,
    });
  await git('init', '--quiet');
  await git('add', '--all');
  await git('commit', '--quiet', '--allow-empty', '-m', message);
  return (await git('rev-parse', 'HEAD')).stdout.trim();
}
