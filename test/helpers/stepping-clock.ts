import type { Clock } from '../../src/api/scheduler.js';

/**
 * A clock for a client talking real HTTP: time stands still but for sleeps, which return at once
 * and move time forward by their length. A test reads which waits the client asked for, and
 * when it believed it was, without waiting for any of them.
 */
export class SteppingClock implements Clock {
  /** Every sleep asked for, in ms, in order. */
  readonly sleeps: number[] = [];
  private time: number;

  constructor(start: number) {
    this.time = start;
  }

  readonly now = (): number => this.time;

  readonly sleep = (ms: number): Promise<void> => {
    this.sleeps.push(ms);
    this.time += Math.max(0, ms);
    return Promise.resolve();
  };
}
