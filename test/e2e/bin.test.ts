import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliResult } from '../helpers/cli.js';
import { runProcess } from '../helpers/process.js';
import { tempDir } from '../helpers/temp.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(REPO, 'dist', 'bin.js');

/** The built command as a user runs it: a separate process, real exit codes. */
async function bin(args: string[], cwd = REPO): Promise<CliResult> {
  // No API key from the machine running the tests may pick a real target, and no parse cache
  // lands in the home folder of whoever runs them.
  return runProcess(process.execPath, [BIN, ...args], {
    cwd,
    env: {
      ...process.env,
      NO_COLOR: '1',
      OPENCX_API_KEY: '',
      OPENCX_CACHE_DIR: await tempDir('opencx-cache-'),
    },
  });
}

describe('the built command', () => {
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

describe('the main job', () => {
  it('syncs the example trainings to the embedded emulator, then finds nothing to do', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'opencx-main-job-'));
    try {
      await cp(path.join(REPO, 'trainings'), path.join(dir, 'trainings'), { recursive: true });
      await cp(path.join(REPO, 'opencx.yml'), path.join(dir, 'opencx.yml'));
      const first = await bin(['apply', '--yes'], dir);
      expect(first.stdout.split('\n')[0]).toBe(
        'Target: local (the embedded OpenCX emulator, data in .opencx/emulator.json)',
      );
      expect(first.stdout).toContain('Apply complete: 17 created.');
      expect(first.code).toBe(0);
      const second = await bin(['apply', '--yes'], dir);
      expect(second.stdout).toContain('No changes. OpenCX matches the files (17 trainings).');
      const stored = JSON.parse(
        await readFile(path.join(dir, '.opencx', 'emulator.json'), 'utf8'),
      ) as {
        trainings: unknown[];
      };
      expect(stored.trainings).toHaveLength(17);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('targets the embedded emulator when there is no config and no API key', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'opencx-no-config-'));
    try {
      await mkdir(path.join(dir, 'trainings'));
      await writeFile(
        path.join(dir, 'trainings', 'hello.md'),
        '---\ntitle: Hello\n---\nSay hello.\n',
      );
      const result = await bin(['plan'], dir);
      expect(result.stdout.split('\n')[0]).toBe(
        'Target: local (the embedded OpenCX emulator, data in .opencx/emulator.json)',
      );
      expect(result.stdout).toContain('Plan: 1 to create; 0 unchanged.');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
