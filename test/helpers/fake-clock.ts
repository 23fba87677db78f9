import type { Clock } from '../../src/api/scheduler.js';

interface Sleeper {
  at: number;
  order: number;
  wake: () => void;
}

/**
 * A clock that moves only when the test moves it: `now` is the fake time, and `sleep` resolves
 * once time has been advanced to its end. Sleepers wake one at a time in time order (ties in the
 * order they fell asleep), with `now` set to their wake time, and whatever they start runs to its
 * next sleep before the next one wakes: a run is the same on a loaded machine as on an idle one.
 */
export class FakeClock implements Clock {
  private time: number;
  private sleepers: Sleeper[] = [];
  private order = 0;

  constructor(start = 0) {
    this.time = start;
  }

  readonly now = (): number => this.time;

  readonly sleep = (ms: number): Promise<void> =>
    new Promise((wake) => {
      this.sleepers.push({ at: this.time + Math.max(0, ms), order: this.order++, wake });
    });

  /** How many sleeps are waiting to be woken. */
  get sleeping(): number {
    return this.sleepers.length;
  }

  /** Move time forward to `time`, waking every sleeper due by then. */
  async advanceTo(time: number): Promise<void> {
    for (;;) {
      await settle();
      const next = this.earliest();
      if (next === undefined || next.at > time) break;
      this.wake(next);
    }
    this.time = Math.max(this.time, time);
    await settle();
  }

  advance(ms: number): Promise<void> {
    return this.advanceTo(this.time + ms);
  }

  /**
   * Let time run until `work` settles, and return its outcome. Fails when `work` waits for
   * something other than time, which would otherwise hang the test.
   */
  async run<T>(work: Promise<T>): Promise<T> {
    let settled = false;
    work.then(
      () => (settled = true),
      () => (settled = true),
    );
    for (;;) {
      await settle();
      if (settled) return work;
      const next = this.earliest();
      if (next === undefined) throw new Error('stuck: nothing is asleep, yet the work never ends');
      this.wake(next);
    }
  }

  private earliest(): Sleeper | undefined {
    let best: Sleeper | undefined;
    for (const s of this.sleepers) {
      if (best === undefined || s.at < best.at || (s.at === best.at && s.order < best.order))
        best = s;
    }
    return best;
  }

  private wake(sleeper: Sleeper): void {
    this.sleepers = this.sleepers.filter((s) => s !== sleeper);
    this.time = Math.max(this.time, sleeper.at);
    sleeper.wake();
  }
}

/** Every promise continuation queued so far (and those they queue) has run. */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
