import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Training } from '../../src/api/contract.js';
import {
  DEFAULT_DIRECTORIES,
  DEFAULT_SEGMENTS,
  EmulatorDataError,
  startEmulator,
  type EmulatorState,
} from '../../src/emulator/index.js';
import { call, useEmulator } from '../helpers/emulator.js';
import { tempDir } from '../helpers/temp.js';

const refund = { title: 'How do I get a refund?', content: 'Refunds within 30 days.' };

async function readState(file: string): Promise<EmulatorState> {
  return JSON.parse(await readFile(file, 'utf8')) as EmulatorState;
}

describe('emulator: data file', () => {
  it('creates a missing file from the default seed, folders included', async () => {
    const file = path.join(await tempDir(), '.opencx', 'emulator.json');
    await useEmulator({ dataFile: file });
    expect(await readState(file)).toEqual({
      format_version: 1,
      directories: DEFAULT_DIRECTORIES,
      segments: DEFAULT_SEGMENTS,
      trainings: [],
    });
  });

  it('keeps every write across a restart', async () => {
    const file = path.join(await tempDir(), 'state.json');
    const first = await useEmulator({ dataFile: file, token: 't' });
    const created = await call<Training>(first, 'POST', '/training', { body: refund });
    await call(first, 'PUT', `/training/${created.body.id}/draft`, { body: { is_draft: true } });
    expect((await readState(file)).trainings).toMatchObject([{ ...refund, is_draft: true }]);
    await first.stop();

    const second = await useEmulator({ dataFile: file, token: 't' });
    const again = await call<Training>(second, 'GET', `/training/${created.body.id}`);
    expect(again.body).toMatchObject({ ...refund, is_draft: true, current_version: 1 });
  });

  it('uses the seed only when the file does not exist yet', async () => {
    const file = path.join(await tempDir(), 'state.json');
    const seeded = await useEmulator({ dataFile: file, data: { trainings: [{ ...refund }] } });
    await seeded.stop();
    const reopened = await useEmulator({ dataFile: file, data: { trainings: [] } });
    expect(reopened.store.trainings()).toHaveLength(1);
  });

  it('is valid JSON at every moment of a burst of writes, and leaves no temporary file', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'state.json');
    const emulator = await useEmulator({ dataFile: file });
    let reading = true;
    let reads = 0;
    const reader = (async () => {
      while (reading) {
        JSON.parse(await readFile(file, 'utf8'));
        reads++;
      }
    })();
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        call(emulator, 'POST', '/training', { body: { ...refund, title: `T${i}` } }),
      ),
    );
    reading = false;
    await reader;
    expect(reads).toBeGreaterThan(0);
    expect((await readState(file)).trainings).toHaveLength(30);
    expect(await readdir(dir)).toEqual(['state.json']);
  });

  it('answers each write of a burst only once the file holds it', async () => {
    const file = path.join(await tempDir(), 'state.json');
    const emulator = await useEmulator({ dataFile: file });
    const onDisk = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const created = await call<Training>(emulator, 'POST', '/training', {
          body: { ...refund, title: `T${i}` },
        });
        const saved = await readState(file);
        return saved.trainings.some((t) => t.id === created.body.id);
      }),
    );
    expect(onDisk).toEqual(Array.from({ length: 20 }, () => true));
  });

  it('leaves the file as it is when nothing changed, even when stopped', async () => {
    const file = path.join(await tempDir(), 'state.json');
    const seeded = await useEmulator({ dataFile: file, data: { trainings: [{ ...refund }] } });
    await seeded.stop();
    const text = JSON.stringify(await readState(file));
    await writeFile(file, text);
    const reopened = await useEmulator({ dataFile: file });
    expect((await call(reopened, 'GET', '/training')).status).toBe(200);
    await reopened.stop();
    expect(await readFile(file, 'utf8')).toBe(text);
  });

  it('has the write of a dropped request on disk', async () => {
    const file = path.join(await tempDir(), 'state.json');
    const emulator = await useEmulator({ dataFile: file, faults: { dropRate: 1 } });
    await expect(call(emulator, 'POST', '/training', { body: refund })).rejects.toThrow();
    expect((await readState(file)).trainings).toMatchObject([refund]);
  });

  it('refuses a broken file and leaves it untouched', async () => {
    const file = path.join(await tempDir(), 'state.json');
    await writeFile(file, '{"format_version": 1, "trainings": [');
    await expect(startEmulator({ dataFile: file })).rejects.toThrow(EmulatorDataError);
    await writeFile(file, JSON.stringify({ format_version: 2, directories: [] }));
    await expect(startEmulator({ dataFile: file })).rejects.toThrow(
      /state\.json is not valid: format_version: .*segments: /,
    );
    expect(await readFile(file, 'utf8')).toBe(
      JSON.stringify({ format_version: 2, directories: [] }),
    );
  });

  it('resets to a seed and saves it', async () => {
    const file = path.join(await tempDir(), 'state.json');
    const emulator = await useEmulator({ dataFile: file });
    await call(emulator, 'POST', '/training', { body: refund });
    await emulator.reset({ directories: [], segments: [] });
    expect(emulator.requests).toEqual([]);
    expect(await readState(file)).toMatchObject({ directories: [], segments: [], trainings: [] });
  });
});
