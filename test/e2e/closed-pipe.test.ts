import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runProcess } from '../helpers/process.js';
import { numberedFiles } from '../helpers/project.js';
import { tempDir, writeFiles } from '../helpers/temp.js';

const BIN = path.resolve(import.meta.dirname, '../../dist/bin.js');

/** A repository of `count` trainings whose target is the embedded local emulator. */
async function localRepository(count: number): Promise<string> {
  const dir = await tempDir('opencx-pipe-');
  await writeFile(
    path.join(dir, 'opencx.yml'),
    'namespace: pipe\ntargets:\n  here:\n    emulator: true\ndefault_target: here\n',
  );
  await writeFiles(path.join(dir, 'trainings'), numberedFiles(count));
  return dir;
}

/**
 * Run the built command with its stdout read by someone who leaves after the first chunk, as
 * `| head -1` does: its exit status and what it wrote on stderr.
 */
function runIntoClosedPipe(
  args: string[],
  cwd: string,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', OPENCX_API_KEY: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('a closed output pipe', () => {
  it('ends a command that only reads quietly, with exit status 0', async () => {
    const dir = await localRepository(1500);
    for (const args of [['plan', '--format', 'json'], ['plan', '--verbose'], ['validate']]) {
      const result = await runIntoClosedPipe(args, dir);
      expect(result.stderr, args.join(' ')).not.toMatch(/EPIPE|Error|at /);
      expect(result.code, args.join(' ')).toBe(0);
    }
  });

  it('lets apply finish its work, its output dropped', async () => {
    const dir = await localRepository(200);
    const result = await runIntoClosedPipe(['apply', '--yes'], dir);
    expect(result.stderr).not.toMatch(/EPIPE|Error/);
    expect(result.code).toBe(0);
    // All 200 created: a plan read to its end finds nothing to do.
    const again = await runProcess(process.execPath, [BIN, 'plan', '--detailed-exitcode'], {
      cwd: dir,
      env: { ...process.env, OPENCX_API_KEY: '' },
    });
    expect(again.stdout).toContain('No changes');
    expect(again.code).toBe(0);
  });
});
