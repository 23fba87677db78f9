import { isUtf8 } from 'node:buffer';

export type Decoded = { ok: true; text: string } | { ok: false; detail: string; line: number };

const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/** Bytes to text, refusing anything that is not UTF-8 instead of guessing. */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, detail: 'it is UTF-16', line: 1 };
  }
  if (isUtf8(bytes)) return { ok: true, text: decoder.decode(bytes) };
  const offset = firstInvalidByte(bytes);
  const byte = bytes[offset] ?? 0;
  return {
    ok: false,
    detail: `byte 0x${byte.toString(16).padStart(2, '0')} at offset ${offset}; Latin-1 or Windows-1252 text looks like this`,
    line: lineAt(bytes, offset),
  };
}

/** The offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const length =
      b < 0x80
        ? 1
        : b >= 0xc2 && b <= 0xdf
          ? 2
          : b >= 0xe0 && b <= 0xef
            ? 3
            : b >= 0xf0 && b <= 0xf4
              ? 4
              : 0;
    if (length === 0) return i;
    if (!isUtf8(bytes.subarray(i, i + length))) return i;
    i += length;
  }
  return bytes.length;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}
