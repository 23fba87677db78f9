import { Pool } from 'undici';
import type { z } from 'zod';
import { VERSION } from '../version.js';
import { redact } from '../util/redact.js';
import { checkBaseUrl } from './base-url.js';
import {
  API_PATHS,
  MAX_PAGE_SIZE,
  REQUEST_ID_HEADER,
  directoryListSchema,
  errorBodySchema,
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
import { ApiError, UnexpectedResponseError, describeApiFailure } from './errors.js';
import { parseRetryAfter } from './retry-after.js';
import {
  MAX_ATTEMPTS,
  Scheduler,
  systemClock,
  type Clock,
  type RetryDecision,
  type SchedulerOptions,
} from './scheduler.js';

export const CONNECT_TIMEOUT_MS = 10_000;
export const HEADERS_TIMEOUT_MS = 30_000;
export const BODY_TIMEOUT_MS = 30_000;
/** Listings that keep changing under us are re-read at most this many times. */
export const MAX_LIST_PASSES = 3;

export interface ClientOptions extends SchedulerOptions {
  baseUrl: string;
  /** The API key. It is sent in the Authorization header and nowhere else. */
  token: string;
  /** Called after every attempt, for --debug output. Messages are already redacted. */
  onRequest?: (event: RequestEvent) => void;
}

export interface RequestEvent {
  method: string;
  path: string;
  attempt: number;
  status: number | undefined;
  ms: number;
  requestId: string | undefined;
  error?: string;
}

interface CallSpec<T> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** Shape of a 2xx body; absent when the body does not matter. */
  schema?: z.ZodType<T>;
  /** False for creates: a failure after sending is then ambiguous and not retried here. */
  idempotent: boolean;
}

/** Errors of undici that mean the request never left: retrying cannot duplicate anything. */
export const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
]);

/** A typed client of the OpenCX training API. Every call goes through one Scheduler. */
export class OpenCxClient {
  private readonly pool: Pool;
  private readonly scheduler: Scheduler;
  private readonly clock: Clock;
  private readonly token: string;
  private readonly basePath: string;
  private readonly userAgent = `opencx-trainings/${VERSION} node/${process.version}`;
  private readonly onRequest: ((event: RequestEvent) => void) | undefined;

  constructor(options: ClientOptions) {
    const url = checkBaseUrl(options.baseUrl);
    this.token = options.token;
    this.basePath = url.pathname.replace(/\/+$/, '');
    this.clock = options.clock ?? systemClock;
    this.scheduler = new Scheduler(options);
    this.onRequest = options.onRequest;
    this.pool = new Pool(url.origin, {
      connections: Math.max(1, options.concurrency ?? 4),
      connectTimeout: CONNECT_TIMEOUT_MS,
      headersTimeout: HEADERS_TIMEOUT_MS,
      bodyTimeout: BODY_TIMEOUT_MS,
      keepAliveTimeout: 10_000,
    });
  }

  async close(): Promise<void> {
    await this.pool.close();
  }

