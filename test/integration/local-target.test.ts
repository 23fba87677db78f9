import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { budgetOf } from '../../src/app/connect.js';
import { runCli } from '../helpers/cli.js';
import { numberedFiles } from '../helpers/project.js';
import { tempDir, writeFiles } from '../helpers/temp.js';

/** A repository whose default target is the embedded emulator, with `files` as its trainings. */
async function aLocalProject(count: number, target = 'emulator: true') {
  const dir = await tempDir('opencx-local-');
  await writeFile(
    path.join(dir, 'opencx.yml'),
    `namespace: local-test\ntargets:\n  here:\n    ${target}\ndefault_target: here\n`,
  );
  await writeFiles(path.join(dir, 'trainings'), numberedFiles(count));
  return { dir, run: (args: string[]) => runCli(args, { cwd: dir, env: {} }) };
}

describe('the embedded local target', () => {
  it('enforces no rate limit unless asked: 150 creates go through at once', async () => {
    const project = await aLocalProject(150);
    const applied = await project.run(['apply', '--yes']);
    expect(applied.stderr).toBe('');
    expect(applied.stdout).toContain('Apply complete: 150 created.');
    const data = JSON.parse(
      await readFile(path.join(project.dir, '.opencx', 'emulator.json'), 'utf8'),
    ) as { trainings: unknown[] };
    expect(data.trainings).toHaveLength(150);
  });
});

describe('budgetOf', () => {
  it('is the share of the limit, at least one request', () => {
    expect(budgetOf({ requestsPerMinute: 100, share: 1, concurrency: 4 })).toBe(100);
    expect(budgetOf({ requestsPerMinute: 100, share: 0.8, concurrency: 4 })).toBe(80);
    expect(budgetOf({ requestsPerMinute: 3, share: 0.1, concurrency: 4 })).toBe(1);
  });
});
