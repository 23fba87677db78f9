import type { Training } from '../../src/api/contract.js';
import { ownershipMetadata } from '../../src/model/ownership.js';
import { toRemote } from '../../src/api/to-remote.js';
import type { Remote } from '../../src/model/remote.js';
import type { ResolvedDesired } from '../../src/reconcile/resolve.js';

/** A desired training: a published scenario training for every channel unless told otherwise. */
export function aTraining(overrides: Partial<ResolvedDesired> & { key: string }): ResolvedDesired {
  return {
    file: `trainings/${overrides.key}.md`,
    id: null,
    title: `Title of ${overrides.key}`,
    content: `Content of ${overrides.key}.`,
    type: 'SCENARIO_SPECIFIC',
    channels: [],
    segments: [],
    segmentIds: [],
    directory: null,
    directoryId: null,
    draft: false,
    metadata: {},
    positions: {},
    ...overrides,
  };
}

let created = 0;

/** A remote training as the API returns it, managed by `namespace` under `key` when given. */
export function anApiTraining(
  overrides: Partial<Training> & { key?: string; namespace?: string } = {},
): Training {
  const { key, namespace = 'test', ...fields } = overrides;
  created++;
  return {
    id: `00000000-0000-4000-8000-${String(created).padStart(12, '0')}`,
    title: key === undefined ? 'Unmanaged' : `Title of ${key}`,
    content: key === undefined ? 'Unmanaged.' : `Content of ${key}.`,
    draft_title: null,
    draft_content: null,
    type: 'SCENARIO_SPECIFIC',
    is_draft: false,
    directory_id: null,
    restricted_to_channels: [],
    restricted_to_segments: [],
    current_version: 1,
    metadata: key === undefined ? {} : ownershipMetadata(namespace, key),
    published_at: '2026-01-01T00:00:00.000Z',
    created_at: `2026-01-01T00:00:${String(created % 60).padStart(2, '0')}.000Z`,
    updated_at: '2026-01-01T00:00:00.000Z',
    ...fields,
  };
}

export function aRemote(overrides: Parameters<typeof anApiTraining>[0] = {}): Remote {
  return toRemote(anApiTraining(overrides));
}
