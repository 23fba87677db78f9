import { describe, expect, it } from 'vitest';
import { nextPageUrl } from './link-header.js';

describe('nextPageUrl', () => {
  it('finds the next page among the others', () => {
    const header =
      '<https://api.github.com/repositories/1/issues/2/comments?page=1>; rel="prev", ' +
      '<https://api.github.com/repositories/1/issues/2/comments?page=3>; rel="next", ' +
      '<https://api.github.com/repositories/1/issues/2/comments?page=5>; rel="last"';
    expect(nextPageUrl(header)).toBe(
      'https://api.github.com/repositories/1/issues/2/comments?page=3',
    );
  });

  it('is undefined on the last page or without a header', () => {
    expect(nextPageUrl('<https://x.test/?page=1>; rel="first"')).toBeUndefined();
    expect(nextPageUrl(undefined)).toBeUndefined();
    expect(nextPageUrl('')).toBeUndefined();
  });

  it('reads unquoted and multi-valued rel', () => {
    expect(nextPageUrl('<https://x.test/?page=2>; rel=next')).toBe('https://x.test/?page=2');
    expect(nextPageUrl('<https://x.test/?page=2>; rel="last next"')).toBe('https://x.test/?page=2');
  });
});
