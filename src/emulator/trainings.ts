import type { CreateTrainingBody, Training, UpdateTrainingBody } from '../api/contract.js';
import { DEFAULT_TRAINING_TYPE } from '../model/training.js';
import type { StoredTraining } from './state.js';

/**
 * The publish model of docs/opencx-api.md, as pure functions from one stored training to the
 * next. Invariants: `title`/`content` are what the AI uses once published (`current_version` not
 * null); `draft_*` hold text not published yet, or null; a published training may still carry
 * `draft_*` (a pending edit made in the dashboard).
 */

/** [inferred] Where a training created as a draft keeps its text. */
export type DraftCreate = 'both' | 'draft-only';
/** [inferred] What `PUT /training/{id}` does with a `metadata` field. */
export type MetadataOnUpdate = 'ignore' | 'apply' | 'reject';

export interface ModelContext {
  /** ISO time of the change. */
  now: string;
  draftCreate: DraftCreate;
}

/** The fields a new training needs; any other may be given. */
export type TrainingFields = Partial<StoredTraining> &
  Pick<StoredTraining, 'id' | 'title' | 'content'>;

/**
 * A training with every field filled: what is given is kept, the rest is as a new training has
 * it. Unless told otherwise a published training is version 1, published `now`, and a draft has
 * never been published. Setting `draft_title` on a published one gives a pending dashboard edit.
 */
export function completeTraining(fields: TrainingFields, now: string): StoredTraining {
  const isDraft = fields.is_draft ?? false;
  const version =
    fields.current_version !== undefined ? fields.current_version : isDraft ? null : 1;
  return {
    id: fields.id,
    title: fields.title,
    content: fields.content,
    draft_title: fields.draft_title ?? null,
    draft_content: fields.draft_content ?? null,
    type: fields.type ?? DEFAULT_TRAINING_TYPE,
    is_draft: isDraft,
    directory_id: fields.directory_id ?? null,
    restricted_to_channels: [...(fields.restricted_to_channels ?? [])],
    restricted_to_segments: [...(fields.restricted_to_segments ?? [])],
    current_version: version,
    metadata: { ...fields.metadata },
    published_at:
      fields.published_at !== undefined ? fields.published_at : version === null ? null : now,
    created_at: fields.created_at ?? now,
    updated_at: fields.updated_at ?? fields.created_at ?? now,
    handoff_count: fields.handoff_count ?? 0,
  };
}

export function createTraining(
  id: string,
  body: CreateTrainingBody,
  ctx: ModelContext,
): StoredTraining {
  const { title, content, is_draft: isDraft, ...settings } = body;
  const draftOnly = isDraft === true && ctx.draftCreate === 'draft-only';
  const base = completeTraining(
    {
      ...settings,
      id,
      title: draftOnly ? '' : title,
      content: draftOnly ? '' : content,
      is_draft: true,
    },
    ctx.now,
  );
  if (isDraft === true) return { ...base, draft_title: title, draft_content: content };
  return publishText(base, title, content, ctx.now);
}

/**
 * An update carries the whole desired state. [inferred] An omitted optional field keeps its
 * value; `is_draft: false` publishes the text as a new version, `is_draft: true` keeps it as a
 * draft beside the last published version.
 */
export function updateTraining(
  training: StoredTraining,
  body: UpdateTrainingBody,
  ctx: ModelContext & { metadataOnUpdate: MetadataOnUpdate },
): StoredTraining {
  const next: StoredTraining = {
    ...training,
    type: body.type ?? training.type,
    directory_id: body.directory_id !== undefined ? body.directory_id : training.directory_id,
    restricted_to_channels: [...(body.restricted_to_channels ?? training.restricted_to_channels)],
    restricted_to_segments: [...(body.restricted_to_segments ?? training.restricted_to_segments)],
    metadata:
      ctx.metadataOnUpdate === 'apply' && body.metadata !== undefined
        ? { ...body.metadata }
        : training.metadata,
    updated_at: ctx.now,
  };
  if (!(body.is_draft ?? training.is_draft)) {
    return publishText(next, body.title, body.content, ctx.now);
  }
  // Until a first publication, title/content mirror the draft (unless created draft-only).
  const mirror = training.current_version === null && ctx.draftCreate === 'both';
  return {
    ...next,
    is_draft: true,
    draft_title: body.title,
    draft_content: body.content,
    title: mirror ? body.title : training.title,
    content: mirror ? body.content : training.content,
  };
}

/**
 * `PUT /training/{id}/draft`. Publishing promotes pending draft text as a new version; with no
 * draft text it makes the current version live again (a first publication if there was none).
 * Unpublishing keeps every text.
 */
export function setDraft(training: StoredTraining, isDraft: boolean, now: string): StoredTraining {
  if (isDraft) return { ...training, is_draft: true, updated_at: now };
  const hasDraft = training.draft_title !== null || training.draft_content !== null;
  if (hasDraft || training.current_version === null) {
    return publishText(
      { ...training, updated_at: now },
      training.draft_title ?? training.title,
      training.draft_content ?? training.content,
      now,
    );
  }
  return { ...training, is_draft: false, updated_at: now };
}

/** [inferred] The body-less reading of the draft endpoint: flip the state. */
export function toggleDraft(training: StoredTraining, now: string): StoredTraining {
  return setDraft(training, !training.is_draft, now);
}

export function moveTraining(
  training: StoredTraining,
  directoryId: string | null,
  now: string,
): StoredTraining {
  return { ...training, directory_id: directoryId, updated_at: now };
}

/** The training as the API shows it: internal fields dropped, `metadata` only where asked. */
export function toPublicTraining(
  training: StoredTraining,
  { includeMetadata }: { includeMetadata: boolean },
): Training {
  const { handoff_count: _handoffs, metadata, ...shown } = training;
  return includeMetadata ? { ...shown, metadata: { ...metadata } } : shown;
}

function publishText(
  training: StoredTraining,
  title: string,
  content: string,
  now: string,
): StoredTraining {
  return {
    ...training,
    title,
    content,
    draft_title: null,
    draft_content: null,
    is_draft: false,
    current_version: (training.current_version ?? 0) + 1,
    published_at: now,
  };
}
