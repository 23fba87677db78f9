import { randomUUID } from 'node:crypto';
import {
  DATA_FORMAT_VERSION,
  type EmulatorState,
  type StoredDirectory,
  type StoredSegment,
  type StoredTraining,
} from './state.js';
import { completeTraining } from './trainings.js';

/**
 * The state an emulator starts from when it has no data file yet. The defaults are what the
 * embedded local target shows a new user: three directories, four segments, no trainings. The ids
 * are fixed so that configs and examples can name them.
 */

const SEEDED_AT = '2024-01-01T00:00:00.000Z';

export const DEFAULT_DIRECTORIES: readonly StoredDirectory[] = [
  { id: '3c9a7f52-1d4e-4b8a-9f3e-2a6b5c7d8e01', name: 'Billing' },
  { id: '3c9a7f52-1d4e-4b8a-9f3e-2a6b5c7d8e02', name: 'Orders' },
  { id: '3c9a7f52-1d4e-4b8a-9f3e-2a6b5c7d8e03', name: 'Service' },
];

export const DEFAULT_SEGMENTS: readonly StoredSegment[] = [
  defaultSegment('5e6f7a81-2b3c-4d5e-8f90-a1b2c3d4e5f1', 'VIP customers', {
    field: 'lifetime_value',
    operator: 'gte',
    value: 5000,
  }),
  defaultSegment('5e6f7a81-2b3c-4d5e-8f90-a1b2c3d4e5f2', 'Subscribers', {
    field: 'subscription_status',
    operator: 'eq',
    value: 'active',
  }),
  defaultSegment('5e6f7a81-2b3c-4d5e-8f90-a1b2c3d4e5f3', 'New customers', {
    field: 'first_order_at',
    operator: 'within_days',
    value: 30,
  }),
  defaultSegment('5e6f7a81-2b3c-4d5e-8f90-a1b2c3d4e5f4', 'Business accounts', {
    field: 'account_type',
    operator: 'eq',
    value: 'business',
  }),
];

function defaultSegment(id: string, name: string, condition: object): StoredSegment {
  return {
    id,
    name,
    description: null,
    definition: { operator: 'and', conditions: [condition] },
    created_at: SEEDED_AT,
    updated_at: SEEDED_AT,
  };
}

/** A training to start with: only `title` and `content` are needed, anything else may be set. */
export type TrainingSeed = Partial<StoredTraining> & Pick<StoredTraining, 'title' | 'content'>;
/** A change to a stored training: its id and the fields that change. */
export type TrainingChange = Partial<StoredTraining> & Pick<StoredTraining, 'id'>;
export type SegmentSeed = Partial<StoredSegment> & Pick<StoredSegment, 'name'>;

/** Omitted lists take the defaults; an empty list means none. */
export interface SeedInput {
  directories?: readonly StoredDirectory[];
  segments?: readonly SegmentSeed[];
  trainings?: readonly TrainingSeed[];
}

/** Build a full state from a seed; `now` is the ISO time given to what the seed leaves unset. */
export function buildState(seed: SeedInput, now: string): EmulatorState {
  return {
    format_version: DATA_FORMAT_VERSION,
    directories: (seed.directories ?? DEFAULT_DIRECTORIES).map((d) => ({ ...d })),
    segments: (seed.segments ?? DEFAULT_SEGMENTS).map((s) => seedSegment(s, now)),
    trainings: (seed.trainings ?? []).map((t) => seedTraining(t, now)),
  };
}

function seedSegment(seed: SegmentSeed, now: string): StoredSegment {
  return {
    ...seed,
    id: seed.id ?? randomUUID(),
    description: seed.description ?? null,
    definition: seed.definition ?? {},
    created_at: seed.created_at ?? now,
    updated_at: seed.updated_at ?? now,
  };
}

/** A seeded training without an id gets a random one; see `completeTraining` for the rest. */
export function seedTraining(seed: TrainingSeed, now: string): StoredTraining {
  return completeTraining({ ...seed, id: seed.id ?? randomUUID() }, now);
}
