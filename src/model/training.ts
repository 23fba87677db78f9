/** The vocabulary of the OpenCX training model, shared by files, the API and the emulator. */

export const CHANNELS = [
  'web',
  'email',
  'phone_voice',
  'slack',
  'sms',
  'whatsapp',
  'instagram',
  'messenger',
  'api',
  'web_voice',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const TRAINING_TYPES = ['SCENARIO_SPECIFIC', 'BEHAVIORAL'] as const;
export type TrainingType = (typeof TRAINING_TYPES)[number];
export const DEFAULT_TRAINING_TYPE: TrainingType = 'SCENARIO_SPECIFIC';

/** User metadata stays flat: nested values would not survive a round trip through frontmatter. */
export type MetadataValue = string | number | boolean;
export type Metadata = Record<string, MetadataValue>;

/** 1-based position in a file, as editors count. */
export interface Position {
  line: number;
  column: number;
}

/**
 * A training as the repository wants it: defaults applied, body normalised, key derived.
 * Everything downstream (plan, apply, render) works on this, never on the written frontmatter.
 */
export interface Desired {
  /** Stable identity within the namespace: `key:` or the path under the root without `.md`. */
  key: string;
  /** Path of the source file relative to the working directory, with `/` separators. */
  file: string;
  /** Remote id this file is pinned to (`id:`), if any. */
  id: string | null;
  title: string;
  content: string;
  type: TrainingType;
  /** Sorted and unique; empty means every channel. */
  channels: Channel[];
  /** Segment names or ids as written; empty means every segment. */
  segments: string[];
  /** Directory id or a name mapped in the config, as written. */
  directory: string | null;
  draft: boolean;
  metadata: Metadata;
  /** Where each top-level field was written, so later stages can point at the line. */
  positions: Partial<Record<string, Position>>;
}
