import { spawnSync } from 'node:child_process';
import { readdir, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/helpers/temp.js';
import { writeFileAtomic } from './safe-write.js';
import { isAlive, isStale, parseTempName, STALE_AFTER_MS, tempName } from './stale-temps.js';

const RANDOM = new Uint8Array([1, 2, 3, 4, 5, 6]);

/** The pid of a process that has exited: a child that ran and was waited for. */
function aFinishedPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  if (child.pid === undefined) throw new Error('no child process');
  return child.pid;
}

describe('temporary file names', () => {
  it('are hidden and name their writer', () => {
    const name = tempName('refund.md', 4242, RANDOM);
    expect(name).toBe('.refund.md.4242-010203040506.tmp');
    expect(parseTempName(name, 'refund.md')).toEqual({ pid: 4242 });
  });

  it('belong to one file only', () => {
    const name = tempName('a.md.12', 7, RANDOM);
    expect(parseTempName(name, 'a.md.12')).toEqual({ pid: 7 });
    expect(parseTempName(name, 'a.md')).toBeUndefined();
    expect(parseTempName('.a.md.swp', 'a.md')).toBeUndefined();
    expect(parseTempName('a.md.7-010203040506.tmp', 'a.md')).toBeUndefined();
  });

  it('of the form before pids are read as written by an unknown process', () => {
    expect(parseTempName('.a.md.010203040506.tmp', 'a.md')).toEqual({ pid: null });
  });
});

describe('isStale', () => {
  const alive = (pid: number): boolean => pid === 1;

  it.each([
    ['a recent one of a live process', { pid: 1, ageMs: 1000 }, false],
    ['a recent one of a process that is gone', { pid: 2, ageMs: 1000 }, true],
    ['a recent one of an unknown writer', { pid: null, ageMs: 1000 }, false],
    ['an old one, since pids are reused', { pid: 1, ageMs: STALE_AFTER_MS + 1 }, true],
    ['an old one of an unknown writer', { pid: null, ageMs: STALE_AFTER_MS + 1 }, true],
  ] as const)('%s: %s', (_what, temp, expected) => {
    expect(isStale(temp, alive)).toBe(expected);
  });

  it('knows this process is alive and a finished one is not', () => {
    expect(isAlive(process.pid)).toBe(true);
    expect(isAlive(aFinishedPid())).toBe(false);
    expect(isAlive(2 ** 31 - 1)).toBe(false);
  });
});

describe('writeFileAtomic after an interrupted run', () => {
  it("removes the leftovers of dead writers and keeps a live writer's file", async () => {
    const dir = await tempDir();
    const target = path.join(dir, 'emulator.json');
    const dead = tempName('emulator.json', aFinishedPid(), RANDOM);
    const gone = tempName('emulator.json', 2 ** 31 - 1, RANDOM);
    const live = tempName('emulator.json', process.pid, RANDOM);
    const old = '.emulator.json.0a0b0c0d0e0f.tmp';
    const recentOld = '.emulator.json.0f0e0d0c0b0a.tmp';
    const otherFile = tempName('other.json', 2 ** 31 - 1, RANDOM);
    for (const name of [dead, gone, live, old, recentOld, otherFile]) {
      await writeFile(path.join(dir, name), 'partial');
    }
    const hourAgo = new Date(Date.now() - STALE_AFTER_MS - 60_000);
    await utimes(path.join(dir, old), hourAgo, hourAgo);

    await writeFileAtomic(target, '{}', { overwrite: true });

    expect((await readdir(dir)).sort()).toEqual(
      [live, recentOld, otherFile, 'emulator.json'].sort(),
    );
  });

  it('removes the leftovers of each file when that file is written, the folder listed once', async () => {
    const dir = await tempDir();
    const dead = aFinishedPid();
    const leftovers = ['a.md', 'b.md'].map((file) => tempName(file, dead, RANDOM));
    for (const name of leftovers) await writeFile(path.join(dir, name), 'partial');

    await writeFileAtomic(path.join(dir, 'a.md'), 'a', { overwrite: false });
    expect((await readdir(dir)).sort()).toEqual(['a.md', leftovers[1]].sort());
    await writeFileAtomic(path.join(dir, 'b.md'), 'b', { overwrite: false });
    expect((await readdir(dir)).sort()).toEqual(['a.md', 'b.md']);
  });
});
