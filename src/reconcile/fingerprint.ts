import type { Desired } from '../model/training.js';
import { fingerprint } from '../util/fingerprint.js';

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
