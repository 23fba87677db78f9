import { effectiveText, hasPendingEdit, type Remote } from '../model/remote.js';
import type { FieldChange } from './plan-types.js';
import type { ResolvedDesired } from './resolve.js';

/** Display names for ids in changes: segments and directories read better by name. */
export interface Names {
  segments: Readonly<Record<string, string>>;
  directories: Readonly<Record<string, string>>;
}

/**
 * The fields in which a remote training differs from its file. Pure. Sets compare as sets;
 * texts compare after the same normalisation as files.
 *
 * Which remote text counts: for a published file and a published remote, what the AI uses
 * (`title`/`content`), and a pending dashboard edit is drift of its own. Otherwise the text
 * publishing would make live (`draft_* ?? published`), so that publishing a draft that already
 * holds the file's text needs no new version.
 */
export function diffTraining(d: ResolvedDesired, r: Remote, names: Names): FieldChange[] {
  const changes: FieldChange[] = [];
  const text = d.draft || r.isDraft ? effectiveText(r) : { title: r.title, content: r.content };
  if (d.title !== text.title) changes.push({ field: 'title', before: text.title, after: d.title });
  if (d.content !== text.content)
    changes.push({ field: 'content', before: text.content, after: d.content });
  if (!d.draft && hasPendingEdit(r)) {
    changes.push({ field: 'pending_edit', before: pendingText(r), after: null });
  }
  if (d.type !== r.type) changes.push({ field: 'type', before: r.type, after: d.type });
  if (d.directoryId !== r.directoryId) {
    changes.push({
      field: 'directory',
      before: nameOf(r.directoryId, names.directories),
      after: nameOf(d.directoryId, names.directories),
    });
  }
  if (!sameSet(d.channels, r.channels)) {
    changes.push({
      field: 'channels',
      before: [...r.channels].sort(),
      after: [...d.channels].sort(),
    });
  }
  if (!sameSet(d.segmentIds, r.segments)) {
    changes.push({
      field: 'segments',
      before: r.segments.map((id) => nameOf(id, names.segments) ?? id).sort(),
      after: d.segmentIds.map((id) => nameOf(id, names.segments) ?? id).sort(),
    });
  }
  if (d.draft !== r.isDraft) changes.push({ field: 'draft', before: r.isDraft, after: d.draft });
  return changes;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  // Most lists are shared or equal in order: no set to build for them (this runs per training).
  if (a.length === b.length && a.every((x, i) => x === b[i])) return true;
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((x) => set.has(x));
}

function nameOf(id: string | null, names: Readonly<Record<string, string>>): string | null {
  return id === null ? null : (names[id] ?? id);
}

function pendingText(r: Remote): string {
  const parts = [];
  if (r.draftTitle !== null && r.draftTitle !== r.title) parts.push(`title: ${r.draftTitle}`);
  if (r.draftContent !== null && r.draftContent !== r.content) parts.push(r.draftContent);
  return parts.join('\n');
}
