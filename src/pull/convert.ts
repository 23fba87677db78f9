import { type Diagnostic, diagnose } from '../diagnostics/diagnostic.js';
import { userMetadata } from '../model/ownership.js';
import { effectiveText, hasPendingEdit, type Remote } from '../model/remote.js';
import { CHANNELS, type Channel, type Desired, type Metadata } from '../model/training.js';
import { sortChannels } from '../source/normalize.js';
import { describeValue } from '../yaml/schema-issues.js';

/**
 * A remote training as a file will hold it, before it has a path: segment names (ids where a
 * name would not lead back to exactly that segment), a directory name (or id), user metadata.
 */
export type PulledTraining = Pick<
  Desired,
  'title' | 'content' | 'type' | 'channels' | 'segments' | 'directory' | 'draft' | 'metadata'
> & { id: string };

/** A segment or directory as the API lists it. */
export interface Named {
  id: string;
  name: string;
}

/** A directory's name as a file can use it, and whether opencx.yml already maps it. */
export interface DirectoryName {
  name: string;
  mapped: boolean;
}

export interface References {
  /** Segment id → the name that resolves back to it. */
  segments: ReadonlyMap<string, string>;
  directories: ReadonlyMap<string, DirectoryName>;
}

export interface Conversion {
  /** Null when the training cannot be written; the diagnostics say why. */
  training: PulledTraining | null;
  /** Errors refuse the training; warnings are notes about the file. */
  diagnostics: Diagnostic[];
}

/**
 * Turn a remote training into the content of its file. Pure. The text is what the dashboard
 * shows (`draft_* ?? published`): for a draft that is the draft's text, and for a published
 * training with unpublished edits it is the edited text, which the next apply publishes (a
 * warning says so).
 */
export function convertRemote(remote: Remote, refs: References): Conversion {
  const { title, content } = effectiveText(remote);
  const at = { title, id: remote.id };
  const errors: Diagnostic[] = [];
  if (title === '') errors.push(diagnose('remote-empty-title', { id: remote.id }));
  else if (content === '') errors.push(diagnose('remote-empty-content', at));
  for (const channel of remote.channels) {
    if (!(CHANNELS as readonly string[]).includes(channel)) {
      errors.push(diagnose('remote-unknown-channel', { ...at, channel }));
    }
  }
  const segmentIds = [...new Set(remote.segments)];
  for (const id of segmentIds) {
    if (!refs.segments.has(id))
      errors.push(diagnose('remote-unknown-segment', { ...at, segment: id }));
  }
  if (errors.length > 0) return { training: null, diagnostics: errors };

  const { metadata, diagnostics } = flatMetadata(remote.metadata);
  if (hasPendingEdit(remote)) diagnostics.push(diagnose('pending-edit-pulled', { title }));
  const directory =
    remote.directoryId === null
      ? null
      : (refs.directories.get(remote.directoryId)?.name ?? remote.directoryId);
  return {
    training: {
      id: remote.id,
      title,
      content,
      type: remote.type,
      channels: sortChannels(remote.channels as Channel[]),
      segments: segmentIds.map((id) => refs.segments.get(id) ?? id).sort(),
      directory,
      draft: remote.isDraft,
      metadata,
    },
    diagnostics,
  };
}

/** User metadata with flat values only; ownership keys are never written to files. */
function flatMetadata(raw: Readonly<Record<string, unknown>> | null): {
  metadata: Metadata;
  diagnostics: Diagnostic[];
} {
  const metadata: Metadata = {};
  const diagnostics: Diagnostic[] = [];
  const user = userMetadata(raw);
  for (const key of Object.keys(user).sort()) {
    const value = user[key];
    if (
      key !== '__proto__' &&
      (typeof value === 'string' ||
        typeof value === 'boolean' ||
        (typeof value === 'number' && Number.isFinite(value)))
    ) {
      metadata[key] = value;
    } else {
      diagnostics.push(diagnose('metadata-skipped', { key, received: describeValue(value) }));
    }
  }
  return { metadata, diagnostics };
}

/**
 * Segment ids → names a file can use: a name stands for one segment only when no other segment
 * has it (nor has it as an id) and it reads back as written. Otherwise the file keeps the id.
 */
export function segmentNames(segments: readonly Named[]): Map<string, string> {
  const count = new Map<string, number>();
  for (const s of segments) count.set(s.name, (count.get(s.name) ?? 0) + 1);
  const ids = new Set(segments.map((s) => s.id));
  const names = new Map<string, string>();
  for (const s of segments) {
    const usable = count.get(s.name) === 1 && isPlainName(s.name) && !ids.has(s.name);
    names.set(s.id, usable ? s.name : s.id);
  }
  return names;
}

/**
 * Directory ids → names: the config's `directories:` map first (the first name in order when
 * several map to one id), then the names the server lists that the config does not use, which
 * the user must add to opencx.yml before the files validate.
 */
export function directoryNames(
  mapped: Readonly<Record<string, string>>,
  listed: readonly Named[] | undefined,
): Map<string, DirectoryName> {
  const names = new Map<string, DirectoryName>();
  for (const name of Object.keys(mapped).sort()) {
    const id = mapped[name] as string;
    if (isPlainName(name) && !names.has(id)) names.set(id, { name, mapped: true });
  }
  const count = new Map<string, number>();
  for (const d of listed ?? []) count.set(d.name, (count.get(d.name) ?? 0) + 1);
  for (const d of listed ?? []) {
    if (names.has(d.id) || count.get(d.name) !== 1 || !isPlainName(d.name)) continue;
    if (Object.hasOwn(mapped, d.name)) continue;
    names.set(d.id, { name: d.name, mapped: false });
  }
  return names;
}

/** A name that a file can hold and that reads back the same (frontmatter values are trimmed). */
function isPlainName(name: string): boolean {
  return name !== '' && name === name.trim();
}
