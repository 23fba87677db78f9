/**
 * File and folder names made from titles and directory names. A slug is lowercase ASCII letters,
 * digits and single dashes, so it can never hold a separator, `..`, a drive letter or a leading
 * dot: whatever a title says, its slug stays one plain name inside the folder it is joined to.
 */

export const MAX_SLUG_LENGTH = 80;
const FALLBACK_SLUG = 'training';

/** Letters that NFKD does not split into a base letter and a mark. */
const TRANSLITERATIONS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
};

/**
 * Names a tool or an operating system treats specially: `README.md` and `_*`/`.*` files are not
 * read as trainings, and Windows cannot create `con.md` and its kin (with any extension).
 */
const RESERVED = new Set([
  'readme',
  'con',
  'prn',
  'aux',
  'nul',
  ...Array.from({ length: 9 }, (_, i) => `com${i + 1}`),
  ...Array.from({ length: 9 }, (_, i) => `lpt${i + 1}`),
]);

/** `Où est ma commande ? 🚲` → `ou-est-ma-commande`; empty results become `fallback`. */
export function slugify(text: string, fallback = FALLBACK_SLUG): string {
  const slug = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/\p{M}+/gu, '')
    .replace(/[^a-z0-9]/g, (c) => TRANSLITERATIONS[c] ?? '-')
    .replace(/-+/g, '-')
    .replace(/^-/, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/^-+|-+$/g, '');
  return slug === '' ? fallback : slug;
}

/** Whether a single path segment (without `.md`) would be ignored, hidden or refused. */
export function isReservedName(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    lower.startsWith('.') || lower.startsWith('_') || RESERVED.has(lower.split('.')[0] ?? lower)
  );
}

/** A slug that is safe as a file or folder name: reserved ones get a `-1` suffix. */
export function safeSlug(text: string, fallback = FALLBACK_SLUG): string {
  const slug = slugify(text, fallback);
  return isReservedName(slug) ? `${slug}-1` : slug;
}

/** Whether a name is already what `safeSlug` would make of it: plain, safe, not reserved. */
export function isSafeSlug(name: string): boolean {
  return name !== '' && safeSlug(name, '') === name;
}
