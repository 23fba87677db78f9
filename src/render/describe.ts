import type { Action, ActionKind, FieldChange, FieldValue, Plan } from '../reconcile/plan-types.js';
import { plural } from './style.js';

/** Words shared by the text and Markdown renderers, so both say the same thing. */

export const VERBS: Record<ActionKind, string> = {
  create: 'create',
  update: 'update',
  publish: 'publish',
  unpublish: 'unpublish',
  delete: 'delete',
  'repair-duplicate': 'delete duplicate',
  'no-op': 'no change',
};

/** "2 to create, 1 to update, 1 to delete" (kinds with a count only), or "no changes". */
export function describeSummary(plan: Plan): string {
  const s = plan.summary;
  const parts = [
    s.create > 0 ? `${s.create} to create` : '',
    s.update > 0 ? `${s.update} to update` : '',
    s.publish > 0 ? `${s.publish} to publish` : '',
    s.unpublish > 0 ? `${s.unpublish} to unpublish` : '',
    s.delete > 0 ? `${s.delete} to delete` : '',
    s['repair-duplicate'] > 0 ? `${plural(s['repair-duplicate'], 'duplicate')} to remove` : '',
  ].filter((p) => p !== '');
  return parts.length === 0 ? 'no changes' : parts.join(', ');
}

/** Why an action is there, in words. */
export function describeReason(action: Action): string {
  switch (action.reason) {
    case 'new-file':
      return action.kind === 'create' && action.moved_from !== undefined
        ? `new file; looks like "${action.moved_from}" moved`
        : 'new file';
    case 'pinned-id-missing':
      return 'the pinned id no longer exists';
    case 'changed':
      return action.kind === 'update' || action.kind === 'publish' || action.kind === 'unpublish'
        ? `differs from the file: ${action.changes.map((c) => labelOf(c)).join(', ')}`
        : 'differs from the file';
    case 'pending-edit':
      return 'unpublished edits made in the dashboard';
    case 'file-removed':
      return action.kind === 'delete' && action.moved_to !== undefined
        ? `file removed; looks moved to ${action.moved_to}`
        : 'its file was removed';
    case 'duplicate-key':
      return action.kind === 'repair-duplicate'
        ? `second training with this key; keeping ${action.keep_id}`
        : 'duplicate key';
    case 'in-sync':
      return 'in sync';
  }
}

export function labelOf(change: FieldChange): string {
  return change.field === 'pending_edit' ? 'pending dashboard edit' : change.field;
}

/** A short field value for one line: lists in brackets, texts quoted, nothing as "none". */
export function formatValue(value: FieldValue): string {
  if (value === null) return 'none';
  if (typeof value === 'boolean') return value ? 'draft' : 'published';
  if (Array.isArray(value)) return value.length === 0 ? 'all' : `[${value.join(', ')}]`;
  return JSON.stringify(value);
}

/** Changes shown as one line each (texts get a diff instead). */
export function isTextField(change: FieldChange): boolean {
  return change.field === 'content' || change.field === 'pending_edit';
}

/** Where the action comes from, for diff labels. */
export function fileLabel(action: Action): string {
  return action.file ?? action.key;
}
