import { describe, expect, it } from 'vitest';
import { MAX_SLUG_LENGTH, isReservedName, isSafeSlug, safeSlug, slugify } from './slug.js';

describe('slugify', () => {
  it.each([
    ['How do I get a refund?', 'how-do-i-get-a-refund'],
    ['Où est ma commande ? 🚲', 'ou-est-ma-commande'],
    ['Straße & Æbleskiver', 'strasse-aebleskiver'],
    ['Łódź / Kraków', 'lodz-krakow'],
    ['v2.0 – Release notes...', 'v2-0-release-notes'],
    ['../../etc/passwd', 'etc-passwd'],
    ['C:\\Windows\\system32', 'c-windows-system32'],
    ['  --Leading and trailing--  ', 'leading-and-trailing'],
    ['ＦＵＬＬＷＩＤＴＨ ﬁ', 'fullwidth-fi'],
  ])('%j → %j', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('falls back when nothing usable is left', () => {
    expect(slugify('退款政策')).toBe('training');
    expect(slugify('🚲🚲')).toBe('training');
    expect(slugify('...')).toBe('training');
    expect(slugify('', 'directory')).toBe('directory');
  });

  it('cuts long titles without leaving a dash at the end', () => {
    const slug = slugify(`${'a'.repeat(MAX_SLUG_LENGTH - 1)} b c`);
    expect(slug).toBe('a'.repeat(MAX_SLUG_LENGTH - 1));
    expect(slugify('word '.repeat(100)).length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
  });

  it('only ever makes lowercase letters, digits and inner dashes', () => {
    const nasty = ['\u0000x\u202e', '.hidden', '_partial', '/', '\\', 'a\nb', '%2e%2e%2f'];
    for (const text of nasty) expect(slugify(text)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});

describe('reserved names', () => {
  it('suffixes names that are ignored or refused by Windows', () => {
    expect(safeSlug('README')).toBe('readme-1');
    expect(safeSlug('con')).toBe('con-1');
    expect(safeSlug('LPT1')).toBe('lpt1-1');
    expect(safeSlug('nul')).toBe('nul-1');
    expect(safeSlug('console')).toBe('console');
  });

  it('knows hidden and partial names', () => {
    expect(isReservedName('.git')).toBe(true);
    expect(isReservedName('_draft')).toBe(true);
    expect(isReservedName('con.txt')).toBe(true);
    expect(isReservedName('billing')).toBe(false);
  });

  it('recognises names that are already safe', () => {
    expect(isSafeSlug('refund-policy')).toBe(true);
    expect(isSafeSlug('Refund')).toBe(false);
    expect(isSafeSlug('readme')).toBe(false);
    expect(isSafeSlug('')).toBe(false);
  });
});
