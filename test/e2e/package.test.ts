import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useEmulator } from '../helpers/emulator.js';
import { runProcess } from '../helpers/process.js';
import { md, numberedFiles } from '../helpers/project.js';
import { writeFiles } from '../helpers/temp.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

interface Packed {
  filename: string;
  files: { path: string }[];
}

/** The package as npm would publish it, installed in an empty project of its own, in `dir`. */
async function installPacked(dir: string): Promise<{ files: string[]; app: string }> {
  const out = path.join(dir, 'pack');
  await mkdir(out);
  // dist/ is built by the e2e setup; the tarball is made of it as it is.
  const { stdout } = await run(
    'npm',
    ['pack', '--json', '--ignore-scripts', '--pack-destination', out],
    { cwd: REPO },
  );
  const [packed] = JSON.parse(stdout) as Packed[];
  if (packed === undefined) throw new Error('npm pack made no tarball');
  const app = path.join(dir, 'app');
  const installed = path.join(app, 'node_modules', 'opencx-trainings');
  await mkdir(installed, { recursive: true });
  await run('tar', [
    '-xzf',
    path.join(out, packed.filename),
    '-C',
    installed,
    '--strip-components=1',
  ]);
  // Its dependencies from this repository's install: no registry needed.
  const manifest = JSON.parse(await readFile(path.join(REPO, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  for (const name of Object.keys(manifest.dependencies)) {
    await mkdir(path.dirname(path.join(app, 'node_modules', name)), { recursive: true });
    await symlink(path.join(REPO, 'node_modules', name), path.join(app, 'node_modules', name));
  }
  await writeFile(path.join(app, 'package.json'), '{ "type": "module", "private": true }\n');
  return { files: packed.files.map((f) => f.path).sort(), app };
}

/** Run an ES module script in the installed project; its stdout parsed as JSON. */
async function script(
  app: string,
  source: string,
  env: Record<string, string> = {},
): Promise<unknown> {
  const file = path.join(app, `script-${Math.random().toString(36).slice(2)}.mjs`);
  await writeFile(file, source);
  const result = await runProcess(process.execPath, [file], {
    cwd: app,
    env: { ...process.env, ...env },
  });
  if (result.code !== 0) throw new Error(`script failed (${result.code}): ${result.stderr}`);
  return JSON.parse(result.stdout) as unknown;
}

describe('the published package', () => {
  // One install for all the tests below: made once, removed after the last.
  let dir = '';
  let packed: { files: string[]; app: string };
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'opencx-package-'));
    packed = await installPacked(dir);
  }, 60_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('publishes what users need, and nothing else', async () => {
    // What `npm publish` would send: the same list as the tarball installed below.
    const { stdout } = await run('npm', ['publish', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: REPO,
    });
    const published = (JSON.parse(stdout) as Record<string, Packed>)['opencx-trainings'];
    const files = (published?.files ?? []).map((f) => f.path).sort();
    expect(files).toEqual(packed.files);
    expect(files).toEqual(
      expect.arrayContaining([
        'package.json',
        'README.md',
        'LICENSE',
        'CHANGELOG.md',
        'dist/bin.js',
        'dist/index.js',
        'dist/index.d.ts',
        'schema/training.schema.json',
        'schema/opencx.schema.json',
      ]),
    );
    const unexpected = files.filter(
      (f) =>
        !/^(package\.json|README\.md|LICENSE|CHANGELOG\.md)$/.test(f) &&
        !/^(dist|schema)\//.test(f),
    );
    expect(unexpected).toEqual([]);
    expect(files.filter((f) => /\.map$|\.test\.|tsbuildinfo/.test(f))).toEqual([]);
  });

  it('resolves its entry point, its schemas and its package.json', async () => {
    const resolved = (await script(
      packed.app,
      `import * as api from 'opencx-trainings';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import manifest from 'opencx-trainings/package.json' with { type: 'json' };
const schema = JSON.parse(readFileSync(fileURLToPath(import.meta.resolve('opencx-trainings/schema/training.schema.json')), 'utf8'));
console.log(JSON.stringify({ exports: Object.keys(api).sort(), name: manifest.name, schema: schema.$schema !== undefined }));`,
    )) as { exports: string[]; name: string; schema: boolean };
    expect(resolved).toEqual({
      exports: ['ProblemsError', 'apply', 'formatPlan', 'plan', 'validate'],
      name: 'opencx-trainings',
      schema: true,
    });
  });

  it('plans and applies from a script against an OpenCX API', async () => {
    const emulator = await useEmulator();
    const repo = path.join(packed.app, 'repo');
    await writeFiles(path.join(repo, 'trainings'), {
      ...numberedFiles(2),
      'tone.md': md('title: Tone\ntype: BEHAVIORAL'),
    });
    await writeFile(
      path.join(repo, 'opencx.yml'),
      `namespace: scripted\ntargets:\n  test:\n    url: ${emulator.url}\n    token_env: SCRIPT_KEY\ndefault_target: test\n`,
    );
    const outcome = (await script(
      packed.app,
      `import { apply, plan } from 'opencx-trainings';
const options = { cwd: ${JSON.stringify(repo)} };
const before = await plan(options);
const { report } = await apply({ ...options, plan: before });
const after = await plan(options);
console.log(JSON.stringify({ before: before.summary.create, applied: report.counts.ok, after: after.summary['no-op'] }));`,
      { SCRIPT_KEY: emulator.token },
    )) as Record<string, number>;
    expect(outcome).toEqual({ before: 3, applied: 3, after: 3 });
    expect(emulator.store.trainings()).toHaveLength(3);
  });
});
