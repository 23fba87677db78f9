import { describe, expect, it } from 'vitest';
import { DEFAULT_LIST_QUERY } from './filters.js';
import { parseListQuery, parseSegmentsQuery } from './query.js';

const parse = (text: string) => parseListQuery(new URLSearchParams(text));

describe('parseListQuery', () => {
  it('applies the documented defaults', () => {
    expect(parse('')).toEqual({ ok: true, value: DEFAULT_LIST_QUERY });
    expect(DEFAULT_LIST_QUERY).toMatchObject({ limit: 50, offset: 0, sortBy: 'created_at' });
  });

  it('reads every filter', () => {
    const parsed = parse(
      'search=Refund&type=BEHAVIORAL&is_draft=false&metadata=%7B%22a%22%3A1%7D&limit=100&offset=7&sort_by=handoff_count',
    );
    expect(parsed).toEqual({
      ok: true,
      value: {
        search: 'Refund',
        type: 'BEHAVIORAL',
        isDraft: false,
        metadata: { a: 1 },
        limit: 100,
        offset: 7,
        sortBy: 'handoff_count',
      },
    });
  });

  it('reports every problem at once, unknown parameters first', () => {
    expect(parse('limit=abc&offset=1e3&page=2&is_draft=1')).toEqual({
      ok: false,
      messages: [
        'property page should not exist',
        'is_draft must be one of: true, false',
        'limit must be an integer from 1 to 100',
        'offset must be an integer greater than or equal to 0',
      ],
    });
  });
});

describe('parseSegmentsQuery', () => {
  it('defaults to the first page of 20', () => {
    expect(parseSegmentsQuery(new URLSearchParams())).toEqual({
      ok: true,
      value: { page: 1, limit: 20 },
    });
  });
});