  /**
   * Every training matching `query`, page by page. Offset paging over a changing set can skip
   * or repeat items: items are de-duplicated by id, and when `total` changes during a pass the
   * listing is read again (at most MAX_LIST_PASSES times) to pick up what shifted.
   */
  async *listTrainings(
    query: Omit<ListTrainingsQuery, 'limit' | 'offset'> = {},
  ): AsyncGenerator<Training> {
    const seen = new Set<string>();
    for (let pass = 1; pass <= MAX_LIST_PASSES; pass++) {
      let total: number | undefined;
      let changed = false;
      for (let offset = 0; ;) {
        const page = await this.listPage({ ...query, limit: MAX_PAGE_SIZE, offset });
        if (total !== undefined && page.total !== total) changed = true;
        total ??= page.total;
        for (const item of page.items) {
          if (seen.has(item.id)) continue;
          seen.add(item.id);
          yield item;
        }
        offset += page.items.length;
        const more = page.has_more ?? offset < page.total;
        if (!more || page.items.length === 0) break;
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
   * decides whether it was created after all, before anything is sent again.
   */
  async createTraining(
    body: CreateTrainingBody,
    findExisting?: () => Promise<Training | undefined>,
  ): Promise<Training> {
    for (let round = 1; ; round++) {
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
        if (round >= MAX_ATTEMPTS) throw error;
        await this.clock.sleep(this.scheduler.backoff(round));
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

  private call<T>(spec: CallSpec<T>): Promise<T> {
    return this.scheduler.run(
      (attempt) => this.attempt(spec, attempt),
      (error) => this.decide(error, spec.idempotent),
    );
  }

  private decide(error: unknown, idempotent: boolean): RetryDecision {
    if (!(error instanceof ApiError) || error instanceof UnexpectedResponseError)
      return { retry: false };
    if (error.status === 429) return { retry: true, afterMs: retryAfterOf(error), pauseAll: true };
    if (error.status !== undefined) return { retry: error.status >= 500 && idempotent };
    return { retry: idempotent || !error.ambiguous };
  }

  private async attempt<T>(spec: CallSpec<T>, attempt: number): Promise<T> {
    const path = `${this.basePath}${spec.path}${queryString(spec.query)}`;
    const started = this.clock.now();
    const details = { method: spec.method, path: spec.path, attempts: attempt };
    let status: number | undefined;
    let requestId: string | undefined;
    let failure: ApiError | undefined;
    try {
      const response = await this.pool.request({
        method: spec.method,
        path,
        headers: {
          authorization: `Bearer ${this.token}`,
          'user-agent': this.userAgent,
          accept: 'application/json',
          ...(spec.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: spec.body === undefined ? null : JSON.stringify(spec.body),
      });
      status = response.statusCode;
      requestId = headerValue(response.headers[REQUEST_ID_HEADER]);
      const text = await response.body.text();
      if (status < 200 || status >= 300) {
        const retryAfter = headerValue(response.headers['retry-after']);
        // A server error on a write leaves its outcome unknown, like a dropped connection.
        const ambiguous = !spec.idempotent && status >= 500;
        throw this.httpError(
          { ...details, status, requestId, serverMessage: serverMessageOf(text), ambiguous },
          retryAfter,
        );
      }
      return this.parseBody(spec, text, { ...details, status, requestId });
    } catch (error) {
      failure = error instanceof ApiError ? error : this.networkError(error, spec, details);
      throw failure;
    } finally {
      this.report({
        method: spec.method,
        path: spec.path,
        attempt,
        status,
        ms: this.clock.now() - started,
        requestId,
        ...(failure === undefined ? {} : { error: failure.message }),
      });
    }
  }

  private parseBody<T>(
    spec: CallSpec<T>,
    text: string,
    details: { method: string; path: string; status: number; requestId: string | undefined },
  ): T {
    if (spec.schema === undefined) return undefined as T;
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      throw new UnexpectedResponseError(
        this.safe(
          `${spec.method} ${spec.path} answered with a body that is not JSON: ${truncate(text)}`,
        ),
        details,
      );
    }
    const result = spec.schema.safeParse(json);
    if (!result.success) {
      const issue = result.error.issues[0];
      const where =
        issue === undefined || issue.path.length === 0
          ? 'the body'
          : `field "${issue.path.join('.')}"`;
      throw new UnexpectedResponseError(
        this.safe(
          `${spec.method} ${spec.path} answered with an unexpected shape: ${where}: ${issue?.message ?? 'invalid'}.`,
        ),
        details,
      );
    }
    return result.data;
  }

  private httpError(
    details: ConstructorParameters<typeof ApiError>[1],
    retryAfter: string | undefined,
  ): ApiError {
    const error = new ApiError(this.safe(describeApiFailure(details)), {
      ...details,
      serverMessage: details.serverMessage && this.safe(details.serverMessage),
    });
    retryAfters.set(error, retryAfter);
    return error;
  }

  private networkError(
    error: unknown,
    spec: CallSpec<unknown>,
    details: { method: string; path: string; attempts: number },
  ): ApiError {
    const code =
      (error as { code?: string }).code ?? (error instanceof Error ? error.name : 'UNKNOWN');
    // A write whose request may have reached the server before the connection failed.
    const ambiguous = !spec.idempotent && !NOT_SENT_CODES.has(code);
    const full = { ...details, code, ambiguous };
    return new ApiError(this.safe(describeApiFailure(full)), full, { cause: error });
  }

  private report(event: RequestEvent): void {
    this.onRequest?.({
      ...event,
      ...(event.error === undefined ? {} : { error: this.safe(event.error) }),
    });
  }

  /** Every message leaving the client passes here, so the token never does. */
  private safe(text: string): string {
    return redact(text, {}, [this.token]);
  }
}

const retryAfters = new WeakMap<ApiError, string | undefined>();

function retryAfterOf(error: ApiError): number | undefined {
  return parseRetryAfter(retryAfters.get(error), Date.now());
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function queryString(query: CallSpec<unknown>['query']): string {
  if (query === undefined) return '';
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) params.set(name, String(value));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** The server's words from an error body: `message` (string or list), else `error`, else text. */
export function serverMessageOf(text: string): string | undefined {
  if (text.trim() === '') return undefined;
  try {
    const parsed = errorBodySchema.safeParse(JSON.parse(text));
    if (parsed.success) {
      const { message, error } = parsed.data;
      if (Array.isArray(message) && message.length > 0) return message.join('; ');
      if (typeof message === 'string' && message !== '') return message;
      if (error !== undefined) return error;
    }
  } catch {
    // Not JSON: the raw text below.
  }
  return truncate(text);
}

function truncate(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 197)}...` : flat;
}
