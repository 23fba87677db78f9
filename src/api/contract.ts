import { z } from 'zod';
import { CHANNELS, TRAINING_TYPES } from '../model/training.js';

/**
 * The OpenCX training API as documented (see docs/opencx-api.md), shared by the client, which
 * checks every response against it, and the emulator, which checks every request body.
 *
 * Responses are read leniently (unknown fields kept and ignored; a channel we do not know yet is
 * still a string) so that the API growing never breaks a sync. Request bodies are checked
 * strictly by the emulator, as the real API validates them.
 */

export const API_PATHS = {
  trainings: '/training',
  training: (id: string) => `/training/${encodeURIComponent(id)}`,
  trainingDraft: (id: string) => `/training/${encodeURIComponent(id)}/draft`,
  /** [inferred] The reference has a "Move to directory" page without its path. */
  trainingDirectory: (id: string) => `/training/${encodeURIComponent(id)}/directory`,
  /** [inferred] No documented endpoint lists directories; the emulator serves this one. */
  directories: '/training/directories',
  segments: '/contacts/segments',
} as const;

/** The documented limit of `GET /training`. */
export const MAX_PAGE_SIZE = 100;
/** The documented default of `GET /contacts/segments`. */
export const MAX_SEGMENT_PAGE_SIZE = 100;

const channel = z.enum(CHANNELS);
const trainingType = z.enum(TRAINING_TYPES);
const metadataValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** A training as the API returns it. `metadata` is absent from single-training GETs. */
export const trainingSchema = z.looseObject({
  id: z.string().min(1),
  title: z.string(),
  content: z.string(),
  draft_title: z.string().nullable().optional(),
  draft_content: z.string().nullable().optional(),
  type: trainingType,
  is_draft: z.boolean(),
  directory_id: z.string().nullable().optional(),
  restricted_to_channels: z.array(z.string()).nullable().optional(),
  restricted_to_segments: z.array(z.string()).nullable().optional(),
  current_version: z.number().nullable().optional(),
  metadata: z.record(z.string(), z.unknown()).nullable().optional(),
  published_at: z.string().nullable().optional(),
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
});
export type Training = z.infer<typeof trainingSchema>;

export const trainingListSchema = z.looseObject({
  items: z.array(trainingSchema),
  total: z.number().int().min(0),
  limit: z.number().int().optional(),
  offset: z.number().int().optional(),
  has_more: z.boolean().optional(),
});
export type TrainingList = z.infer<typeof trainingListSchema>;

/** Body of `POST /training`. */
export const createTrainingBody = z.strictObject({
  title: z.string().min(1),
  content: z.string().min(1),
  type: trainingType.optional(),
  is_draft: z.boolean().optional(),
  directory_id: z.string().min(1).nullable().optional(),
  restricted_to_channels: z.array(channel).optional(),
  restricted_to_segments: z.array(z.string().min(1)).optional(),
  metadata: z.record(z.string(), metadataValue).optional(),
});
export type CreateTrainingBody = z.infer<typeof createTrainingBody>;

/**
 * Body of `PUT /training/{id}`. The documented body has no `metadata`; whether a server
 * rejects, ignores or applies it is unknown, so it is accepted here and the emulator decides.
 */
export const updateTrainingBody = createTrainingBody.extend({});
export type UpdateTrainingBody = z.infer<typeof updateTrainingBody>;

/** [inferred] Body of `PUT /training/{id}/draft` (`ToggleDraftInputDto`, not shown). */
export const toggleDraftBody = z.strictObject({ is_draft: z.boolean() });

/** [inferred] Body of the move-to-directory endpoint. */
export const moveToDirectoryBody = z.strictObject({ directory_id: z.string().min(1).nullable() });

export const directorySchema = z.looseObject({ id: z.string().min(1), name: z.string() });
export type Directory = z.infer<typeof directorySchema>;
export const directoryListSchema = z.union([
  z.array(directorySchema),
  z.object({ items: z.array(directorySchema) }),
  z.object({ data: z.array(directorySchema) }),
]);

export const segmentSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  description: z.string().nullable().optional(),
  definition: z.unknown().optional(),
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
});
export type Segment = z.infer<typeof segmentSchema>;

/** [inferred] A sibling endpoint answers `{ data: [...] }`; accept `data` or `items`. */
export const segmentListSchema = z.union([
  z.object({ data: z.array(segmentSchema) }),
  z.object({ items: z.array(segmentSchema) }),
]);

/**
 * [inferred] The error body: `message` (a string or a list), else `error`. The emulator answers
 * in the NestJS shape `{ statusCode, message, error }`.
 */
export const errorBodySchema = z.looseObject({
  message: z.union([z.string(), z.array(z.string())]).optional(),
  error: z.string().optional(),
  statusCode: z.number().optional(),
});

/** Query of `GET /training`. */
export interface ListTrainingsQuery {
  search?: string;
  type?: (typeof TRAINING_TYPES)[number];
  is_draft?: boolean;
  limit?: number;
  offset?: number;
  sort_by?: 'created_at' | 'handoff_count';
  /** Matches trainings whose metadata contains this object (jsonb `@>`). */
  metadata?: Record<string, unknown>;
}

/** The response header carrying the server's id for a request, quoted in errors. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** The documented default `limit` of `GET /training`. */
export const DEFAULT_PAGE_SIZE = 50;
/** The documented default `limit` of `GET /contacts/segments`. */
export const DEFAULT_SEGMENT_PAGE_SIZE = 20;
/** The documented `sort_by` values of `GET /training`; `created_at` is the default. */
export const TRAINING_SORT_FIELDS = ['created_at', 'handoff_count'] as const;
export type TrainingSortField = (typeof TRAINING_SORT_FIELDS)[number];
