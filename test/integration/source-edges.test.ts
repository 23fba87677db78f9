import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Desired } from '../../src/model/training.js';
import { locateSourceCache } from '../../src/source/cache-location.js';
import { cacheKey } from '../../src/source/cache.js';
import { readTrainingFile } from '../../src/source/read-file.js';
import { currentBuildId } from '../../src/util/build-id.js';
import { VERSION } from '../../src/util/version.js';
import { aTraining } from '../helpers/builders.js';
import { runCli } from '../helpers/cli.js';
import { useEmulator } from '../helpers/emulator.js';
import { aProject, md, writesIn } from '../helpers/project.js';
import { tempDir, writeFiles } from '../helpers/temp.js';

const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((s) => new Promise<void>((resolve) => s.close(() => resolve()))),
  );
});

/** Odd entries that fast listing tools skip without a word; each must fail validate by name. */
const MAKE = {
  'a dangling link': async (trainings: string, name: string) => {
    await symlink('missing.md', path.join(trainings, name));
  },
  'a looping link': async (trainings: string, name: string) => {
    await symlink(name, path.join(trainings, name));
  },
  'a named pipe': async (trainings: string, name: string) => {
    // Node cannot make a FIFO; the coreutils command can.
    await Promise.resolve(execFileSync('mkfifo', [path.join(trainings, name)]));
  },
  'a socket': async (trainings: string, name: string) => {
    const server = createServer();
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(path.join(trainings, name), resolve));
  },
  'a name with a line break': async (trainings: string, name: string) => {
    await writeFile(path.join(trainings, name.replace('.md', '\n.md')), md('title: Odd'));
  },
  'a name that is not UTF-8': async (trainings: string, name: string) => {
    const bytes = Buffer.concat([
      Buffer.from(path.join(trainings, name.replace('.md', ''))),
      Buffer.from([0xe9]),
      Buffer.from('.md'),
    ]);
    await writeFile(bytes, md('title: Odd'));
  },
  'a folder with a line break in its name': async (trainings: string, name: string) => {
    await mkdir(path.join(trainings, 'odd\nfolder'));
    await writeFile(path.join(trainings, 'odd\nfolder', name), md('title: Odd'));
  },
} satisfies Record<string, (trainings: string, name: string) => Promise<void>>;

type Kind = keyof typeof MAKE;

/** What validate says for each kind of `tone.md`: the code and the path it names. */
const EXPECTED: Record<Kind, [code: string, file: string]> = {
  'a dangling link': ['symlink-dangling', 'trainings/tone.md'],
  'a looping link': ['symlink-loop', 'trainings/tone.md'],
  'a named pipe': ['not-a-regular-file', 'trainings/tone.md'],
  'a socket': ['not-a-regular-file', 'trainings/tone.md'],
  'a name with a line break': ['file-name-invalid', 'trainings/tone\\n.md'],
  'a name that is not UTF-8': ['file-name-invalid', 'trainings/tone\\xe9.md'],
  'a folder with a line break in its name': ['file-name-invalid', 'trainings/odd\\nfolder/tone.md'],
};

const KINDS = Object.keys(MAKE) as Kind[];

describe('every entry under the trainings folder is accounted for', () => {
  it.each(KINDS)('validate fails on %s, naming it', async (kind) => {
    const cwd = await tempDir();
    const trainings = path.join(cwd, 'trainings');
    await writeFiles(trainings, { 'refund.md': md('title: Refund') });
    await MAKE[kind](trainings, 'tone.md');
    const [code, file] = EXPECTED[kind];

    const result = await runCli(['validate'], { cwd });
    expect(result.code).toBe(1);
    // One diagnostic of two lines, then the summary: an escaped name cannot break a line.
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(new RegExp(`^${escapeRegExp(file)}: error: .* \\[${code}\\]$`));
    expect(lines[1]).toMatch(/^ {2}hint: /);
    expect(lines.slice(2)).toEqual(['', '✖ 1 error in 1 file (1 file checked).', '']);
  });

  it('says what the entry is and where a dangling link points', async () => {
    const cwd = await tempDir();
    const trainings = path.join(cwd, 'trainings');
    await mkdir(trainings);
    await MAKE['a dangling link'](trainings, 'gone.md');
    await MAKE['a named pipe'](trainings, 'pipe.md');
    const result = await runCli(['validate'], { cwd });
    expect(result.stdout).toContain(
      'trainings/gone.md: error: Symbolic link to "missing.md", which does not exist. [symlink-dangling]',
    );
    expect(result.stdout).toContain('This is a named pipe (FIFO), not a regular file');
  });

  it('ignores what the rules ignore: hidden entries, other extensions, partials', async () => {
    const cwd = await tempDir();
    const trainings = path.join(cwd, 'trainings');
    await writeFiles(trainings, {
      'refund.md': md('title: Refund'),
      '_partial.md': 'not a training',
      '.git/config': '',
    });
    await MAKE['a dangling link'](trainings, '.tone.md.swp');
    await MAKE['a named pipe'](trainings, 'pipe.txt');
    await MAKE['a looping link'](path.join(trainings, '.git'), 'loop.md');
    const result = await runCli(['validate'], { cwd });
    expect(result.stdout).toBe('✔ 1 training in trainings/ valid.\n');
    expect(result.code).toBe(0);
  });
});

