import { createHash, type Hash } from 'node:crypto';

/** How much canonical JSON is gathered before it is fed to the hash. */
const CHUNK = 1 << 16;

/**
 * sha-256 of a canonical JSON form of `value` (object keys sorted), so that equal data gives an
 * equal hash whatever order it was assembled in. Arrays keep their order: callers sort them.
 * The JSON is fed to the hash as it is written, a chunk at a time, so that the state of a large
 * org never becomes one string in memory.
 */
export function fingerprint(value: unknown): string {
  const hash = createHash('sha256');
  const out = new CanonicalWriter(hash);
  out.write(value);
  out.flush();
  return hash.digest('hex');
}

/**
 * sha-256 of many values, each as JSON.stringify writes it: several times faster than the
 * canonical form, for lists of objects that this tool builds itself, whose keys always come in
 * the same order (and whose nested maps keep the order of their source). Each value is fed to
 * the hash on its own, so a large list never becomes one string.
 */
export function fingerprintList(values: Iterable<unknown>, context: unknown = null): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(context) ?? 'null');
  for (const value of values) hash.update(`\n${JSON.stringify(value) ?? 'null'}`);
  return hash.digest('hex');
}

class CanonicalWriter {
  private text = '';

  constructor(private readonly hash: Hash) {}

  write(value: unknown): void {
    if (value === null || typeof value !== 'object') {
      // As JSON.stringify writes them: undefined (and functions) as null inside arrays.
      this.append(JSON.stringify(value) ?? 'null');
      return;
    }
    if (Array.isArray(value)) {
      this.append('[');
      value.forEach((item, i) => {
        if (i > 0) this.append(',');
        this.write(item);
      });
      this.append(']');
      return;
    }
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    this.append('{');
    keys.forEach((key, i) => {
      this.append(`${i > 0 ? ',' : ''}${JSON.stringify(key)}:`);
      this.write(record[key]);
    });
    this.append('}');
  }

  flush(): void {
    this.hash.update(this.text);
    this.text = '';
  }

  private append(piece: string): void {
    this.text += piece;
    if (this.text.length >= CHUNK) this.flush();
  }
}
