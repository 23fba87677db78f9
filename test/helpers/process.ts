import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { CliResult } from './cli.js';

const run = promisify(execFile);

/** Run a program to its end: its exit code and output, whether it succeeds or not. */
export async function runProcess(
  file: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(file, args, options);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
