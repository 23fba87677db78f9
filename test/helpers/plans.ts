import { assemblePlan, type PlanInput } from '../../src/reconcile/plan.js';
import type { Plan } from '../../src/reconcile/plan-types.js';
import type { Remote } from '../../src/model/remote.js';
import { assemblePull, type PullInput, type PullPlan } from '../../src/pull/assemble.js';
import { directoryNames, segmentNames } from '../../src/pull/convert.js';
import { aRemote, aTraining } from './builders.js';

/** A directory the org lists and opencx.yml does not map. */
export const ORDERS_DIRECTORY = { id: '3c9a7f52-1d4e-4b8a-9f3e-2a6b5c7d8e02', name: 'Orders' };

const REMOTES = [aRemote({ key: 'kept' }), aRemote({ key: 'gone' })];

/**
 * A plan of one create, one update and one delete, for a remote target, with fingerprints of
 * the documented shape: the same plan on every call, unless told otherwise.
 */
export function aPlan(overrides: Partial<PlanInput> = {}): Plan {
  return assemblePlan({
    desired: [aTraining({ key: 'new' }), aTraining({ key: 'kept', content: 'Changed.' })],
    remotes: REMOTES,
    namespace: 'test',
    prune: true,
    maxDeletes: 10,
    maxDeleteRatio: 0.25,
    target: { name: 'prod', url: 'https://api.open.cx', kind: 'remote' },
    names: { segments: {}, directories: {} },
    remoteFingerprint: 'a'.repeat(64),
    sourceFingerprint: 'b'.repeat(64),
    ...overrides,
  });
}

/** The pull of `remotes` into an empty `trainings` folder, by default. */
export function aPullPlan(
  remotes: readonly Remote[],
  overrides: Partial<PullInput> = {},
): PullPlan {
  return assemblePull({
    remotes,
    local: [],
    existingPaths: [],
    namespace: 'test',
    mode: 'new',
    force: false,
    refs: {
      segments: segmentNames([]),
      directories: directoryNames({}, [ORDERS_DIRECTORY]),
    },
    folder: 'trainings',
    ...overrides,
  });
}