describe('a training file the reader cannot see never reads as removed', () => {
  const replaceTone = {
    'a dangling link': MAKE['a dangling link'],
    'a named pipe': MAKE['a named pipe'],
    'a name with a line break': MAKE['a name with a line break'],
  } as const;

  it.each(Object.keys(replaceTone) as (keyof typeof replaceTone)[])(
    'apply sends nothing when a training file becomes %s',
    async (kind) => {
      const emulator = await useEmulator();
      const project = await aProject(emulator, {
        'refund.md': md('title: Refund', 'Refunds within 30 days.'),
        'tone.md': md('title: Brand voice', 'Be warm.'),
      });
      expect((await project.run(['apply', '--yes'])).code).toBe(0);
      emulator.clearRequests();

      await project.remove('tone.md');
      await replaceTone[kind](path.join(project.dir, 'trainings'), 'tone.md');
      const result = await project.run(['apply', '--yes']);

      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`${EXPECTED[kind][1]}: error:`);
      expect(result.stderr).toContain('Nothing was sent to OpenCX');
      expect(writesIn(emulator)).toEqual([]);
      expect(emulator.store.trainings().map((t) => t.title)).toEqual(['Refund', 'Brand voice']);
    },
  );
});

describe('reading a file that changed kind after the listing', () => {
  it('reports a FIFO as unreadable instead of waiting for a writer', async () => {
    const dir = await tempDir();
    await MAKE['a named pipe'](dir, 'tone.md');
    const result = readTrainingFile({
      absolute: path.join(dir, 'tone.md'),
      file: 'trainings/tone.md',
      pathKey: 'tone',
    });
    expect(result).toEqual({
      diagnostics: [
        expect.objectContaining({
          code: 'file-unreadable',
          message: 'The file could not be read: it stopped being a regular file while read.',
        }),
      ],
    });
  });
});

describe('only training files decide what apply sends', () => {
  it('ignores a parse cache claiming other text, in the work tree or in the cache folder', async () => {
    const emulator = await useEmulator();
    const project = await aProject(emulator, { 'refund.md': md('title: Refund', 'Real text.') });
    const env = { ...project.env, OPENCX_CACHE_DIR: await tempDir() };
    const file = 'trainings/refund.md';
    const bytes = await readFile(path.join(project.dir, file));
    const { segmentIds: _s, directoryId: _d, ...real } = aTraining({ key: 'refund', file });
    const poisoned: Desired = { ...real, content: 'Text that is in no training file.' };
    const entries = { [cacheKey(file, 'refund', bytes)]: { training: poisoned } };
    // Where the cache used to live, in the form it had there...
    await writeFiles(project.dir, {
      '.opencx/cache/source.json': JSON.stringify({ version: VERSION, entries }),
    });
    // ...and where it lives now, for this very build.
    const cacheFile = (await locateSourceCache(project.dir, { env, cwd: project.dir })) ?? '';
    await mkdir(path.dirname(cacheFile), { recursive: true });
    await writeFile(cacheFile, JSON.stringify({ build: currentBuildId(), entries }));

    const result = await runCli(['apply', '--yes'], { cwd: project.dir, env });
    expect(result.code).toBe(0);
    expect(emulator.store.trainings().map((t) => t.content)).toEqual(['Real text.']);
    expect(JSON.parse(await readFile(cacheFile, 'utf8'))).toEqual({
      build: currentBuildId(),
      entries,
    });
  });

  it('never writes a cache during plan or apply', async () => {
    const emulator = await useEmulator();
    const project = await aProject(emulator, { 'refund.md': md('title: Refund') });
    const cacheDir = path.join(await tempDir(), 'cache');
    const env = { ...project.env, OPENCX_CACHE_DIR: cacheDir };
    for (const args of [['plan'], ['apply', '--yes']]) {
      expect((await runCli(args, { cwd: project.dir, env })).code).toBe(0);
    }
    await expect(stat(cacheDir)).rejects.toMatchObject({ code: 'ENOENT' });
    expect((await readdir(project.dir)).sort()).toEqual(['opencx.yml', 'trainings']);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
