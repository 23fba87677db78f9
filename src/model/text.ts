/**
 * Text normalisation applied to both sides of every comparison, so that a server (or an editor)
 * that adds or strips a final newline, or writes CRLF, never shows up as a change.
 */

/** CRLF and lone CR become LF, and a leading byte order mark is dropped. */
export function normalizeNewlines(text: string): string {
  const unified = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  return unified.charCodeAt(0) === 0xfeff ? unified.slice(1) : unified;
}

/**
 * The instruction body as compared and sent: blank lines at the start and the end removed,
 * indentation and trailing spaces inside the text kept.
 */
export function normalizeContent(text: string): string {
  const t = normalizeNewlines(text);
  // Scan for the first and last line holding more than spaces and tabs, without splitting.
  let start = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === NEWLINE) start = i + 1;
    else if (c !== SPACE && c !== TAB) break;
    if (i === t.length - 1) return '';
  }
  let end = t.length;
  for (let i = t.length - 1; i >= start; i--) {
    const c = t.charCodeAt(i);
    if (c === NEWLINE) end = i;
    else if (c !== SPACE && c !== TAB) break;
  }
  return t.slice(start, end);
}

/** The number of `\n` in the text, without splitting it. */
export function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

const NEWLINE = 10;
const SPACE = 32;
const TAB = 9;

export function normalizeTitle(title: string): string {
  return title.trim();
}
