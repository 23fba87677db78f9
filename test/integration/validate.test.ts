import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { locateSourceCache } from '../../src/source/cache-location.js';
import { readTrainings } from '../../src/source/read.js';
import { currentBuildId } from '../../src/util/build-id.js';
import { runCli } from '../helpers/cli.js';
import { copyFixture, tempDir, writeFiles } from '../helpers/temp.js';

interface JsonReport {
  format_version: number;
  valid: boolean;
  files: number;
  trainings: number;
  errors: number;
  warnings: number;
  diagnostics: {
    code: string;
    file?: string;
    line?: number;
    column?: number;
    field?: string;
    message: string;
    hint?: string;
  }[];
}

async function validateJson(
  cwd: string,
  ...args: string[]
): Promise<{ code: number; report: JsonReport }> {
  const result = await runCli(['validate', '--format', 'json', ...args], { cwd });
  return { code: result.code, report: JSON.parse(result.stdout) as JsonReport };
}

/** The broken fixture plus the cases that cannot live in Git: a huge file and symlinks. */
async function brokenProject(): Promise<string> {
  const dir = await copyFixture('broken');
  const trainings = path.join(dir, 'trainings');
  await writeFile(
    path.join(trainings, 'too-large.md'),
    `---\ntitle: Big\n---\n${'x'.repeat(300 * 1024)}\n`,
  );
  await mkdir(path.join(dir, 'elsewhere'));
  await writeFile(
    path.join(dir, 'elsewhere', 'secret.md'),
    '---\ntitle: Outside\n---\nNot ours.\n',
  );
  await symlink(path.join(dir, 'elsewhere', 'secret.md'), path.join(trainings, 'link-out.md'));
  await symlink(path.join(dir, 'elsewhere'), path.join(trainings, 'linked-dir'));
  await symlink(path.join(trainings, 'valid.md'), path.join(trainings, 'link-in.md'));
  await symlink('removed.md', path.join(trainings, 'dangling.md'));
  await symlink('loop.md', path.join(trainings, 'loop.md'));
  return dir;
}

