/**
 * GitHub Actions workflow commands (`::error file=...::message`), the lines a runner turns into
 * annotations. Pure: the caller decides where they are written.
 */

export type AnnotationLevel = 'error' | 'warning' | 'notice';

export interface AnnotationProperties {
  /** Path from the repository root, so that the annotation lands on the pull request's diff. */
  file?: string | undefined;
  line?: number | undefined;
  col?: number | undefined;
  title?: string | undefined;
}

/** One annotation line, its message and properties escaped as the runner expects. */
export function formatAnnotation(
  level: AnnotationLevel,
  message: string,
  properties: AnnotationProperties = {},
): string {
  const props = [
    properties.file === undefined ? undefined : `file=${escapeProperty(properties.file)}`,
    properties.line === undefined ? undefined : `line=${properties.line}`,
    properties.col === undefined ? undefined : `col=${properties.col}`,
    properties.title === undefined ? undefined : `title=${escapeProperty(properties.title)}`,
  ].filter((p) => p !== undefined);
  const head = props.length === 0 ? `::${level}` : `::${level} ${props.join(',')}`;
  return `${head}::${escapeData(message)}\n`;
}

// Without these escapes a message with a newline or a property with a comma would end the
// command early and the rest would print as plain log text.
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
