import matter from 'gray-matter';
import { LineCounter, type Document } from 'yaml';
import { countNewlines } from '../model/text.js';
import { parseYaml } from '../yaml/read-yaml.js';
import { readPlainFrontmatter, type PlainFrontmatter } from './plain-frontmatter.js';

/**
 * The one place that splits a training file into frontmatter and body.
 *
 * Frontmatter is untrusted data. gray-matter ships a JavaScript engine that `eval`s `---js`
 * blocks; here the `yaml` package is its only engine, every other language is refused before
 * gray-matter sees it, and options are always passed so that its global cache is never used.
 */

export interface ParsedFrontmatter {
  /** The parsed YAML, with its source positions. Null when the block is empty. */
  document: Document.Parsed | null;
  lineCounter: LineCounter;
}

export interface Frontmatter {
  /** The block read without the YAML parser, when it is plain (plain-frontmatter.ts). */
  plain: PlainFrontmatter | undefined;
  /** The block through gray-matter and the YAML parser: called only when `plain` will not do. */
  parse: () => ParsedFrontmatter;
  body: string;
  /** 1-based line of the file where the body starts. */
  bodyLine: number;
}

export type SplitResult =
  | { kind: 'ok'; frontmatter: Frontmatter }
  | { kind: 'missing' }
  | { kind: 'unclosed' }
  | { kind: 'language'; language: string };

const YAML_LANGUAGES = new Set(['', 'yaml', 'yml']);
const refuse = (): never => {
  throw new Error('only YAML frontmatter is read');
};

type ParsedYaml = ReturnType<typeof parseYaml>;
/** The engine's result for the call in progress (gray-matter calls it synchronously). */
let parsed: ParsedYaml | null = null;
const yamlEngine = {
  parse: (source: string): object => {
    // The block keeps the newline after the opening `---`, so YAML line N is file line N.
    parsed = parseYaml(source);
    return {};
  },
};
/** Options are always passed: without them gray-matter caches every file it sees, forever. */
const MATTER_OPTIONS = {
  language: 'yaml',
  engines: {
    yaml: yamlEngine,
    yml: yamlEngine,
    javascript: refuse,
    js: refuse,
    coffee: refuse,
    coffeescript: refuse,
    cson: refuse,
    json: refuse,
  },
};

/** `text` must already have LF line endings and no BOM. */
export function splitFrontmatter(text: string): SplitResult {
  // The same rules as gray-matter: `---` opens, `----` does not, the first `\n---` closes.
  if (!text.startsWith('---') || text[3] === '-') return { kind: 'missing' };
  const language = matter.language(text).name;
  if (!YAML_LANGUAGES.has(language.toLowerCase())) return { kind: 'language', language };
  const close = text.indexOf('\n---', 3);
  if (close === -1) return { kind: 'unclosed' };

  // gray-matter gets the head only (fences and block): it copies and hashes whatever it is
  // given, and the body needs none of that. The body is cut where gray-matter would cut it.
  const headEnd = close + '\n---'.length;
  const bodyStart = bodyStartAfter(text, close);
  const body = text.slice(bodyStart);
  const bodyLine = countNewlines(text.slice(0, bodyStart)) + 1;
  // The block's lines: from the line after `---` to the one before the closing fence.
  const plain =
    language === '' && text[3] === '\n'
      ? readPlainFrontmatter(text.slice(4, close).split('\n'), 2)
      : undefined;
  const parse = (): ParsedFrontmatter => {
    parsed = null;
    matter(text.slice(0, headEnd), MATTER_OPTIONS);
    const result = parsed as ParsedYaml | null;
    return {
      document: result?.document ?? null,
      lineCounter: result?.lineCounter ?? new LineCounter(),
    };
  };
  return { kind: 'ok', frontmatter: { plain, parse, body, bodyLine } };
}

/**
 * The body of a file whose frontmatter was read before, as splitFrontmatter cuts it: how the
 * parse cache gets a training's content back from the file's bytes rather than keeping it.
 */
export function bodyOf(text: string): string {
  const close = text.indexOf('\n---', 3);
  return close === -1 ? '' : text.slice(bodyStartAfter(text, close));
}

/** After the closing fence, and the newline that ends its line. */
function bodyStartAfter(text: string, close: number): number {
  const headEnd = close + '\n---'.length;
  return text[headEnd] === '\n' ? headEnd + 1 : headEnd;
}