describe('validate', () => {
  it('accepts the example trainings of this repository', async () => {
    const repo = path.resolve(import.meta.dirname, '../..');
    const result = await runCli(['validate', '--no-cache'], { cwd: repo });
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^✔ \d+ trainings in trainings\/ valid\.\n$/);
    expect(result.code).toBe(0);
  });

  it('reports every broken file at once, each with its file, line, field and fix', async () => {
    const { code, report } = await validateJson(await brokenProject());
    expect(code).toBe(1);
    expect(report.valid).toBe(false);
    const found = report.diagnostics.map(
      (d) => `${d.code} ${d.file}:${d.line ?? '-'}:${d.column ?? '-'} ${d.field ?? ''}`,
    );
    expect(found).toEqual([
      'yaml-alias-limit trainings/alias-bomb.md:2:1 ',
      'invalid-value trainings/bad-enums.md:3:17 channels.1',
      'invalid-value trainings/bad-enums.md:4:7 type',
      'symlink-dangling trainings/dangling.md:-:- ',
      'duplicate-id trainings/dup-id-a.md:3:1 id',
      'duplicate-id trainings/dup-id-b.md:3:1 id',
      'empty-body trainings/empty-body.md:4:1 ',
      'empty-value trainings/empty-title.md:2:8 title',
      'frontmatter-language trainings/js-engine.md:1:4 ',
      'encoding-invalid trainings/latin1.md:2:1 ',
      'symlink-outside-root trainings/link-out.md:-:- ',
      'symlink-outside-root trainings/linked-dir:-:- ',
      'symlink-loop trainings/loop.md:-:- ',
      'required trainings/missing-title.md:2:1 title',
      'duplicate-key trainings/nested/dup-key-a.md:3:1 key',
      'duplicate-key trainings/nested/dup-key-b.md:3:1 key',
      'file-too-large trainings/too-large.md:1:1 ',
      'frontmatter-unclosed trainings/unclosed.md:1:1 ',
      'unknown-key trainings/unknown-key.md:3:1 chanels',
      'directory-unmapped trainings/unmapped-directory.md:3:1 directory',
      'invalid-type trainings/wrong-types.md:3:8 draft',
      'invalid-type trainings/wrong-types.md:4:11 segments',
      'yaml-syntax trainings/yaml-syntax.md:3:15 ',
    ]);
    // README.md and _partial.md are not trainings; link-in.md, a link inside the root, is one.
    expect(report.files).toBe(19);
    expect(report.trainings).toBe(7);
    expect(report.warnings).toBe(2);
  });

  it('says what is wrong and how to fix it', async () => {
    const { report } = await validateJson(await brokenProject());
    const byFile = (file: string) =>
      report.diagnostics.filter((d) => d.file === `trainings/${file}`);
    expect(byFile('unknown-key.md')[0]).toMatchObject({
      message: 'Unknown key "chanels".',
      hint: expect.stringContaining('Did you mean "channels"?') as string,
    });
    expect(byFile('bad-enums.md').map((d) => [d.message, d.hint])).toEqual([
      ['Invalid channel "emial".', expect.stringContaining('Did you mean "email"?')],
      ['Invalid type "behavioural".', expect.stringContaining('Did you mean "BEHAVIORAL"?')],
    ]);
    expect(byFile('wrong-types.md').map((d) => d.message)).toEqual([
      '`draft` must be true or false, but is the text "yes".',
      '`segments` must be a list of segment names, but is the text "VIP".',
    ]);
    expect(byFile('nested/dup-key-a.md')[0]?.message).toBe(
      'Key "billing/refund" is also used by trainings/nested/dup-key-b.md.',
    );
    expect(byFile('dup-id-b.md')[0]?.message).toBe(
      'Id "0b5c4e2a-1111-4c1d-9a7e-5f6f7a8b9c0d" is also pinned by trainings/dup-id-a.md.',
    );
    expect(byFile('too-large.md')[0]?.message).toBe(
      'The file is 300 KiB, more than the limit of 256 KiB.',
    );
    expect(byFile('latin1.md')[0]?.message).toContain('not valid UTF-8 (byte 0xe9');
    expect(byFile('js-engine.md')[0]?.message).toContain('"js" is refused');
    expect(byFile('alias-bomb.md')[0]?.message).toContain('too many YAML aliases');
    expect(byFile('unmapped-directory.md')[0]?.hint).toContain('`directories:` in opencx.yml');
    expect(byFile('link-out.md')[0]?.message).toContain(
      'outside the trainings folder: not followed',
    );
  });

  it('prints text with locations and a summary, and exits 1', async () => {
    const cwd = await brokenProject();
    const result = await runCli(['validate'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'trainings/unknown-key.md:3:1: error chanels: Unknown key "chanels". [unknown-key]\n  hint: Did you mean "channels"?',
    );
    expect(result.stdout).toMatch(
      /✖ 21 errors and 2 warnings in 19 files \(19 files checked\)\.\n$/,
    );
    expect(result.stdout).not.toContain('\u001b[');
  });

  it('prints GitHub annotations with --format github', async () => {
    const cwd = await brokenProject();
    const result = await runCli(['validate', '--format', 'github'], { cwd });
    expect(result.stdout).toContain(
      '::error file=trainings/unknown-key.md,line=3,col=1,title=opencx-trainings unknown-key::Unknown key "chanels".%0ADid you mean "channels"?',
    );
  });

  it('accepts a directory name mapped in opencx.yml, and uses its root', async () => {
    const cwd = await tempDir();
    await writeFiles(cwd, {
      'opencx.yml':
        'root: content/trainings\ndirectories:\n  Billing: 5b0f8c1e-2d3a-4e5f-8a9b-0c1d2e3f4a5b\n',
      'content/trainings/a.md': '---\ntitle: A\ndirectory: Billing\n---\nA.\n',
      'content/trainings/b.md':
        '---\ntitle: B\ndirectory: 9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d\n---\nB.\n',
    });
    const result = await runCli(['validate'], { cwd });
    expect(result.stdout).toBe('✔ 2 trainings in content/trainings/ valid.\n');
    expect(result.code).toBe(0);
  });

  it('reports problems in opencx.yml with the same precision', async () => {
    const cwd = await tempDir();
    await writeFiles(cwd, {
      'opencx.yml':
        'namespace: Acme Support\nprun: false\ntargets:\n  prod:\n    url: https://api.open.cx\n    token: abc\n',
      'trainings/a.md': '---\ntitle: A\n---\nA.\n',
    });
    const { code, report } = await validateJson(cwd);
    expect(code).toBe(1);
    expect(report.diagnostics.map((d) => [d.code, d.file, d.line, d.field])).toEqual([
      ['invalid-type', 'opencx.yml', 1, 'namespace'],
      ['unknown-key', 'opencx.yml', 2, 'prun'],
      ['unknown-key', 'opencx.yml', 6, 'targets.prod.token'],
    ]);
    expect(report.diagnostics[1]?.hint).toContain('Did you mean "prune"?');
    expect(report.diagnostics[2]?.hint).toContain('Did you mean "token_env"?');
  });

  it('says when the trainings folder is missing', async () => {
    const cwd = await tempDir();
    const result = await runCli(['validate'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('error: The trainings folder "trainings" does not exist.');
  });
});

describe('validate with the parse cache', () => {
  async function aRepository(): Promise<string> {
    const cwd = await tempDir();
    await writeFiles(cwd, { 'trainings/a.md': '---\ntitle: A\n---\nA.\n' });
    return cwd;
  }

  it('keeps it outside the work tree, one file per project, for this build only', async () => {
    const cwd = await aRepository();
    const env = { OPENCX_CACHE_DIR: await tempDir() };
    expect((await runCli(['validate'], { cwd, env })).code).toBe(0);

    const file = await locateSourceCache(cwd, { env, cwd });
    expect(file).toMatch(/source-[0-9a-f]{16}\.json$/);
    const written = JSON.parse(await readFile(file ?? '', 'utf8')) as {
      build: string;
      entries: Record<string, unknown>;
    };
    expect(written.build).toBe(currentBuildId());
    expect(Object.values(written.entries)).toMatchObject([{ training: { key: 'a', title: 'A' } }]);
    expect(await readdir(cwd)).toEqual(['trainings']);
  });

  it('keeps no content, so it is smaller than the files, and gives the same trainings back', async () => {
    const cwd = await tempDir();
    const body = 'A paragraph of the instruction, long enough to weigh. '.repeat(20);
    await writeFiles(
      cwd,
      Object.fromEntries(
        Array.from({ length: 50 }, (_, i) => [
          `trainings/t${i}.md`,
          `---\ntitle: T${i}\nchannels: [web]\n---\n${body}${i}\n`,
        ]),
      ),
    );
    const cache = { file: path.join(await tempDir(), 'cache.json'), build: 'b' };
    const cold = await readTrainings({ root: 'trainings', cwd, cache });
    const warm = await readTrainings({ root: 'trainings', cwd, cache });
    expect(warm.trainings).toEqual(cold.trainings);
    expect(warm.trainings[0]?.content).toContain('A paragraph of the instruction');
    const cached = await readFile(cache.file, 'utf8');
    expect(cached).not.toContain('A paragraph');
    expect(cached.length).toBeLessThan(50 * body.length);
  });

  it('finds the cache folder of the user from the environment', async () => {
    const cwd = await aRepository();
    const home = await tempDir();
    const xdg = await tempDir();
    await runCli(['validate'], { cwd, env: { HOME: home } });
    await runCli(['validate'], { cwd, env: { HOME: home, XDG_CACHE_HOME: xdg } });
    const folder = process.platform === 'darwin' ? 'Library/Caches' : '.cache';
    expect(await readdir(path.join(home, folder, 'opencx-trainings'))).toHaveLength(1);
    expect(await readdir(path.join(xdg, 'opencx-trainings'))).toHaveLength(1);
  });

  it('caches nothing with --no-cache, nor when the environment names no home', async () => {
    const cwd = await aRepository();
    const home = await tempDir();
    expect((await runCli(['validate', '--no-cache'], { cwd, env: { HOME: home } })).code).toBe(0);
    expect((await runCli(['validate'], { cwd, env: {} })).code).toBe(0);
    expect(await readdir(home)).toEqual([]);
    expect(await readdir(cwd)).toEqual(['trainings']);
  });
});
