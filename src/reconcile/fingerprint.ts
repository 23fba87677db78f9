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

/**
 * The fingerprint of the source of a plan: the training files, as the digest of their paths and
 * bytes (source/read.ts), and the settings of opencx.yml that shape the plan.
 */
export function fingerprintSource(files: string, settings: SourceSettings): string {
  return fingerprint({ files, settings });
}
