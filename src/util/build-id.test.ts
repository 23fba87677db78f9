import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, writeFiles } from '../../test/helpers/temp.js';
import { currentBuildId, hashCodeFiles } from './build-id.js';

describe('the build id', () => {
  it('changes with any code file, and only with code files', async () => {
    const dir = await tempDir();
    await writeFiles(dir, { 'bin.js': 'run()', 'source/read.js': 'read()' });
    const before = hashCodeFiles(dir, '.js');

    await writeFiles(dir, {
      'source/read.test.js': 'test()',
      'source/read.d.ts': 'declare',
      'source/read.js.map': '{}',
    });
    expect(hashCodeFiles(dir, '.js')).toBe(before);

    await writeFile(path.join(dir, 'source', 'read.js'), 'read(differently)');
    expect(hashCodeFiles(dir, '.js')).not.toBe(before);
  });

  it('tells apart the same bytes under another name', async () => {
    const [a, b] = [await tempDir(), await tempDir()];
    await writeFiles(a, { 'x.js': 'same' });
    await writeFiles(b, { 'y.js': 'same' });
    expect(hashCodeFiles(a, '.js')).not.toBe(hashCodeFiles(b, '.js'));
  });

  it('is computed once per process, in a few milliseconds', () => {
    const started = performance.now();
    const id = currentBuildId();
    const first = performance.now() - started;
    expect(currentBuildId()).toBe(id);
    expect(id).toMatch(/^[\w-]{22}$/);
    expect(first).toBeLessThan(500);
  });
});
