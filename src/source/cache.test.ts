import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { aTraining } from '../../test/helpers/builders.js';
import { tempDir } from '../../test/helpers/temp.js';
import type { Desired } from '../model/training.js';
import { openSourceCache } from './cache.js';
import type { FileResult } from './file-result.js';

const BYTES = new TextEncoder().encode('---\ntitle: Refund\n---\nRefunds.\n');

/** A training as the reader makes it (the builder's resolved fields left out). */
function aDesired(): Desired {
  const { segmentIds: _s, directoryId: _d, ...desired } = aTraining({ key: 'refund' });
  return desired;
}

function aResult(): FileResult {
  return { training: aDesired() };
}

/** A cache file holding one result for `trainings/refund.md`, written under `build`. */
async function aCacheWith(build: string): Promise<{ file: string; key: string }> {
  const file = path.join(await tempDir(), 'nested', 'source.json');
  const cache = await openSourceCache({ file, build });
  const key = cache.key('trainings/refund.md', 'refund', BYTES);
  cache.set(key, aResult());
  await cache.save();
  return { file, key };
}

describe('the parse cache', () => {
  it('gives back what this build stored', async () => {
    const { file, key } = await aCacheWith('build-x');
    const cache = await openSourceCache({ file, build: 'build-x' });
    expect(cache.get(key)).toEqual(aResult());
  });

  it('never uses what another build stored, and replaces it', async () => {
    const { file, key } = await aCacheWith('build-x');
    const cache = await openSourceCache({ file, build: 'build-y' });
    expect(cache.get(key)).toBeUndefined();
    cache.set(key, { diagnostics: [] });
    await cache.save();
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({
      build: 'build-y',
      entries: { [key]: { diagnostics: [] } },
    });
  });

  it('keys a result by path, path key and bytes', async () => {
    const cache = await openSourceCache({ file: '/nonexistent/source.json', build: 'x' });
    const key = cache.key('trainings/a.md', 'a', BYTES);
    expect(cache.key('trainings/b.md', 'a', BYTES)).not.toBe(key);
    expect(cache.key('trainings/a.md', 'b', BYTES)).not.toBe(key);
    expect(cache.key('trainings/a.md', 'a', BYTES.subarray(1))).not.toBe(key);
  });

  it.each([
    ['not JSON', '{'],
    ['not an object', '[1]'],
    ['entries as a list', JSON.stringify({ build: 'x', entries: [] })],
  ])('reads a file that is %s as an empty cache', async (_what, text) => {
    const { file, key } = await aCacheWith('x');
    await writeFile(file, text);
    const cache = await openSourceCache({ file, build: 'x' });
    expect(cache.get(key)).toBeUndefined();
  });

  it('drops an entry that is not shaped like a result', async () => {
    const { file, key } = await aCacheWith('x');
    const wrong = [
      { training: { ...aDesired(), content: 42 } },
      { training: { ...aDesired(), extra: 'field' } },
      { diagnostics: [{ severity: 'error', code: 'no-such-code', message: 'x' }] },
      { training: aDesired(), diagnostics: [] },
      'text',
    ];
    for (const entry of wrong) {
      await writeFile(file, JSON.stringify({ build: 'x', entries: { [key]: entry } }));
      const cache = await openSourceCache({ file, build: 'x' });
      expect(cache.get(key), JSON.stringify(entry)).toBeUndefined();
    }
  });
});
