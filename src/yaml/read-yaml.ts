import { LineCounter, parseDocument, type Document } from 'yaml';
import { type Diagnostic, diagnose } from '../diagnostics/diagnostic.js';

/**
 * Aliases allowed when turning YAML into data. Legitimate frontmatter and config need few;
 * a "billion laughs" document needs thousands, and is refused before it expands.
 */
const MAX_YAML_ALIASES = 50;

export type YamlData = { ok: true; data: unknown } | { ok: false; diagnostics: Diagnostic[] };

/** Parse YAML source into a document that remembers where each node was written. */
export function parseYaml(source: string): { document: Document.Parsed; lineCounter: LineCounter } {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  return { document, lineCounter };
}

/** Syntax errors as diagnostics, or the document's data with aliases bounded. */
export function yamlData(
  document: Document.Parsed,
  lineCounter: LineCounter,
  file: string,
): YamlData {
  if (document.errors.length > 0) {
    return {
      ok: false,
      diagnostics: document.errors.map((error) => {
        const { line, col } = lineCounter.linePos(error.pos[0]);
        return diagnose(
          'yaml-syntax',
          { detail: firstLine(error.message) },
          { file, position: { line, column: col } },
        );
      }),
    };
  }
  try {
    return { ok: true, data: document.toJS({ maxAliasCount: MAX_YAML_ALIASES }) as unknown };
  } catch (error) {
    if (error instanceof ReferenceError && /alias/i.test(error.message)) {
      const start = lineCounter.linePos(document.contents?.range[0] ?? 0);
      const position = { line: start.line, column: start.col };
      return { ok: false, diagnostics: [diagnose('yaml-alias-limit', {}, { file, position })] };
    }
    throw error;
  }
}

function firstLine(message: string): string {
  const line = message.split('\n', 1)[0] ?? message;
  // yaml appends " at line L, column C"; the diagnostic carries the position itself.
  return line.replace(/ at line \d+, column \d+:?$/, '').trim();
}
