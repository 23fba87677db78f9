import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir, writeFiles } from '../helpers/temp.js';

const REPO = path.resolve(import.meta.dirname, '../..');

async function snapshot(dir: string): Promise<Record<string, string>> {
  const files = await fg('**', { cwd: dir, dot: true, ignore: ['.opencx/**'] });
  const out: Record<string, string> = {};
  for (const f of files.sort()) out[f] = await readFile(path.join(dir, f), 'utf8');
  return out;
}

describe('init', () => {
  it('sets up an empty folder that validates, plans and applies against the emulator', async () => {
    const dir = await tempDir('Lumen Support ');
    const run = (args: string[]) => runCli(args, { cwd: dir, env: {} });

    const initialised = await run(['init']);
    expect(initialised.stderr).toBe('');
    expect(initialised.code).toBe(0);
    const namespace = path
      .basename(dir)
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-');
    expect(initialised.stdout).toContain(`(namespace "${namespace}")`);
    const next = [...initialised.stdout.matchAll(/^ {2}npx opencx-trainings (\w+)/gm)];
    expect(next.map((m) => m[1])).toEqual(['validate', 'plan', 'apply', 'pull']);
    expect(Object.keys(await snapshot(dir))).toEqual([
      '.github/workflows/trainings-sync.yml',
      '.gitignore',
      '.remarkrc.mjs',
      '.vscode/extensions.json',
      '.vscode/settings.json',
      'opencx.yml',
      'trainings/orders/where-is-my-order.md',
      'trainings/tone-of-voice.md',
    ]);

    const validated = await run(['validate']);
    expect(validated).toMatchObject({ code: 0, stdout: '✔ 2 trainings in trainings/ valid.\n' });

    const planned = await run(['plan', '--detailed-exitcode']);
    expect(planned.stdout.split('\n')[0]).toBe(
      'Target: local (the embedded OpenCX emulator, data in .opencx/emulator.json)',
    );
    expect(planned.stdout).toContain('Plan: 2 to create; 0 unchanged.');
    expect(planned.code).toBe(2);
    expect((await run(['apply', '--yes'])).code).toBe(0);
    expect((await run(['plan', '--detailed-exitcode'])).code).toBe(0);
    expect(await readFile(path.join(dir, '.gitignore'), 'utf8')).toBe('.opencx/\n');
  });

  it('sets up promotion: merges to staging, a workflow that promotes to production', async () => {
    const dir = await tempDir('opencx-promotion-');
    const result = await runCli(['init', '--promotion'], { cwd: dir, env: {} });
    expect(result.code).toBe(0);
    const files = await snapshot(dir);
    expect(Object.keys(files)).toContain('.github/workflows/trainings-promote.yml');
    expect(files['opencx.yml']).toContain('  staging:\n');
    expect(files['.github/workflows/trainings-sync.yml']).toContain('target: staging');
    expect(result.stdout).toContain('trainings-promote.yml');
    expect((await runCli(['validate'], { cwd: dir, env: {} })).code).toBe(0);
  });

  it('never overwrites a file, and a second run changes nothing', async () => {
    const dir = await tempDir('opencx-init-');
    await runCli(['init'], { cwd: dir });
    const before = await snapshot(dir);
    const again = await runCli(['init'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Nothing to do in .: every file exists already.');
    expect(again.stdout).toContain('= opencx.yml');
    expect(await snapshot(dir)).toEqual(before);
  });

  it('adopts a repository that has files: keeps them, appends to .gitignore, adds no examples', async () => {
    const dir = await tempDir('opencx-init-');
    await writeFiles(dir, {
      'opencx.yml': 'namespace: mine\n',
      '.gitignore': 'node_modules/',
      'trainings/refund.md': '---\ntitle: Refund\n---\nText.\n',
    });
    const result = await runCli(['init', '--namespace', 'ignored-when-config-exists'], {
      cwd: dir,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Set up opencx-trainings in .:\n');
    expect(result.stdout).toContain('= opencx.yml');
    expect(result.stdout).toContain('~ .gitignore');
    expect(result.stdout).toContain(
      'The trainings folder already has files, so no examples were added.',
    );
    const files = await snapshot(dir);
    expect(files['opencx.yml']).toBe('namespace: mine\n');
    expect(files['.gitignore']).toBe('node_modules/\n.opencx/\n');
    expect(Object.keys(files).filter((f) => f.startsWith('trainings/'))).toEqual([
      'trainings/refund.md',
    ]);
  });

  it('writes into --dir, and refuses a namespace opencx.yml would refuse', async () => {
    const dir = await tempDir('opencx-init-');
    const result = await runCli(['init', '--dir', 'new-repo', '--namespace', 'acme'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(await readFile(path.join(dir, 'new-repo', 'opencx.yml'), 'utf8')).toContain(
      'namespace: acme\n',
    );
    const bad = await runCli(['init', '--namespace', 'Not Valid'], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--namespace must be lower-case letters');
  });

  it('points the editor settings at schemas the package ships', async () => {
    const dir = await tempDir('opencx-init-');
    await runCli(['init'], { cwd: dir });
    const settings = JSON.parse(
      await readFile(path.join(dir, '.vscode/settings.json'), 'utf8'),
    ) as {
      'yaml.schemas': Record<string, string>;
    };
    const pkg = JSON.parse(await readFile(path.join(REPO, 'package.json'), 'utf8')) as {
      files: string[];
    };
    expect(pkg.files).toContain('schema');
    for (const schema of Object.keys(settings['yaml.schemas'])) {
      const shipped = schema.replace('./node_modules/opencx-trainings/', '');
      await expect(readFile(path.join(REPO, shipped), 'utf8')).resolves.toContain('"$schema"');
    }
    const remark = await readFile(path.join(dir, '.remarkrc.mjs'), 'utf8');
    expect(remark).toContain('./node_modules/opencx-trainings/schema/training.schema.json');
    await expect(
      readFile(path.join(REPO, 'schema/training.schema.json'), 'utf8'),
    ).resolves.toContain('"$schema"');
  });
});
