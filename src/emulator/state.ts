import { z } from 'zod';
import { directorySchema, segmentSchema } from '../api/contract.js';
import { CHANNELS, TRAINING_TYPES } from '../model/training.js';

/**
 * What the emulator holds, and the shape of its data file. A stored training is the public
 * training object with every field present, plus what the real API keeps to itself
 * (`handoff_count`, which only orders the list).
 */

/** Bump on any incompatible change of the data file; older files are refused, not guessed at. */
export const DATA_FORMAT_VERSION = 1;

const jsonObject = z.record(z.string(), z.unknown());

export const storedTrainingSchema = z.strictObject({
  id: z.string().min(1),
  title: z.string(),
  content: z.string(),
  draft_title: z.string().nullable(),
  draft_content: z.string().nullable(),
  type: z.enum(TRAINING_TYPES),
  is_draft: z.boolean(),
  directory_id: z.string().nullable(),
  restricted_to_channels: z.array(z.enum(CHANNELS)),
  restricted_to_segments: z.array(z.string()),
  current_version: z.number().int().min(1).nullable(),
  metadata: jsonObject,
  published_at: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  handoff_count: z.number().int().min(0),
});
export type StoredTraining = z.infer<typeof storedTrainingSchema>;

export const storedDirectorySchema = directorySchema.strict();
export type StoredDirectory = z.infer<typeof storedDirectorySchema>;

export const storedSegmentSchema = segmentSchema.extend({
  description: z.string().nullable(),
  definition: jsonObject,
  created_at: z.string(),
  updated_at: z.string(),
});
export type StoredSegment = z.infer<typeof storedSegmentSchema>;

export const emulatorStateSchema = z.strictObject({
  format_version: z.literal(DATA_FORMAT_VERSION),
  directories: z.array(storedDirectorySchema),
  segments: z.array(storedSegmentSchema),
  /** In creation order: ties in `created_at` fall back to this order. */
  trainings: z.array(storedTrainingSchema),
});
export type EmulatorState = z.infer<typeof emulatorStateSchema>;

/** Parse the text of a data file; the problems come back as readable lines, never thrown. */
export function parseState(
  text: string,
): { ok: true; state: EmulatorState } | { ok: false; problems: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`not valid JSON (${(error as Error).message})`] };
  }
  const parsed = emulatorStateSchema.safeParse(json);
  if (parsed.success) return { ok: true, state: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
    ),
  };
}

export function serializeState(state: EmulatorState): string {
  return `${JSON.stringify(state, null, 2)}\n`;
}
