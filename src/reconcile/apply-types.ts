import type { Training } from '../api/contract.js';
import type { Action } from './plan-types.js';

/**
 * What applying a plan produces (a result per action, events on the way) and what it needs of
 * the API: plain data and interfaces, shared by the engine (apply.ts), the read-back of what it
 * created (concurrent-copies.ts) and the renderers.
 */

/** What apply needs of the API; the OpenCX client provides it. */
export interface ApplyClient {
  createTraining(
    body: Record<string, unknown> & { title: string; content: string },
    findExisting?: () => Promise<Training | undefined>,
  ): Promise<Training>;
  updateTraining(
    id: string,
    body: Record<string, unknown> & { title: string; content: string },
  ): Promise<Training>;
  setDraft(id: string, isDraft: boolean): Promise<Training>;
  deleteTraining(id: string): Promise<'deleted' | 'absent'>;
  listTrainings(query: { metadata?: Record<string, unknown> }): AsyncIterable<Training>;
}

export type ResultStatus = 'ok' | 'failed' | 'skipped';

export interface ActionResult {
  kind: Action['kind'];
  key: string;
  file: string | null;
  title: string;
  status: ResultStatus;
  /** The remote id after the action (the new id for a create). */
  id: string | null;
  /** Why it failed or was skipped, or a note on success ("already gone"). */
  detail?: string;
}

export const APPLY_FORMAT_VERSION = 1;

/** The detail of an action skipped because apply was interrupted before it started. */
export const NOT_STARTED = 'not started: apply was interrupted';

export interface ApplyReport {
  format_version: typeof APPLY_FORMAT_VERSION;
  results: ActionResult[];
  counts: Record<ResultStatus, number>;
  /**
   * Keys that another run created at the same moment as this one: their extra copies are among
   * the results (`repair-duplicate`). Empty when no other run was writing.
   */
  concurrent_keys: string[];
  /** Stopped early (Ctrl+C): the actions it did not start are skipped. */
  interrupted: boolean;
}

/** The report of a plan without changes: nothing was done. */
export function emptyReport(): ApplyReport {
  return {
    format_version: APPLY_FORMAT_VERSION,
    results: [],
    counts: { ok: 0, failed: 0, skipped: 0 },
    concurrent_keys: [],
    interrupted: false,
  };
}

export type ApplyEvent =
  | { type: 'start'; total: number }
  | { type: 'action-start'; action: Action }
  | { type: 'action-done'; result: ActionResult; done: number; total: number };
