import { describe, expect, it } from 'vitest';
import { createSaveQueue } from './save-queue.js';

/** A state that is just its version, and writes that finish when the test says so. */
function aQueue({ written }: { written?: number } = {}) {
  let version = 0;
  const writes: { state: number; finish: () => void; fail: (error: Error) => void }[] = [];
  const queue = createSaveQueue({
    version: () => version,
    capture: () => version,
    write: (state) =>
      new Promise<void>((resolve, reject) => {
        writes.push({ state, finish: resolve, fail: reject });
      }),
    written,
  });
  const settled = new Set<Promise<void>>();
  const save = () => {
    const saving = queue.save();
    saving.then(
      () => settled.add(saving),
      () => settled.add(saving),
    );
    return saving;
  };
  return {
    change: () => void version++,
    save,
    writes,
    isDone: (saving: Promise<void>) => settled.has(saving),
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('createSaveQueue', () => {
  it('answers a save once a write that holds its change is finished, not before', async () => {
    const q = aQueue();
    q.change();
    const first = q.save();
    await tick();
    expect(q.writes.map((w) => w.state)).toEqual([1]);
    expect(q.isDone(first)).toBe(false);
    q.writes[0]?.finish();
    await tick();
    expect(q.isDone(first)).toBe(true);
  });

  it('writes a burst of changes in two writes: the one running and one after it for the rest', async () => {
    const q = aQueue();
    q.change();
    const first = q.save();
    const later = Array.from({ length: 10 }, () => {
      q.change();
      return q.save();
    });
    await tick();
    expect(q.writes.map((w) => w.state)).toEqual([1]);
    q.writes[0]?.finish();
    await tick();
    expect(q.isDone(first)).toBe(true);
    expect(later.some((saving) => q.isDone(saving))).toBe(false);
    expect(q.writes.map((w) => w.state)).toEqual([1, 11]);
    q.writes[1]?.finish();
    await Promise.all(later);
  });

  it('lets a save with no new change wait for the write already running', async () => {
    const q = aQueue();
    q.change();
    const first = q.save();
    const again = q.save();
    await tick();
    q.writes[0]?.finish();
    await Promise.all([first, again]);
    expect(q.writes).toHaveLength(1);
  });

  it('does not write a state that is already written', async () => {
    const q = aQueue({ written: 0 });
    await q.save();
    expect(q.writes).toHaveLength(0);
    q.change();
    const saving = q.save();
    await tick();
    q.writes[0]?.finish();
    await saving;
    await q.save();
    expect(q.writes.map((w) => w.state)).toEqual([1]);
  });

  it('fails the saves of a failed write, and writes again at the next save', async () => {
    const q = aQueue({ written: 0 });
    q.change();
    const failing = q.save();
    await tick();
    q.writes[0]?.fail(new Error('disk full'));
    await expect(failing).rejects.toThrow('disk full');
    const retry = q.save();
    await tick();
    expect(q.writes.map((w) => w.state)).toEqual([1, 1]);
    q.writes[1]?.finish();
    await retry;
  });

  it('still runs the queued write after the running one failed', async () => {
    const q = aQueue();
    q.change();
    const failing = q.save();
    q.change();
    const queued = q.save();
    await tick();
    q.writes[0]?.fail(new Error('disk full'));
    await expect(failing).rejects.toThrow('disk full');
    await tick();
    expect(q.writes.map((w) => w.state)).toEqual([1, 2]);
    q.writes[1]?.finish();
    await queued;
  });
});
