import { createHash } from 'node:crypto';

/**
 * sha-256 of a canonical JSON form of `value` (object keys sorted), so that equal data gives an
 * equal hash whatever order it was assembled in. Arrays keep their order: callers sort them.
 */
export function fingerprint(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
