import type { Io } from './io.js';

/**
 * A signal aborted on the first SIGINT or SIGTERM (Ctrl+C, a cancelled job), said on stderr.
 * The handlers go with that first signal, so a second one stops the process at once.
 */
export function abortOnInterrupt(io: Io): AbortSignal {
  const controller = new AbortController();
  void io.waitForSignal().then((signal) => {
    io.stderr.write(
      `\nInterrupted (${signal}): finishing the requests under way, starting no other. Press Ctrl+C again to stop at once.\n`,
    );
    controller.abort();
  });
  return controller.signal;
}
