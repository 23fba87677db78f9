/**
 * Saves of a state that changes in memory, each rewriting it whole (the data file at 100k
 * trainings is 120 MB: most of a second to write). `save()` resolves once the state as it is at
 * the call is written, as before; but writes run one at a time, and every save asked for while
 * one runs shares the single write that follows it, which takes the state as it is when it
 * starts. So a burst of writes costs two rewrites, not one each, and the file only moves forward.
 * A state that is already written (same version) is not written again.
 */
export interface SaveQueue {
  save(): Promise<void>;
}

export interface SaveQueueOptions<T> {
  /** Increases with every change of the state. */
  version: () => number;
  /** The state as it is now, taken synchronously so that it is the state of `version()`. */
  capture: () => T;
  write: (captured: T) => Promise<void>;
  /** The version already written, e.g. the one just read from the file; none by default. */
  written?: number;
}

export function createSaveQueue<T>(options: SaveQueueOptions<T>): SaveQueue {
  const { version, capture, write } = options;
  let written = options.written;
  let running: { version: number; done: Promise<void> } | undefined;
  let next: Promise<void> | undefined;

  function start(): Promise<void> {
    const at = version();
    // The executor runs now: the state is taken before this call returns, a throw rejects.
    const done = new Promise<T>((resolve) => resolve(capture())).then(write).then(
      () => {
        written = at;
        running = undefined;
      },
      (error: unknown) => {
        // A failed write fails the saves that were waiting for it; the next save tries again.
        running = undefined;
        throw error;
      },
    );
    running = { version: at, done };
    return done;
  }

  return {
    save() {
      if (next !== undefined) return next;
      if (running !== undefined) {
        if (running.version === version()) return running.done;
        next = running.done
          .catch(() => undefined)
          .then(() => {
            next = undefined;
            return start();
          });
        return next;
      }
      return written === version() ? Promise.resolve() : start();
    },
  };
}
