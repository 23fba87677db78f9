/**
 * A budget of requests, not a metronome: at most `limit` sends in any window of `windowMs`, and
 * nothing more. A run that fits the budget goes out at once; a longer one sends each request as
 * soon as the one `limit` places before it leaves the window, so it uses the whole budget.
 *
 * A sliding window holds a fixed-window server too (every fixed window is one of the sliding
 * ones). The window is taken a little longer than the server's, by JITTER_MARGIN: requests sent
 * exactly a window apart may arrive closer together than they left.
 *
 * Reservations are handed out in order and may lie in the future: each caller learns when it
 * may send, so that concurrent callers queue instead of racing. Pure: time is passed in.
 */
export const JITTER_MARGIN = 0.02;

export class RateBudget {
  /** Send times of the last `limit` reservations, oldest first. */
  private readonly sends: number[] = [];
  private readonly windowMs: number;

  constructor(
    private readonly limit: number,
    windowMs: number,
  ) {
    if (!(Number.isInteger(limit) && limit >= 1)) {
      throw new RangeError(`a rate budget needs at least 1 request, not ${limit}`);
    }
    this.windowMs = Math.ceil(windowMs * (1 + JITTER_MARGIN));
  }

  /** Take a send; returns when it may go (`now` or later). */
  reserve(now: number): number {
    const full = this.sends.length >= this.limit;
    const at = full ? Math.max(now, (this.sends[0] as number) + this.windowMs) : now;
    this.sends.push(at);
    if (this.sends.length > this.limit) this.sends.shift();
    return at;
  }
}
