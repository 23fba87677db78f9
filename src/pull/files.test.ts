import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/helpers/temp.js';
import type { PlannedFile } from './assemble.js';
import { removePlannedFiles, writePlannedFiles } from './files.js';

const planned = (file: string, action: PlannedFile['action'] = 'create'): PlannedFile => ({
  action,
  path: file,
  id: `id-${file}`,
  title: file,
  text: action === 'skip' ? '' : `text of ${file}\n`,
});

describe('writePlannedFiles', () => {
  it('writes every file, reports them in plan order, and lets one failure stop nothing', async () => {
    const dir = await tempDir();
    // A file where a folder should be: writing below it fails.
    await writeFile(path.join(dir, 'blocked'), 'a file');
    const files = [
      ...Array.from({ length: 30 }, (_, i) => planned(`many/t-${String(i).padStart(2, '0')}.md`)),
      planned('blocked/inside.md'),
      planned('skipped.md', 'skip'),
      planned('last.md'),
    ];
    const results = await writePlannedFiles(dir, files);

    expect(results.map((r) => r.path)).toEqual(
      files.filter((f) => f.action !== 'skip').map((f) => f.path),
    );
    const blocked = results.find((r) => r.path === 'blocked/inside.md');
    expect(blocked?.outcome).toBe('failed');
    expect(blocked?.reason).toMatch(/ENOTDIR|EEXIST/);
    expect(results.filter((r) => r.outcome === 'created')).toHaveLength(31);
    expect(await readFile(path.join(dir, 'many/t-29.md'), 'utf8')).toBe('text of many/t-29.md\n');
    expect(await readFile(path.join(dir, 'last.md'), 'utf8')).toBe('text of last.md\n');
  });
});

describe('removePlannedFiles', () => {
  it('removes the files inside the folder, counts one already gone as removed, and never follows a link out', async () => {
    const dir = await tempDir();
    const outside = await tempDir();
    await mkdir(path.join(dir, 'faq'));
    await writeFile(path.join(dir, 'faq/refund.md'), 'text');
    await writeFile(path.join(outside, 'refund.md'), 'not a training of this folder');
    // A folder swapped for a link to elsewhere after the plan was made.
    await symlink(outside, path.join(dir, 'linked'));

    const results = await removePlannedFiles(dir, [
      { path: 'faq/refund.md', title: 'Refund' },
      { path: 'faq/gone.md', title: 'Gone' },
      { path: 'linked/refund.md', title: 'Elsewhere' },
    ]);
    expect(results.map((r) => [r.path, r.outcome])).toEqual([
      ['faq/refund.md', 'removed'],
      ['faq/gone.md', 'removed'],
      ['linked/refund.md', 'outside'],
    ]);
    expect(existsSync(path.join(dir, 'faq/refund.md'))).toBe(false);
    expect(await readFile(path.join(outside, 'refund.md'), 'utf8')).toBe(
      'not a training of this folder',
    );
  });
});
