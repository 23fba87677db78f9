import { readOwnership } from '../model/ownership.js';
import type { Remote } from '../model/remote.js';
import { sharedList } from '../model/shared.js';
import { normalizeContent, normalizeTitle } from '../model/text.js';
import type { Training } from './contract.js';

/** A training as the API returns it, normalised for comparison (see model/remote.ts). */
export function toRemote(t: Training): Remote {
  const metadata = t.metadata ?? null;
  return {
    id: t.id,
    title: normalizeTitle(t.title),
    content: normalizeContent(t.content),
    draftTitle: t.draft_title == null ? null : normalizeTitle(t.draft_title),
    draftContent: t.draft_content == null ? null : normalizeContent(t.draft_content),
    // The two literals rather than a string of each answer: a large org repeats them.
    type: t.type === 'BEHAVIORAL' ? 'BEHAVIORAL' : 'SCENARIO_SPECIFIC',
    isDraft: t.is_draft,
    directoryId: t.directory_id ?? null,
    channels: sharedList([...(t.restricted_to_channels ?? [])].sort()),
    segments: sharedList([...(t.restricted_to_segments ?? [])].sort()),
    metadata,
    ownership: readOwnership(metadata),
    createdAt: timeOf(t.created_at),
    updatedAt: timeOf(t.updated_at),
  };
}

/** A date of the API as milliseconds since the epoch: numbers compare whatever the format. */
function timeOf(date: string | undefined): number | null {
  const time = date === undefined ? NaN : Date.parse(date);
  return Number.isNaN(time) ? null : time;
}
