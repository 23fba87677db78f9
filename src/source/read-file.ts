import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { MAX_FILE_BYTES } from '../diagnostics/catalog.js';
import { diagnose } from '../diagnostics/diagnostic.js';
import { normalizeContent, normalizeNewlines } from '../model/text.js';
import { fileErrorReason } from '../util/errors.js';
import type { Desired } from '../model/training.js';
import { NO_CACHE, type SourceCache } from './cache.js';
import type { FileResult } from './file-result.js';
import { decodeUtf8 } from './decode.js';
import { bodyOf } from './frontmatter.js';
import { normalizeTraining } from './normalize.js';
import { parseTrainingFile } from './parse.js';
import { keyProblem } from './schema.js';

/** One file to read: where it is, how it is shown, and the key its path gives. */
export interface FileJob {
  absolute: string;
  file: string;
  pathKey: string;
}

/**
 * Read and parse one file. Synchronous on purpose: for thousands of small local files, plain
 * system calls are several times faster than a round trip through the thread pool for each.
 */
export function readTrainingFile(
  { absolute, file, pathKey }: FileJob,
  cache: SourceCache = NO_CACHE,
  onRead: (file: string, bytes: Uint8Array) => void = () => undefined,
): FileResult {
  const at = { file, position: { line: 1, column: 1 } };
  let bytes: Buffer;
  try {
    const read = readBounded(absolute, MAX_FILE_BYTES);
    if (read === 'not-a-file')
      return {
        diagnostics: [
          diagnose('file-unreadable', { reason: 'it stopped being a regular file while read' }, at),
        ],
      };
    if (read.tooLarge)
      return { diagnostics: [diagnose('file-too-large', { bytes: read.size }, at)] };
    bytes = read.bytes;
    onRead(file, bytes);
  } catch (error) {
    const reason = fileErrorReason(error);
    return { diagnostics: [diagnose('file-unreadable', { reason }, at)] };
  }
  const key = cache.key(file, pathKey, bytes);
  const cached = cache.get(key);
  if (cached !== undefined) return 'training' in cached ? withContentOf(bytes, cached) : cached;
  const result = parseBytes(bytes, file, pathKey);
  // The content is the file's body: the cache keeps the rest, so it stays smaller than the files.
  cache.set(key, 'training' in result ? { training: { ...result.training, content: '' } } : result);
  return result;
}

/** A cached training with its content, read again from the bytes its cache key was made of. */
function withContentOf(bytes: Uint8Array, cached: { training: Desired }): FileResult {
  const decoded = decodeUtf8(bytes);
  const text = decoded.ok ? normalizeNewlines(decoded.text) : '';
  return { training: { ...cached.training, content: normalizeContent(bodyOf(text)) } };
}

/** The pure part: bytes to a training or diagnostics. */
function parseBytes(bytes: Uint8Array, file: string, pathKey: string): FileResult {
  const at = { file, position: { line: 1, column: 1 } };
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    return {
      diagnostics: [
        diagnose(
          'encoding-invalid',
          { detail: decoded.detail },
          { file, position: { line: decoded.line, column: 1 } },
        ),
      ],
    };
  }
  const parsed = parseTrainingFile(file, decoded.text);
  if (!parsed.ok) return { diagnostics: parsed.diagnostics };
  const training = normalizeTraining(parsed.training, pathKey);
  const problem =
    parsed.training.frontmatter.key === undefined ? keyProblem(training.key) : undefined;
  if (problem !== undefined) {
    return {
      diagnostics: [
        diagnose(
          'invalid-key',
          { reason: `the path gives the key "${training.key}": ${problem}` },
          at,
        ),
      ],
    };
  }
  return { training };
}

/** Opening a FIFO blocks until a writer comes, unless asked not to (0 where there is no such flag). */
const NON_BLOCKING = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * The file's bytes, unless it is larger than `limit` (a huge file never lands in memory) or is
 * not a regular file any more: the entry was checked when the folder was listed, but may have
 * been replaced since, say by a FIFO, whose reading would never end.
 */
function readBounded(
  file: string,
  limit: number,
): { tooLarge: false; bytes: Buffer } | { tooLarge: true; size: number } | 'not-a-file' {
  const fd = openSync(file, NON_BLOCKING);
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return 'not-a-file';
    const { size } = stats;
    if (size > limit) return { tooLarge: true, size };
    const bytes = Buffer.allocUnsafe(size);
    let offset = 0;
    while (offset < size) {
      const n = readSync(fd, bytes, offset, size - offset, offset);
      if (n === 0) break;
      offset += n;
    }
    return { tooLarge: false, bytes: bytes.subarray(0, offset) };
  } finally {
    closeSync(fd);
  }
}
