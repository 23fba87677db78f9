import { RESERVED_METADATA_PREFIX } from '../model/ownership.js';
import { effectiveText, type Remote } from '../model/remote.js';
import { diffTraining, type Names } from './diff.js';
import { describeGuard, guardOfActions } from './guards.js';
import { matchTrainings, type Duplicate, type Match } from './match.js';
import {
  ACTION_KINDS,
  PLAN_FORMAT_VERSION,
  type Action,
  type ActionKind,
  type CreateAction,
  type DeleteAction,
  type Plan,
  type PlanTarget,
  type PlanWarning,
  type RepairAction,
} from './plan-types.js';
import { createMetadataOf, payloadOf } from './payload.js';
import type { ResolvedDesired } from './resolve.js';

export interface PlanInput {
  desired: readonly ResolvedDesired[];
  /** The namespace's managed trainings and the pinned ones, as read from the API. */
  remotes: readonly Remote[];
  namespace: string;
  prune: boolean;
  maxDeletes: number;
  maxDeleteRatio: number;
  target: PlanTarget;
  names: Names;
  remoteFingerprint: string;
  sourceFingerprint: string;
}

/**
 * Desired state and remote state in, a Plan out. Pure: match, then diff each pair, then choose
 * the action. Deletes only ever concern trainings marked with this namespace; everything else is
 * left alone unless a file pins it.
 */
export function assemblePlan(input: PlanInput): Plan {
  const { matches, orphans, duplicates } = matchTrainings(
    input.desired,
    input.remotes,
    input.namespace,
  );
  const warnings: PlanWarning[] = [];
  const actions: Action[] = matches.map((m) => actionFor(m, input, warnings));

  actions.push(...repairsOf(duplicates));

  const deletes = orphans.map((remote) => {
    const action: DeleteAction = {
      kind: 'delete',
      key: remote.ownership?.key ?? '',
      file: null,
      title: remote.title,
      reason: 'file-removed',
      id: remote.id,
    };
    return { action, remote };
  });
  if (input.prune) actions.push(...deletes.map((d) => d.action));
  else if (deletes.length > 0) {
    warnings.push({
      code: 'prune-disabled',
      message: `${deletes.length} managed training(s) have no file any more and are kept because prune is off: ${deletes
        .map((d) => d.action.key)
        .join(', ')}.`,
    });
  }

  if (input.prune) {
    linkMovedFiles(
      actions.filter((a): a is CreateAction => a.kind === 'create'),
      deletes,
      warnings,
    );
  }
  const guard = guardOfActions(actions, input);
  if (guard.tripped) warnings.push({ code: 'mass-delete', message: describeGuard(guard) });

  return {
    format_version: PLAN_FORMAT_VERSION,
    target: input.target,
    namespace: input.namespace,
    prune: input.prune,
    actions,
    warnings,
    summary: summarize(actions),
    guard,
    remote_fingerprint: input.remoteFingerprint,
    source_fingerprint: input.sourceFingerprint,
  };
}

/** A repair for every extra copy of a key, the oldest kept; `fileOf` names a key's file. */
export function repairsOf(
  duplicates: readonly Duplicate[],
  fileOf: (key: string) => string | null = () => null,
): RepairAction[] {
  return duplicates.flatMap(({ keep, extra }) => {
    const key = keep.ownership?.key ?? '';
    return extra.map((r) => ({
      kind: 'repair-duplicate' as const,
      key,
      file: fileOf(key),
      title: r.title,
      reason: 'duplicate-key' as const,
      id: r.id,
      keep_id: keep.id,
    }));
  });
}

