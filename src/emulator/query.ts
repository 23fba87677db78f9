import {
  DEFAULT_SEGMENT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  MAX_SEGMENT_PAGE_SIZE,
  TRAINING_SORT_FIELDS,
} from '../api/contract.js';
import { TRAINING_TYPES } from '../model/training.js';
import { DEFAULT_LIST_QUERY, type ListQuery } from './filters.js';
import type { Checked } from './validation.js';

/**
 * Query strings checked like the real API's DTOs: unknown or repeated parameters and values out
 * of range are 400s whose messages name the parameter, so a client typo (`is-draft`) fails loudly
 * instead of silently listing everything.
 */

const LIST_PARAMS = ['search', 'type', 'is_draft', 'metadata', 'limit', 'offset', 'sort_by'];
const SEGMENT_PARAMS = ['page', 'limit'];

export interface SegmentsQuery {
  page: number;
  limit: number;
}

export function parseListQuery(params: URLSearchParams): Checked<ListQuery> {
  const problems = checkNames(params, LIST_PARAMS);
  const one = (name: string) => single(params, name, problems);
  const query: ListQuery = {
    search: one('search'),
    type: oneOf('type', one('type'), TRAINING_TYPES, problems),
    isDraft: parseBoolean('is_draft', one('is_draft'), problems),
    metadata: parseJsonObject('metadata', one('metadata'), problems),
    limit:
      integer('limit', one('limit'), { min: 1, max: MAX_PAGE_SIZE }, problems) ??
      DEFAULT_LIST_QUERY.limit,
    offset: integer('offset', one('offset'), { min: 0 }, problems) ?? DEFAULT_LIST_QUERY.offset,
    sortBy:
      oneOf('sort_by', one('sort_by'), TRAINING_SORT_FIELDS, problems) ?? DEFAULT_LIST_QUERY.sortBy,
  };
  return problems.length === 0 ? { ok: true, value: query } : { ok: false, messages: problems };
}

export function parseSegmentsQuery(params: URLSearchParams): Checked<SegmentsQuery> {
  const problems = checkNames(params, SEGMENT_PARAMS);
  const one = (name: string) => single(params, name, problems);
  const query: SegmentsQuery = {
    page: integer('page', one('page'), { min: 1 }, problems) ?? 1,
    limit:
      integer('limit', one('limit'), { min: 1, max: MAX_SEGMENT_PAGE_SIZE }, problems) ??
      DEFAULT_SEGMENT_PAGE_SIZE,
  };
  return problems.length === 0 ? { ok: true, value: query } : { ok: false, messages: problems };
}

function checkNames(params: URLSearchParams, known: readonly string[]): string[] {
  const unknown = new Set([...params.keys()].filter((name) => !known.includes(name)));
  return [...unknown].map((name) => `property ${name} should not exist`);
}

function single(params: URLSearchParams, name: string, problems: string[]): string | undefined {
  const values = params.getAll(name);
  if (values.length > 1) problems.push(`${name} must be given once, not ${values.length} times`);
  return values[0];
}

function oneOf<T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
  problems: string[],
): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  problems.push(`${name} must be one of: ${allowed.join(', ')}`);
  return undefined;
}

function parseBoolean(name: string, value: string | undefined, problems: string[]) {
  const word = oneOf(name, value, ['true', 'false'], problems);
  return word === undefined ? undefined : word === 'true';
}

function integer(
  name: string,
  value: string | undefined,
  { min, max }: { min: number; max?: number },
  problems: string[],
): number | undefined {
  if (value === undefined) return undefined;
  const n = /^-?\d{1,15}$/.test(value) ? Number(value) : NaN;
  if (Number.isInteger(n) && n >= min && (max === undefined || n <= max)) return n;
  problems.push(
    max === undefined
      ? `${name} must be an integer greater than or equal to ${min}`
      : `${name} must be an integer from ${min} to ${max}`,
  );
  return undefined;
}

function parseJsonObject(
  name: string,
  value: string | undefined,
  problems: string[],
): Record<string, unknown> | undefined {
  if (value === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    parsed = undefined;
  }
  if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
    return parsed as Record<string, unknown>;
  }
  problems.push(`${name} must be a JSON object, e.g. ${name}={"owner":"payments"} (URL-encoded)`);
  return undefined;
}
