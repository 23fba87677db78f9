import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { wantsColor, writePieces, type Io } from './io.js';

/** A stream that takes a millisecond per piece and records the most it ever held queued. */
class SlowPipe extends Writable {
  received = '';
  queuedMost = 0;
  constructor() {
    super({
      highWaterMark: 100,
      write: (chunk: Buffer, _encoding, done) => {
        this.received += chunk.toString();
        void sleep(1).then(() => done());
      },
    });
  }
  override write(text: string): boolean {
    const ok = super.write(text);
    this.queuedMost = Math.max(this.queuedMost, this.writableLength);
    return ok;
  }
}

describe('writePieces', () => {
  it('waits for a full stream to drain before writing on', async () => {
    const pipe = new SlowPipe();
    const pieces = Array.from({ length: 50 }, (_, i) => `${String(i).padStart(60, '.')}\n`);
    await writePieces(pipe, pieces);
    await new Promise<void>((resolve) => pipe.end(resolve));
    expect(pipe.received).toBe(pieces.join(''));
    // Never more than one piece past the buffer's limit waits in memory.
    expect(pipe.queuedMost).toBeLessThanOrEqual(100 + 61);
  });

  it('writes everything at once to a writer that is not a stream', async () => {
    const out: string[] = [];
    await writePieces({ write: (text) => void out.push(text) }, ['a', 'b', 'c']);
    expect(out).toEqual(['a', 'b', 'c']);
  });
});

describe('wantsColor', () => {
  const io = (isTTY: boolean, env: Record<string, string>) => ({ isTTY, env }) as unknown as Io;

  it.each([
    ['a terminal', true, {}, undefined, true],
    ['a pipe', false, {}, undefined, false],
    ['NO_COLOR on a terminal', true, { NO_COLOR: '1' }, undefined, false],
    ['an empty NO_COLOR', true, { NO_COLOR: '' }, undefined, true],
    ['TERM=dumb on a terminal', true, { TERM: 'dumb' }, undefined, false],
    ['FORCE_COLOR=0 on a terminal', true, { FORCE_COLOR: '0' }, undefined, false],
    ['FORCE_COLOR=false on a terminal', true, { FORCE_COLOR: 'false' }, undefined, false],
    ['FORCE_COLOR=1 on a pipe', false, { FORCE_COLOR: '1' }, undefined, true],
    ['FORCE_COLOR over NO_COLOR', false, { FORCE_COLOR: '1', NO_COLOR: '1' }, undefined, true],
    ['FORCE_COLOR over TERM=dumb', false, { FORCE_COLOR: '2', TERM: 'dumb' }, undefined, true],
    ['--no-color over FORCE_COLOR', true, { FORCE_COLOR: '1' }, false, false],
    ['--color over NO_COLOR and TERM=dumb', false, { NO_COLOR: '1', TERM: 'dumb' }, true, true],
  ])('%s', (_, isTTY, env, flag, expected) => {
    expect(wantsColor(io(isTTY, env), flag)).toBe(expected);
  });
});
