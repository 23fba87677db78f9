import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../src/diagnostics/catalog.js';
import { useEmulator } from '../helpers/emulator.js';
import { aProject, md } from '../helpers/project.js';

/** A body of sixty-byte lines that, under its frontmatter, fills a training file to the limit. */
function largestBody(tag: string): string {
  const count = Math.floor((MAX_FILE_BYTES - 100) / 60);
  return Array.from({ length: count }, (_, i) => `${tag} ${i} `.padEnd(59, 'x')).join('\n');
}

describe('a training of the largest size, rewritten', () => {
  it('is planned and applied as replaced content, without a line diff', async () => {
    // The API's own limit on content is not known; the emulator's default guesses 50,000.
    const emulator = await useEmulator({ limits: { contentMaxLength: MAX_FILE_BYTES } });
    const project = await aProject(emulator, { 'big.md': md('title: Big', largestBody('old')) });
    expect((await project.run(['apply', '--yes'])).code).toBe(0);

    const file = md('title: Big', largestBody('new'));
    expect(Buffer.byteLength(file)).toBeLessThanOrEqual(MAX_FILE_BYTES);
    await project.write({ 'big.md': file });
    const replaced =
      /^ {4}! replaced: 4367 lines \(sha-256 \w{12}\) → 4367 lines \(sha-256 \w{12}\);/m;

    const planned = await project.run(['plan']);
    expect(planned.stdout).toMatch(replaced);
    expect(planned.stdout).not.toContain('@@');

    const applied = await project.run(['apply', '--yes']);
    expect(applied.stdout).toMatch(replaced);
    expect(applied.stdout).toContain('Apply complete: 1 updated.');
    expect((await project.run(['plan', '--detailed-exitcode'])).code).toBe(0);
  });
});
