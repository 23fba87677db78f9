import { describe, expect, it } from 'vitest';
import { seedTraining, type TrainingSeed } from './seed.js';
import type { StoredTraining } from './state.js';
import {
  createTraining,
  setDraft,
  toggleDraft,
  toPublicTraining,
  updateTraining,
  type MetadataOnUpdate,
  type ModelContext,
} from './trainings.js';

const T0 = '2025-01-01T00:00:00.000Z';
const T1 = '2025-01-02T00:00:00.000Z';
const ctx: ModelContext = { now: T1, draftCreate: 'both' };
const text = { title: 'Refunds', content: 'Within 30 days.' };
const edited = { title: 'Refunds (new)', content: 'Within 60 days.' };

function aTraining(overrides: Partial<TrainingSeed> = {}): StoredTraining {
  return seedTraining({ id: 't1', ...text, ...overrides }, T0);
}

describe('createTraining', () => {
  it('publishes version 1 unless asked for a draft', () => {
    expect(createTraining('t1', text, ctx)).toMatchObject({
      ...text,
      draft_title: null,
      draft_content: null,
      is_draft: false,
      current_version: 1,
      published_at: T1,
      type: 'SCENARIO_SPECIFIC',
      restricted_to_channels: [],
      metadata: {},
    });
  });

  it('keeps a draft unpublished, its text in both places or in draft_* only', () => {
    const draft = { ...text, is_draft: true };
    expect(createTraining('t1', draft, ctx)).toMatchObject({
      ...text,
      draft_title: text.title,
      draft_content: text.content,
      is_draft: true,
      current_version: null,
      published_at: null,
    });
    expect(createTraining('t1', draft, { ...ctx, draftCreate: 'draft-only' })).toMatchObject({
      title: '',
      content: '',
      draft_title: text.title,
    });
  });
});

describe('updateTraining', () => {
  const update = (
    training: StoredTraining,
    body: object,
    metadataOnUpdate: MetadataOnUpdate = 'ignore',
  ) => updateTraining(training, { ...edited, ...body }, { ...ctx, metadataOnUpdate });

  it('publishes a new version and clears pending edits', () => {
    const pending = aTraining({ draft_title: 'dashboard edit' });
    expect(update(pending, { is_draft: false })).toMatchObject({
      ...edited,
      draft_title: null,
      draft_content: null,
      current_version: 2,
      published_at: T1,
      updated_at: T1,
    });
  });

  it('keeps the published text beside a new draft', () => {
    expect(update(aTraining(), { is_draft: true })).toMatchObject({
      ...text,
      draft_title: edited.title,
      draft_content: edited.content,
      is_draft: true,
      current_version: 1,
      published_at: T0,
    });
  });

  it('mirrors a never-published draft into title/content, unless draft-only', () => {
    const draft = aTraining({ is_draft: true, draft_title: 'a', draft_content: 'b' });
    expect(update(draft, {})).toMatchObject({ ...edited, draft_title: edited.title });
    const draftOnly = updateTraining({ ...draft, title: '', content: '' }, edited, {
      ...ctx,
      draftCreate: 'draft-only',
      metadataOnUpdate: 'ignore',
    });
    expect(draftOnly).toMatchObject({ title: '', content: '', draft_title: edited.title });
  });

  it('keeps omitted fields and applies metadata only when told to', () => {
    const training = aTraining({ directory_id: 'd1', metadata: { owner: 'a' } });
    const kept = update(training, { metadata: { owner: 'b' } });
    expect(kept).toMatchObject({ directory_id: 'd1', is_draft: false, metadata: { owner: 'a' } });
    expect(update(training, { metadata: { owner: 'b' } }, 'apply').metadata).toEqual({
      owner: 'b',
    });
    expect(update(training, { directory_id: null }).directory_id).toBeNull();
  });
});

describe('setDraft and toggleDraft', () => {
  it('promotes pending text as a new version on publish', () => {
    const pending = aTraining({ is_draft: true, current_version: 1, draft_title: 'New title' });
    expect(setDraft(pending, false, T1)).toMatchObject({
      title: 'New title',
      content: text.content,
      draft_title: null,
      is_draft: false,
      current_version: 2,
      published_at: T1,
    });
  });

  it('makes the current version live again when there is nothing to promote', () => {
    const unpublished = aTraining({ is_draft: true, current_version: 3, published_at: T0 });
    expect(setDraft(unpublished, false, T1)).toMatchObject({
      is_draft: false,
      current_version: 3,
      published_at: T0,
    });
  });

  it('publishes a never-published draft as version 1', () => {
    const draft = aTraining({ is_draft: true });
    expect(setDraft(draft, false, T1)).toMatchObject({ current_version: 1, published_at: T1 });
  });

  it('unpublishes without losing any text, and toggles both ways', () => {
    const pending = aTraining({ draft_title: 'edit' });
    const unpublished = setDraft(pending, true, T1);
    expect(unpublished).toMatchObject({ ...text, draft_title: 'edit', is_draft: true });
    expect(toggleDraft(unpublished, T1).is_draft).toBe(false);
    expect(toggleDraft(aTraining(), T1).is_draft).toBe(true);
  });
});

describe('toPublicTraining', () => {
  it('hides internal fields, and metadata unless asked', () => {
    const training = aTraining({ metadata: { a: 1 }, handoff_count: 4 });
    expect(toPublicTraining(training, { includeMetadata: false })).not.toHaveProperty('metadata');
    const shown = toPublicTraining(training, { includeMetadata: true });
    expect(shown.metadata).toEqual({ a: 1 });
    expect(shown).not.toHaveProperty('handoff_count');
  });
});
