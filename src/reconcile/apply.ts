import type { Training } from '../api/contract.js';
import { ApiError } from '../api/errors.js';
import { keyFilter } from '../model/ownership.js';
import type { Action, Plan } from './plan-types.js';

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

export interface ApplyReport {
  format_version: typeof APPLY_FORMAT_VERSION;
  results: ActionResult[];
  counts: Record<ResultStatus, number>;
}

/** The report of a plan without changes: nothing was done. */
export function emptyReport(): ApplyReport {
  return {
    format_version: APPLY_FORMAT_VERSION,
    results: [],
    counts: { ok: 0, failed: 0, skipped: 0 },
  };
}

export type ApplyEvent =
  | { type: 'start'; total: number }
  | { type: 'action-start'; action: Action }
  | { type: 'action-done'; result: ActionResult; done: number; total: number };

export interface ApplyOptions {
  onEvent?: (event: ApplyEvent) => void;
}

/**
 * Carry out a plan. Creates, updates and publications run first (concurrently, paced by the
 * client's scheduler); deletes run last, and not at all if anything before them failed, so that
 * a failure half-way never leaves the agent with fewer instructions than before. Every action
 * gets a result; a failure never stops the others. Apply never prints: progress goes to onEvent.
 */
export async function applyPlan(
  plan: Plan,
  client: ApplyClient,
  options: ApplyOptions = {},
): Promise<ApplyReport> {
  const emit = options.onEvent ?? (() => undefined);
  const work = plan.actions.filter((a) => a.kind !== 'no-op');
  const isRemoval = (a: Action): boolean => a.kind === 'delete' || a.kind === 'repair-duplicate';
  const results: ActionResult[] = new Array<ActionResult>(work.length);
  let done = 0;
  emit({ type: 'start', total: work.length });

  const run = async (
    index: number,
    perform: (action: Action) => Promise<Outcome>,
  ): Promise<void> => {
    const action = work[index] as Action;
    emit({ type: 'action-start', action });
    let outcome: Outcome;
    try {
      outcome = await perform(action);
    } catch (error) {
      outcome = { status: 'failed', id: idOf(action), detail: messageOf(error) };
    }
    const result = {
      kind: action.kind,
      key: action.key,
      file: action.file,
      title: action.title,
      ...outcome,
    };
    results[index] = result;
    emit({ type: 'action-done', result, done: ++done, total: work.length });
  };
  const indices = (removal: boolean): number[] =>
    work.flatMap((a, i) => (isRemoval(a) === removal ? [i] : []));

  await Promise.all(indices(false).map((i) => run(i, (a) => perform(a, plan.namespace, client))));
  const failed = results.filter((r) => r.status === 'failed').length;
  const remove =
    failed === 0
      ? (a: Action) => perform(a, plan.namespace, client)
      : (a: Action): Promise<Outcome> =>
          Promise.resolve({
            status: 'skipped',
            id: idOf(a),
            detail: `not deleted because ${failed} earlier action(s) failed; fix them and apply again`,
          });
  await Promise.all(indices(true).map((i) => run(i, remove)));

  return {
    format_version: APPLY_FORMAT_VERSION,
    results,
    counts: {
      ok: results.filter((r) => r.status === 'ok').length,
      failed: results.filter((r) => r.status === 'failed').length,
      skipped: results.filter((r) => r.status === 'skipped').length,
    },
  };
}

type Outcome = Pick<ActionResult, 'status' | 'id' | 'detail'>;

function idOf(action: Action): string | null {
  return action.kind === 'create' ? null : action.id;
}

async function perform(action: Action, namespace: string, client: ApplyClient): Promise<Outcome> {
  switch (action.kind) {
    case 'create': {
      // After an ambiguous failure, the key tells whether the create happened after all.
      const findExisting = async (): Promise<Training | undefined> => {
        for await (const t of client.listTrainings({ metadata: keyFilter(namespace, action.key) }))
          return t;
        return undefined;
      };
      const created = await client.createTraining(
        { ...action.payload, metadata: action.metadata },
        findExisting,
      );
      if (created.is_draft !== action.payload.is_draft)
        await client.setDraft(created.id, action.payload.is_draft);
      return { status: 'ok', id: created.id };
    }
    case 'update': {
      const updated = await client.updateTraining(action.id, { ...action.payload });
      // A server may keep the draft flag out of updates; the dedicated endpoint settles it.
      if (updated.is_draft !== action.payload.is_draft)
        await client.setDraft(action.id, action.payload.is_draft);
      return { status: 'ok', id: action.id };
    }
    case 'publish':
    case 'unpublish':
      await client.setDraft(action.id, action.kind === 'unpublish');
      return { status: 'ok', id: action.id };
    case 'delete':
    case 'repair-duplicate': {
      const outcome = await client.deleteTraining(action.id);
      return {
        status: 'ok',
        id: action.id,
        ...(outcome === 'absent' ? { detail: 'already gone' } : {}),
      };
    }
    case 'no-op':
      return { status: 'ok', id: action.id };
  }
}

function messageOf(error: unknown): string {
  if (error instanceof ApiError && error.status === 404)
    return `${error.message} (the training was deleted since the plan was made)`;
  return error instanceof Error ? error.message : String(error);
}
