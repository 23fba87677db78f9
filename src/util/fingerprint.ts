import { createHash } from 'node:crypto';

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
  const out = new CanonicalWriter((text) => hash.update(text));
  out.write(value);
  out.flush();
  return hash.digest('hex');
}

/** The canonical JSON of a small value (object keys sorted), as `fingerprint` hashes it. */
export function canonicalJson(value: unknown): string {
  let text = '';
  const out = new CanonicalWriter((piece) => (text += piece));
  out.write(value);
  out.flush();
  return text;
}

/**
 * sha-256 of records of fields, each field written with its length (`5:hello`, `-` for null),
 * so that no two lists of records read alike: several times faster than JSON for the many
 * records of a large org, and fed to the hash a chunk at a time.
 */
export function fingerprintRecords(
  records: Iterable<readonly (string | null)[]>,
  context: string,
): string {
  const hash = createHash('sha256');
  let text = `${context.length}:${context}`;
  for (const record of records) {
    text += '\n';
    for (const field of record) text += field === null ? '-' : `${field.length}:${field}`;
    if (text.length >= CHUNK) {
      hash.update(text);
      text = '';
    }
  }
  return hash.update(text).digest('hex');
}

class CanonicalWriter {
  private text = '';

  constructor(private readonly sink: (text: string) => unknown) {}

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
    this.sink(this.text);
    this.text = '';
  }

  private append(piece: string): void {
    this.text += piece;
    if (this.text.length >= CHUNK) this.flush();
  }
}
