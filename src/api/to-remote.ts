import { readOwnership } from '../model/ownership.js';
import type { Remote } from '../model/remote.js';
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
    type: t.type,
    isDraft: t.is_draft,
    directoryId: t.directory_id ?? null,
    channels: [...(t.restricted_to_channels ?? [])].sort(),
    segments: [...(t.restricted_to_segments ?? [])].sort(),
    metadata,
    ownership: readOwnership(metadata),
    createdAt: t.created_at ?? null,
    updatedAt: t.updated_at ?? null,
  };
}
