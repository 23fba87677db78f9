import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach } from 'vitest';

const created: string[] = [];
const ofThisFile: string[] = [];
const remove = (dirs: string[]) =>
  Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));

afterEach(() => remove(created));
// Once more after the file: another helper's cleanup (an emulator saving its data file as it
// stops) may run after the one above and write into a removed folder again.
afterAll(() => remove(ofThisFile));

/** A fresh temporary folder, removed after the test. */
export async function tempDir(prefix = 'opencx-test-'): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  created.push(dir);
  ofThisFile.push(dir);
  return dir;
}

/** A temporary copy of a fixture scenario (test/fixtures/<name>). */
export async function copyFixture(name: string): Promise<string> {
  const dir = await tempDir(`opencx-${name}-`);
  await cp(new URL(`../fixtures/${name}`, import.meta.url), dir, { recursive: true });
  return dir;
}

/** Write files given as { 'relative/path.md': 'text' } under `dir`. */
export async function writeFiles(
  dir: string,
  files: Record<string, string | Uint8Array>,
): Promise<void> {
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(dir, relative);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
  }
}