function actionFor(m: Match, input: PlanInput, warnings: PlanWarning[]): Action {
  const d = m.desired;
  const base = { key: d.key, file: d.file, title: d.title };
  if (m.pinMissing) {
    warnings.push({
      code: 'pinned-id-missing',
      file: d.file,
      key: d.key,
      message: `${d.file} pins id ${d.id ?? ''}, which does not exist in OpenCX${m.remote === null ? ': a new training will be created' : `; it matches ${m.remote.id} by key instead`}. Update or remove its \`id:\`.`,
    });
  }
  if (m.remote === null || m.matchedBy === null) {
    return {
      ...base,
      kind: 'create',
      reason: m.pinMissing ? 'pinned-id-missing' : 'new-file',
      payload: payloadOf(d),
      metadata: createMetadataOf(d, input.namespace),
    };
  }
  const r = m.remote;
  warnAboutOwnership(m, r, input.namespace, warnings);
  const changes = diffTraining(d, r, input.names);
  const matched = { ...base, id: r.id, matched_by: m.matchedBy };
  if (changes.length === 0) return { ...matched, kind: 'no-op', reason: 'in-sync' };
  if (changes.length === 1 && changes[0]?.field === 'draft') {
    return { ...matched, kind: d.draft ? 'unpublish' : 'publish', reason: 'changed', changes };
  }
  const onlyPending = changes.every((c) => c.field === 'pending_edit');
  return {
    ...matched,
    kind: 'update',
    reason: onlyPending ? 'pending-edit' : 'changed',
    payload: payloadOf(d),
    changes,
  };
}

function warnAboutOwnership(m: Match, r: Remote, namespace: string, warnings: PlanWarning[]): void {
  const d = m.desired;
  if (m.matchedBy === 'id' && r.ownership !== null && r.ownership.namespace !== namespace) {
    warnings.push({
      code: 'pinned-other-namespace',
      file: d.file,
      key: d.key,
      message: `${d.file} pins ${r.id}, which namespace "${r.ownership.namespace}" manages; both repositories will change it.`,
    });
  }
  if (r.metadata !== null && !sameUserMetadata(r.metadata, d.metadata)) {
    warnings.push({
      code: 'metadata-not-synced',
      file: d.file,
      key: d.key,
      message: `The metadata of ${d.file} differs from OpenCX's. The API writes metadata only when a training is created, so it is not updated; delete the training in OpenCX to recreate it with the new metadata.`,
    });
  }
}

/** A delete and a create with the same text are most likely one file that moved. */
function linkMovedFiles(
  creates: readonly CreateAction[],
  deletes: readonly { action: DeleteAction; remote: Remote }[],
  warnings: PlanWarning[],
): void {
  for (const { action: del, remote } of deletes) {
    const text = effectiveText(remote);
    const create = creates.find(
      (c) =>
        c.moved_from === undefined &&
        c.payload.title === text.title &&
        c.payload.content === text.content,
    );
    if (create === undefined) continue;
    create.moved_from = del.key;
    del.moved_to = create.file ?? create.key;
    warnings.push({
      code: 'moved-file',
      ...(create.file === null ? {} : { file: create.file }),
      key: create.key,
      message: `${create.file ?? create.key} looks like "${del.key}" moved: as it stands, apply deletes the old training and creates a new one. To keep its identity, add \`key: ${del.key}\` to the file.`,
    });
  }
}

function summarize(actions: readonly Action[]): Record<ActionKind, number> {
  const summary = Object.fromEntries(ACTION_KINDS.map((k) => [k, 0])) as Record<ActionKind, number>;
  for (const a of actions) summary[a.kind]++;
  return summary;
}

/** The remote's user metadata (ours left out) equals the file's. Allocates nothing: runs per training. */
function sameUserMetadata(
  remote: Readonly<Record<string, unknown>>,
  file: Readonly<Record<string, unknown>>,
): boolean {
  let count = 0;
  for (const name in remote) {
    if (!Object.hasOwn(remote, name) || name.startsWith(RESERVED_METADATA_PREFIX)) continue;
    if (!Object.hasOwn(file, name) || !Object.is(remote[name], file[name])) return false;
    count++;
  }
  for (const name in file) if (Object.hasOwn(file, name)) count--;
  return count === 0;
}
