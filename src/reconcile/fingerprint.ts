import { createHash } from 'node:crypto';
import type { Desired } from '../model/training.js';

/**
 * sha-256 of a canonical JSON form of `value` (object keys sorted), so that equal data gives an
 * equal hash whatever order it was assembled in. Arrays keep their order: callers sort them.
 */
export function fingerprint(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

/** What shapes a plan on the repository's side: every training as read, and the settings. */
export interface SourceSettings {
  namespace: string;
  prune: boolean;
  maxDeletes: number;
  maxDeleteRatio: number;
  /** The directory names of the target, mapped to ids. */
  directories: Readonly<Record<string, string>>;
}

/** The fingerprint of the source of a plan: the training files and opencx.yml, as read. */
export function fingerprintSource(desired: readonly Desired[], settings: SourceSettings): string {
  const trainings = [...desired].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return fingerprint({ trainings, settings });
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
