import {
  API_PATHS,
  MAX_PAGE_SIZE,
  REQUEST_ID_HEADER,
  directoryListSchema,
  segmentListSchema,
  trainingListSchema,
  trainingSchema,
  type CreateTrainingBody,
  type Directory,
  type ListTrainingsQuery,
  type Segment,
  type Training,
  type TrainingList,
  type UpdateTrainingBody,
} from './contract.js';
import { ApiError, UnexpectedResponseError } from './errors.js';
import { parseRetryAfter } from './retry-after.js';
import { headerValue } from './response-headers.js';
import { Transport, type CallSpec, type Service, type TransportOptions } from './transport.js';

export type { RequestEvent } from './transport.js';
export type ClientOptions = TransportOptions;

/** Pages of a listing requested ahead of the reader: enough to keep every connection busy. */
const PAGES_AHEAD = 8;

/** A promise's outcome, kept so that a page failing before it is read is not an unhandled rejection. */
type Settled<T> = { value: T } | { error: unknown };
const settle = <T>(p: Promise<T>): Promise<Settled<T>> =>
  p.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
const unwrap = <T>(s: Settled<T>): T => {
  if ('error' in s) throw s.error;
  return s.value;
};

/** Listings that keep changing under us are re-read at most this many times. */
const MAX_LIST_PASSES = 3;

/** The OpenCX API at the HTTP edge: JSON, its request-id header, and 429 for its rate limit. */
const OPENCX: Service = {
  headers: { accept: 'application/json' },
  requestIdHeader: REQUEST_ID_HEADER,
  readRateLimit: (status, headers, now) => ({
    rateLimited: status === 429,
    retryAfterMs: parseRetryAfter(headerValue(headers, 'retry-after'), now),
  }),
};

/** A typed client of the OpenCX training API. Every call goes through one Scheduler. */
export class OpenCxClient {
  private readonly transport: Transport;

  constructor(options: ClientOptions) {
    this.transport = new Transport(options, OPENCX);
  }

  close(): Promise<void> {
    return this.transport.close();
  }

  /**
   * Every training matching `query`. The first page gives the total; the pages after it are
   * requested together, a few ahead of the reader, so the scheduler's connections are all at
   * work (within the rate budget) and nothing is asked of a reader that stops early. Offset
   * paging over a changing set can skip or repeat items: items are de-duplicated by id, and when
   * `total` differs from one page to another the listing is read again (at most MAX_LIST_PASSES
   * times) to pick up what shifted.
   */
  async *listTrainings(
    query: Omit<ListTrainingsQuery, 'limit' | 'offset'> = {},
  ): AsyncGenerator<Training> {
    const seen = new Set<string>();
    const fresh = (page: TrainingList): Training[] =>
      page.items.filter((item) => {
        if (seen.has(item.id)) return false;
        seen.add(item.id);
        return true;
      });
    const page = (offset: number) => this.listPage({ ...query, limit: MAX_PAGE_SIZE, offset });
    for (let pass = 1; pass <= MAX_LIST_PASSES; pass++) {
      const first = await page(0);
      yield* fresh(first);
      // A server may page by fewer than asked: the first page tells its size.
      const size = first.items.length;
      let changed = false;
      let offset = size;
      let last = first;
      const ahead: Promise<Settled<TrainingList>>[] = [];
      const fill = (): void => {
        while (size > 0 && offset < first.total && ahead.length < PAGES_AHEAD) {
          ahead.push(settle(page(offset)));
          offset += size;
        }
      };
      fill();
      for (let next = ahead.shift(); next !== undefined; next = ahead.shift()) {
        fill();
        last = unwrap(await next);
        if (last.total !== first.total) changed = true;
        yield* fresh(last);
      }
      // The server said there is more than its total: read on, one page at a time.
      while (last.has_more === true && last.items.length > 0) {
        last = await page(offset);
        offset += last.items.length;
        changed = true;
        yield* fresh(last);
      }
      if (!changed) return;
    }
  }

  /** One page of `GET /training`. */
  listPage(query: ListTrainingsQuery): Promise<TrainingList> {
    const { metadata, ...rest } = query;
    return this.call({
      method: 'GET',
      path: API_PATHS.trainings,
      query: { ...rest, metadata: metadata === undefined ? undefined : JSON.stringify(metadata) },
      schema: trainingListSchema,
      idempotent: true,
    });
  }

  /** The training, or undefined when there is none with this id. */
  async getTraining(id: string): Promise<Training | undefined> {
    try {
      return await this.call({
        method: 'GET',
        path: API_PATHS.training(id),
        schema: trainingSchema,
        idempotent: true,
      });
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return undefined;
      throw error;
    }
  }

