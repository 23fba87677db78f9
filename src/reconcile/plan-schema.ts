import { z } from 'zod';
import { CHANNELS, TRAINING_TYPES } from '../model/training.js';
import { ACTION_KINDS, PLAN_FORMAT_VERSION, type Plan } from './plan-types.js';

/**
 * The plan JSON of `plan --out`, checked field by field when it is read back. A saved plan never
 * decides what apply writes (apply plans again and compares), but one that is not exactly a plan
 * of this version is refused with the field that is wrong, rather than half understood.
 */

const text = z.string();
const id = z.string().min(1);
const matchedBy = z.enum(['id', 'key']);
const fieldValue = z.union([z.string(), z.boolean(), z.array(z.string()), z.null()]);

const payload = z.strictObject({
  title: text,
  content: text,
  type: z.enum(TRAINING_TYPES),
  is_draft: z.boolean(),
  directory_id: z.string().nullable(),
  restricted_to_channels: z.array(z.enum(CHANNELS)),
  restricted_to_segments: z.array(id),
});

const changes = z.array(
  z.strictObject({
    field: z.enum([
      'title',
      'content',
      'type',
      'draft',
      'directory',
      'channels',
      'segments',
      'pending_edit',
    ]),
    before: fieldValue,
    after: fieldValue,
  }),
);

const base = { key: text, file: z.string().nullable(), title: text };

const action = z.discriminatedUnion('kind', [
  z.strictObject({
    ...base,
    kind: z.literal('create'),
    reason: z.enum(['new-file', 'pinned-id-missing']),
    payload,
    metadata: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
    moved_from: text.optional(),
  }),
  z.strictObject({
    ...base,
    kind: z.literal('update'),
    reason: z.enum(['changed', 'pending-edit']),
    id,
    matched_by: matchedBy,
    payload,
    changes,
  }),
  z.strictObject({
    ...base,
    kind: z.enum(['publish', 'unpublish']),
    reason: z.literal('changed'),
    id,
    matched_by: matchedBy,
    changes,
  }),
  z.strictObject({
    ...base,
    kind: z.literal('delete'),
    reason: z.literal('file-removed'),
    id,
    moved_to: text.optional(),
  }),
  z.strictObject({
    ...base,
    kind: z.literal('repair-duplicate'),
    reason: z.literal('duplicate-key'),
    id,
    keep_id: id,
  }),
  z.strictObject({
    ...base,
    kind: z.literal('no-op'),
    reason: z.literal('in-sync'),
    id,
    matched_by: matchedBy,
  }),
]);

const count = z.number().int().min(0);

const planSchema = z.strictObject({
  format_version: z.literal(PLAN_FORMAT_VERSION),
  target: z.strictObject({ name: text, url: text, kind: z.enum(['remote', 'local']) }),
  namespace: text,
  prune: z.boolean(),
  actions: z.array(action),
  warnings: z.array(
    z.strictObject({
      code: z.enum([
        'moved-file',
        'pinned-id-missing',
        'pinned-other-namespace',
        'metadata-not-synced',
        'prune-disabled',
        'mass-delete',
      ]),
      message: text,
      file: text.optional(),
      key: text.optional(),
    }),
  ),
  summary: z.strictObject(
    Object.fromEntries(ACTION_KINDS.map((k) => [k, count])) as Record<
      (typeof ACTION_KINDS)[number],
      typeof count
    >,
  ),
  guard: z.strictObject({
    deletes: count,
    managed: count,
    max_deletes: count,
    max_delete_ratio: z.number().min(0).max(1),
    tripped: z.boolean(),
    reason: z.enum(['max-deletes', 'ratio', 'all']).nullable(),
  }),
  remote_fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  source_fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
});

/** The schema and the Plan type describe the same data: this fails to compile when they drift. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _inSync: Same<z.infer<typeof planSchema>, Plan> = true;

/** A saved plan as data, or the first problems found in it (at most a few), each with its path. */
export function parsePlan(
  value: unknown,
): { ok: true; plan: Plan } | { ok: false; problems: string[] } {
  if (
    typeof value === 'object' &&
    value !== null &&
    'format_version' in value &&
    value.format_version !== PLAN_FORMAT_VERSION
  ) {
    return {
      ok: false,
      problems: [
        `format_version is ${JSON.stringify(value.format_version)}, and this version of opencx-trainings reads ${PLAN_FORMAT_VERSION}`,
      ],
    };
  }
  const result = planSchema.safeParse(value);
  if (result.success) return { ok: true, plan: result.data };
  return {
    ok: false,
    problems: result.error.issues.slice(0, 5).map((issue) => {
      const where = issue.path.length === 0 ? 'the plan' : issue.path.join('.');
      return `${where}: ${issue.message}`;
    }),
  };
}
