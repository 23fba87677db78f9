import { MAX_FILE_BYTES } from '../diagnostics/catalog.js';
import { type Diagnostic, diagnose } from '../diagnostics/diagnostic.js';
import type { Desired } from '../model/training.js';
import { decodeUtf8 } from '../source/decode.js';
import { normalizeTraining } from '../source/normalize.js';
import { parseTrainingFile } from '../source/parse.js';
import { keyProblem } from '../source/schema.js';
import type { PulledTraining } from './convert.js';

/**
 * Read a file's text back exactly as `validate` and `plan` will, and name every field that would
 * not come back as pulled. Pure. This is what guarantees the round trip (pull, then plan shows
 * no change) for any text OpenCX holds, instead of trusting the renderer with every edge case.
 */
export function checkRoundTrip(
  file: string,
  text: string,
  pathKey: string,
  expected: PulledTraining & { key: string },
): Diagnostic[] {
  const bytes = new TextEncoder().encode(text);
  if (bytes.length > MAX_FILE_BYTES) {
    return [diagnose('file-too-large', { bytes: bytes.length }, { file })];
  }
  const decoded = decodeUtf8(bytes);
  const parsed = decoded.ok ? parseTrainingFile(file, decoded.text) : undefined;
  const fields =
    parsed === undefined
      ? ['encoding']
      : parsed.ok
        ? differences(normalizeTraining(parsed.training, pathKey), expected)
        : parsed.diagnostics.map((d) => d.field ?? d.code);
  if (fields.length === 0) return [];
  return [
    diagnose('remote-not-representable', {
      title: expected.title,
      id: expected.id,
      fields: [...new Set(fields)],
    }),
  ];
}

function differences(d: Desired, e: PulledTraining & { key: string }): string[] {
  const fields: string[] = [];
  if (d.title !== e.title) fields.push('title');
  if (d.content !== e.content) fields.push('content');
  if (d.type !== e.type) fields.push('type');
  if (!sameList(d.channels, e.channels)) fields.push('channels');
  if (!sameList(d.segments, e.segments)) fields.push('segments');
  if (d.directory !== e.directory) fields.push('directory');
  if (d.draft !== e.draft) fields.push('draft');
  if (d.id !== e.id) fields.push('id');
  if (d.key !== e.key || keyProblem(d.key) !== undefined) fields.push('key');
  const keys = Object.keys(e.metadata);
  if (
    keys.length !== Object.keys(d.metadata).length ||
    keys.some((k) => !Object.is(d.metadata[k], e.metadata[k]))
  ) {
    fields.push('metadata');
  }
  return fields;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
