/**
 * Which of several remote trainings with one key survives: the oldest by creation time (unknown
 * last), then the smallest id. The duplicate repair of a plan, the check of an apply after its
 * creates and `pull` all use this one order, so that runs seeing the same trainings, even
 * several at once, always keep the same one.
 */
export interface Dated {
  id: string;
  /** Milliseconds since the epoch; null when unknown. */
  createdAt: number | null;
}

export function oldestFirst(a: Dated, b: Dated): number {
  const ta = a.createdAt ?? Infinity;
  const tb = b.createdAt ?? Infinity;
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
