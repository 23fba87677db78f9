import { EventEmitter, once } from 'node:events';
import { createInterface } from 'node:readline/promises';

export interface Writer {
  /** A stream returns false when the text waits in memory behind a full buffer. */
  write(text: string): boolean | void;
}

/**
 * Everything a command may touch of the outside world, passed in so that tests run commands
 * in-process with captured output, a fixed environment and a fake clock.
 */
export interface Io {
  stdout: Writer;
  stderr: Writer;
  /** Whether stdout is a terminal: colour, progress bars and prompts only then. */
  isTTY: boolean;
  /** Whether a person can answer a question on stdin. */
  interactive: boolean;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** Ask a question and return the answer; only called when `interactive`. */
  ask: (question: string) => Promise<string>;
  /**
   * Resolves with the signal's name on the next SIGINT or SIGTERM, for a command that runs until
   * stopped (the emulator). Handlers are installed only while someone waits.
   */
  waitForSignal: () => Promise<string>;
}

export function processIo(): Io {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    isTTY: process.stdout.isTTY === true,
    interactive: process.stdin.isTTY === true && process.stdout.isTTY === true,
    env: process.env,
    cwd: process.cwd(),
    waitForSignal: () =>
      new Promise((resolve) => {
        const signals = ['SIGINT', 'SIGTERM'] as const;
        const handler = (signal: string): void => {
          for (const s of signals) process.off(s, handler);
          resolve(signal);
        };
        for (const s of signals) process.once(s, handler);
      }),
    ask: async (question) => {
      const rl = createInterface({ input: process.stdin, output: process.stderr });
      try {
        return await rl.question(question);
      } finally {
        rl.close();
      }
    },
  };
}

/**
 * Colour when writing to a terminal that can show it. The flags decide first; then FORCE_COLOR
 * (`0` or `false` turning it off, any other value on), NO_COLOR (any value but empty: off) and
 * TERM=dumb (off).
 */
export function wantsColor(io: Io, flag: boolean | undefined): boolean {
  if (flag !== undefined) return flag;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.TERM === 'dumb') return false;
  return io.isTTY;
}

/**
 * Write the pieces one after the other, letting a full pipe drain before the next: otherwise a
 * large document piped to a slow reader is queued in memory whole (80 MB for the JSON plan of
 * 100,000 trainings).
 */
export async function writePieces(out: Writer, pieces: Iterable<string>): Promise<void> {
  for (const piece of pieces) {
    if (out.write(piece) === false && out instanceof EventEmitter) await once(out, 'drain');
  }
}