  /**
   * Create a training. A create is not idempotent: when an attempt fails in a way that leaves
   * its outcome unknown, `findExisting` (which should look the training up by our metadata key)
   * decides whether it was created after all, before anything is sent again. These rounds have
   * the bounds of any call: the configured attempts and deadline.
   */
  async createTraining(
    body: CreateTrainingBody,
    findExisting?: () => Promise<Training | undefined>,
  ): Promise<Training> {
    const rounds = this.transport.scheduler.retryRounds();
    for (;;) {
      try {
        return await this.call({
          method: 'POST',
          path: API_PATHS.trainings,
          body,
          schema: trainingSchema,
          idempotent: false,
        });
      } catch (error) {
        if (!(error instanceof ApiError) || !error.ambiguous || findExisting === undefined)
          throw error;
        const existing = await findExisting();
        if (existing !== undefined) return existing;
        if (!(await rounds.next())) throw error;
      }
    }
  }

  /** Replace a training's state. The documented body has no metadata; see UpdateTrainingBody. */
  updateTraining(id: string, body: UpdateTrainingBody): Promise<Training> {
    return this.call({
      method: 'PUT',
      path: API_PATHS.training(id),
      body,
      schema: trainingSchema,
      idempotent: true,
    });
  }

  /** Delete a training. A training that is already gone counts as deleted. */
  async deleteTraining(id: string): Promise<'deleted' | 'absent'> {
    try {
      await this.call<unknown>({
        method: 'DELETE',
        path: API_PATHS.training(id),
        idempotent: true,
      });
      return 'deleted';
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return 'absent';
      throw error;
    }
  }

  /**
   * Publish (`isDraft: false`) or unpublish a training. Some servers may toggle whatever the
   * body says, which is harmless when the state differs, as callers ensure, but not when
   * repeated: so an ambiguous failure is resolved by reading the state, not by sending again.
   */
  async setDraft(id: string, isDraft: boolean): Promise<Training> {
    const send = () =>
      this.call({
        method: 'PUT',
        path: API_PATHS.trainingDraft(id),
        body: { is_draft: isDraft },
        schema: trainingSchema,
        idempotent: false,
      });
    let result: Training;
    try {
      result = await send();
    } catch (error) {
      if (!(error instanceof ApiError) || !error.ambiguous) throw error;
      const current = await this.getTraining(id);
      result = current?.is_draft === isDraft ? current : await send();
    }
    if (result.is_draft !== isDraft) {
      throw new UnexpectedResponseError(
        `PUT ${API_PATHS.trainingDraft(id)} answered is_draft=${String(result.is_draft)}, expected ${String(isDraft)}.`,
        { method: 'PUT', path: API_PATHS.trainingDraft(id) },
      );
    }
    return result;
  }

  /** [inferred endpoint] Move a training to a directory (null: out of any directory). */
  moveToDirectory(id: string, directoryId: string | null): Promise<Training> {
    return this.call({
      method: 'PUT',
      path: API_PATHS.trainingDirectory(id),
      body: { directory_id: directoryId },
      schema: trainingSchema,
      idempotent: true,
    });
  }

  /** [inferred endpoint] The org's directories, or undefined when the server cannot list them. */
  async listDirectories(): Promise<Directory[] | undefined> {
    try {
      const list = await this.call({
        method: 'GET',
        path: API_PATHS.directories,
        schema: directoryListSchema,
        idempotent: true,
      });
      return Array.isArray(list) ? list : 'items' in list ? list.items : list.data;
    } catch (error) {
      if (error instanceof ApiError && (error.status === 404 || error.status === 405))
        return undefined;
      throw error;
    }
  }

  /** Every contact segment, reading pages until one comes back short. */
  async listSegments(): Promise<Segment[]> {
    const segments: Segment[] = [];
    const seen = new Set<string>();
    for (let page = 1; ; page++) {
      const list = await this.call({
        method: 'GET',
        path: API_PATHS.segments,
        query: { page, limit: MAX_PAGE_SIZE },
        schema: segmentListSchema,
        idempotent: true,
      });
      const items = 'data' in list ? list.data : list.items;
      const fresh = items.filter((s) => !seen.has(s.id));
      for (const s of fresh) seen.add(s.id);
      segments.push(...fresh);
      // A server that ignores `page` would repeat itself forever: stop when nothing is new.
      if (items.length < MAX_PAGE_SIZE || fresh.length === 0) return segments;
    }
  }

  private async call<T>(spec: CallSpec<T>): Promise<T> {
    return (await this.transport.request(spec)).data;
  }
}
