import type { Channel } from '../model/training.js';

/**
 * The plan: plain, serialisable data (no classes, functions or Dates), so that it can be saved
 * with `plan --out`, applied later with `apply --plan`, and rendered as text, JSON or Markdown
 * from the same object. Field names are snake_case because this is the documented JSON format.
 * Bump PLAN_FORMAT_VERSION on any incompatible change.
 */
export const PLAN_FORMAT_VERSION = 2;

export const ACTION_KINDS = [
  'create',
  'update',
  'publish',
  'unpublish',
  'delete',
  'repair-duplicate',
  'no-op',
] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

/** Why an action was chosen. */
export type ActionReason =
  /** create: no remote training has this key. */
  | 'new-file'
  /** create: the file pins an id that no longer exists. */
  | 'pinned-id-missing'
  /** update, publish, unpublish: the remote differs from the file. */
  | 'changed'
  /** update: a published training has dashboard edits waiting; restoring the file clears them. */
  | 'pending-edit'
  /** delete: a managed training whose file is gone. */
  | 'file-removed'
  /** repair-duplicate: a second remote training with the same key. */
  | 'duplicate-key'
  /** no-op */
  | 'in-sync';

/** The complete state of a training as the API takes it (create and update bodies). */
export interface TrainingPayload {
  title: string;
  content: string;
  type: 'SCENARIO_SPECIFIC' | 'BEHAVIORAL';
  is_draft: boolean;
  directory_id: string | null;
  restricted_to_channels: Channel[];
  restricted_to_segments: string[];
}

export type ChangedField =
  'title' | 'content' | 'type' | 'draft' | 'directory' | 'channels' | 'segments' | 'pending_edit';
export type FieldValue = string | boolean | string[] | null;

/** One field that differs: the remote value, and the file's. Names stand for ids where known. */
export interface FieldChange {
  field: ChangedField;
  before: FieldValue;
  after: FieldValue;
}

interface ActionBase<R extends ActionReason> {
  key: string;
  /** The file behind the action; null for remote trainings without one. */
  file: string | null;
  title: string;
  reason: R;
}

export type CreateAction = ActionBase<'new-file' | 'pinned-id-missing'> & {
  kind: 'create';
  payload: TrainingPayload;
  metadata: Record<string, string | number | boolean>;
  /** The key of a training deleted in this plan whose text is the same: probably a moved file. */
  moved_from?: string;
};
export type UpdateAction = ActionBase<'changed' | 'pending-edit'> & {
  kind: 'update';
  id: string;
  matched_by: MatchedBy;
  payload: TrainingPayload;
  changes: FieldChange[];
};
export type DraftAction = ActionBase<'changed'> & {
  kind: 'publish' | 'unpublish';
  id: string;
  matched_by: MatchedBy;
  changes: FieldChange[];
};
export type DeleteAction = ActionBase<'file-removed'> & {
  kind: 'delete';
  id: string;
  moved_to?: string;
};
export type RepairAction = ActionBase<'duplicate-key'> & {
  kind: 'repair-duplicate';
  id: string;
  keep_id: string;
};
export type NoopAction = ActionBase<'in-sync'> & {
  kind: 'no-op';
  id: string;
  matched_by: MatchedBy;
};

export type Action =
  CreateAction | UpdateAction | DraftAction | DeleteAction | RepairAction | NoopAction;
export type MatchedBy = 'id' | 'key';

export type WarningCode =
  | 'moved-file'
  | 'pinned-id-missing'
  | 'pinned-other-namespace'
  | 'metadata-not-synced'
  | 'prune-disabled'
  | 'mass-delete';

export interface PlanWarning {
  code: WarningCode;
  message: string;
  file?: string;
  key?: string;
}

/** The mass-delete guard, computed with the plan so that `plan` shows what `apply` would refuse. */
export interface DeleteGuard {
  /** Deletes of trainings whose file is gone (repairs of duplicates are not counted). */
  deletes: number;
  /** Remote trainings this repository manages. */
  managed: number;
  max_deletes: number;
  max_delete_ratio: number;
  tripped: boolean;
  reason: 'max-deletes' | 'ratio' | 'all' | null;
}

export interface PlanTarget {
  name: string;
  url: string;
  kind: 'remote' | 'local';
}

export interface Plan {
  format_version: typeof PLAN_FORMAT_VERSION;
  target: PlanTarget;
  namespace: string;
  prune: boolean;
  /** Every file and every managed remote training gets one action, no-ops included. */
  actions: Action[];
  warnings: PlanWarning[];
  summary: Record<ActionKind, number>;
  guard: DeleteGuard;
  /**
   * Hashes of what the plan was computed from: the org (the namespace's and the pinned
   * trainings, the segments and directories read) and the source (every training file as read,
   * and the settings of opencx.yml that shape the plan). `apply --plan` plans again and goes
   * ahead only when both, and the actions, are the same.
   */
  remote_fingerprint: string;
  source_fingerprint: string;
}

/** True when applying the plan would write anything. */
export function hasChanges(plan: Plan): boolean {
  return plan.actions.some((a) => a.kind !== 'no-op');
}
