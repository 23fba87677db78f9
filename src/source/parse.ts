import { type Diagnostic, diagnose, sortDiagnostics } from '../diagnostics/diagnostic.js';
import type { Position } from '../model/training.js';
import { locateKey, locateValue } from '../yaml/locate.js';
import { yamlData } from '../yaml/read-yaml.js';
import { describeValue, issuesToDiagnostics } from '../yaml/schema-issues.js';
import { countNewlines, normalizeContent, normalizeNewlines } from '../model/text.js';
import { positionAt } from '../model/shared.js';
import { splitFrontmatter } from './frontmatter.js';
import {
  FRONTMATTER_KEYS,
  expectedFrontmatterValue,
  frontmatterSchema,
  type WrittenFrontmatter,
} from './schema.js';

/** A training file as its author wrote it, checked against the schema but without defaults. */
export interface TrainingFile {
  /** Path relative to the working directory, with `/` separators. */
  file: string;
  frontmatter: WrittenFrontmatter;
  /** The body, normalised (see content.ts). */
  body: string;
  bodyLine: number;
  /** Where each top-level field and each list entry (`segments.1`) was written. */
  positions: Partial<Record<string, Position>>;
}

export type ParseResult =
  { ok: true; training: TrainingFile } | { ok: false; diagnostics: Diagnostic[] };

/** Parse one training file's text. Pure: reports every problem it finds, reads nothing. */
export function parseTrainingFile(file: string, text: string): ParseResult {
  const fail = (...diagnostics: Diagnostic[]): ParseResult => ({ ok: false, diagnostics });
  const split = splitFrontmatter(normalizeNewlines(text));
  switch (split.kind) {
    case 'missing':
      return fail(diagnose('frontmatter-missing', {}, { file, position: { line: 1, column: 1 } }));
    case 'unclosed':
      return fail(diagnose('frontmatter-unclosed', {}, { file, position: { line: 1, column: 1 } }));
    case 'language':
      return fail(
        diagnose(
          'frontmatter-language',
          { language: split.language },
          { file, position: { line: 1, column: 4 } },
        ),
      );
    case 'ok':
      break;
  }

  const { plain, parse, body: rawBody, bodyLine } = split.frontmatter;
  const body = normalizeContent(rawBody);
  // Where the instruction starts, past the blank lines normalisation removed: lint points into it.
  const content = positionAt(bodyLine + leadingLines(rawBody, body), 1);
  if (plain !== undefined && body !== '') {
    // Plain frontmatter that is also valid needs no YAML parser: the data and positions are
    // the parser's own. Anything less goes the long way, for its diagnostics.
    const result = frontmatterSchema.safeParse(plain.data);
    if (result.success) {
      const training = { file, frontmatter: result.data, body, bodyLine };
      // The parser's positions are a fresh object per file: completed in place, not copied.
      plain.positions.content = content;
      return { ok: true, training: { ...training, positions: plain.positions } };
    }
  }

  const { document, lineCounter } = parse();
  let data: unknown = {};
  if (document !== null) {
    const read = yamlData(document, lineCounter, file);
    if (!read.ok) return fail(...read.diagnostics);
    data = read.data ?? {};
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return fail(
      diagnose(
        'not-a-mapping',
        { what: 'The frontmatter', received: describeValue(data) },
        { file, position: { line: 2, column: 1 } },
      ),
    );
  }

  const diagnostics: Diagnostic[] = [];
  const result = frontmatterSchema.safeParse(data);
  if (!result.success && document !== null) {
    diagnostics.push(
      ...issuesToDiagnostics(result.error.issues, {
        file,
        document,
        lineCounter,
        data,
        keysAt: () => FRONTMATTER_KEYS,
        expectedAt: expectedFrontmatterValue,
      }),
    );
  } else if (!result.success) {
    diagnostics.push(
      diagnose(
        'required',
        { field: 'title' },
        { file, position: { line: 1, column: 1 }, field: 'title' },
      ),
    );
  }

  if (body === '') {
    diagnostics.push(diagnose('empty-body', {}, { file, position: { line: bodyLine, column: 1 } }));
  }
  if (!result.success || diagnostics.length > 0) return fail(...sortDiagnostics(diagnostics));

  const positions: Partial<Record<string, Position>> = { content };
  if (document !== null) {
    for (const [field, value] of Object.entries(result.data)) {
      positions[field] = locateKey(document, lineCounter, [], field);
      if (Array.isArray(value)) {
        value.forEach((_, index) => {
          positions[`${field}.${index}`] = locateValue(document, lineCounter, [field, index]);
        });
      }
    }
  }
  return { ok: true, training: { file, frontmatter: result.data, body, bodyLine, positions } };
}

/** The lines before `body` in the text it was cut from (blank lines at the start). */
function leadingLines(raw: string, body: string): number {
  if (body === '') return 0;
  const text = normalizeNewlines(raw);
  const at = text.indexOf(body);
  return at <= 0 ? 0 : countNewlines(text.slice(0, at));
}
