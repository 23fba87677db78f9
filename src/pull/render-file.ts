import { Document, parseDocument, visit } from 'yaml';
import type { PulledTraining } from './convert.js';

const STRINGIFY = { lineWidth: 0, flowCollectionPadding: false } as const;

/**
 * The text of a training file. Pure. The frontmatter is made by the `yaml` package, never by
 * string concatenation, so a title such as `yes`, `null`, `#x` or `- x` is quoted as YAML needs;
 * strings that a YAML 1.1 reader (many editors) would read as something else are quoted too.
 * Lists are written inline (`channels: [web, email]`), as people write them.
 */
export function renderTrainingFile(t: PulledTraining, key: string | null): string {
  const data: Record<string, unknown> = {
    title: t.title,
    type: t.type,
    channels: t.channels,
    segments: t.segments,
  };
  if (t.directory !== null) data.directory = t.directory;
  data.draft = t.draft;
  if (key !== null) data.key = key;
  data.id = t.id;
  if (Object.keys(t.metadata).length > 0) data.metadata = t.metadata;

  const doc = new Document(data);
  visit(doc, {
    Seq: (_, node) => {
      node.flow = true;
    },
    Scalar: (_, node) => {
      if (typeof node.value === 'string' && isAmbiguous(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  return `---\n${doc.toString(STRINGIFY)}---\n${t.content}\n`;
}

/** Whether a string written plain would read back as anything but itself under YAML 1.1. */
function isAmbiguous(value: string): boolean {
  const doc = parseDocument(value, { version: '1.1' });
  if (doc.errors.length > 0 || doc.warnings.length > 0) return true;
  try {
    return doc.toJS({ maxAliasCount: 0 }) !== value;
  } catch {
    return true;
  }
}
