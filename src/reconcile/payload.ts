import { ownershipMetadata } from '../model/ownership.js';
import type { CreateAction, TrainingPayload } from './plan-types.js';
import type { ResolvedDesired } from './resolve.js';

/** The whole state of a training as its file sets it: the body of a create or an update. */
export function payloadOf(d: ResolvedDesired): TrainingPayload {
  return {
    title: d.title,
    content: d.content,
    type: d.type,
    is_draft: d.draft,
    directory_id: d.directoryId,
    restricted_to_channels: [...d.channels],
    restricted_to_segments: [...d.segmentIds],
  };
}

/** The metadata a training is created with (the API writes it on create only): the file's, and ours. */
export function createMetadataOf(d: ResolvedDesired, namespace: string): CreateAction['metadata'] {
  return { ...d.metadata, ...ownershipMetadata(namespace, d.key) };
}
