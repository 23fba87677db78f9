import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp.js';

const run = promisify(execFile);
const REPO = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(REPO, 'dist', 'bin.js');

/** The built command as a user runs it: a separate process, real exit codes. */
async function bin(
  args: string[],
  cwd = REPO,
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('the built command', () => {
  beforeAll(() => {
    if (!existsSync(BIN)) throw new Error('dist/bin.js is missing: run "npm run build" first');
  });

  it('validates the example trainings', async () => {
    const result = await bin(['validate', '--no-cache']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^✔ 17 trainings in trainings\/ valid\.\n$/);
  });

  it('prints its version and usage', async () => {
    const version = await bin(['--version']);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const help = await bin(['--help']);
    expect(help.stdout).toContain('Usage: opencx-trainings <command>');
  });

  it('exits 1 with a suggestion on a mistyped command', async () => {
    const result = await bin(['valdate']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Unknown command "valdate". Did you mean "validate"?');
  });

  it('sets up a new repository that validates and plans, as the README shows', async () => {
    const dir = await tempDir('opencx-new-repo-');
    expect((await bin(['init'], dir)).code).toBe(0);
    expect(await bin(['validate'], dir)).toMatchObject({
      code: 0,
      stdout: '✔ 2 trainings in trainings/ valid.\n',
    });
    const planned = await bin(['plan'], dir);
    expect(planned.code).toBe(0);
    expect(planned.stdout).toContain('Plan: 2 to create; 0 unchanged.');
  });
});
