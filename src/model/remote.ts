import type { TrainingType } from './training.js';
import type { Ownership } from './ownership.js';

/**
 * A training as it is in OpenCX, normalised for comparison: texts normalised like file bodies,
 * channels and segments sorted, ownership read from metadata. Plain data, so that plans that
 * embed it serialise.
 */
export interface Remote {
  id: string;
  /** The published text: what the AI uses when the training is not a draft. */
  title: string;
  content: string;
  /** Text being edited (dashboard or draft), null when there is none. */
  draftTitle: string | null;
  draftContent: string | null;
  type: TrainingType;
  isDraft: boolean;
  directoryId: string | null;
  channels: string[];
  segments: string[];
  /** Null when unknown: a single-training GET does not return metadata. */
  metadata: Record<string, unknown> | null;
  ownership: Ownership | null;
  /** Milliseconds since the epoch (the API's dates, read): null when absent or unreadable. */
  createdAt: number | null;
  updatedAt: number | null;
}

/** The text that would go live if the training were published now (the docs' `draft ?? published`). */
export function effectiveText(r: Remote): { title: string; content: string } {
  return { title: r.draftTitle ?? r.title, content: r.draftContent ?? r.content };
}

/** A published training with dashboard edits that are not live yet. */
export function hasPendingEdit(r: Remote): boolean {
  return (
    !r.isDraft &&
    ((r.draftTitle !== null && r.draftTitle !== r.title) ||
      (r.draftContent !== null && r.draftContent !== r.content))
  );
}

/**
 * The remote training with the file's strings wherever its texts are equal to them: equal
 * strings, so nothing changes but memory. An org in sync with its files then holds each text
 * once, not twice (at 100,000 trainings, the difference is most of a hundred megabytes).
 */
export function shareTexts(
  remote: Remote,
  file: { title: string; content: string } | undefined,
): Remote {
  if (file === undefined) return remote;
  const share = (text: string | null): string | null =>
    text === file.title ? file.title : text === file.content ? file.content : text;
  return {
    ...remote,
    title: share(remote.title) as string,
    content: share(remote.content) as string,
    draftTitle: share(remote.draftTitle),
    draftContent: share(remote.draftContent),
  };
}
