/** Escapes for text from files and servers placed into Markdown (comments, job summaries). */

/** Table cells: no pipes or line breaks. */
export function cell(text: string): string {
  return escapeMarkdown(text).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/**
 * A table cell shown as code: `a_b` must stay as written, and a backslash escape inside a code
 * span would show, so only what would break the span or the row is replaced.
 */
export function codeCell(text: string): string {
  const flat = text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
  return `\`${flat.replace(/`/g, "'")}\``;
}

function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>])/g, '\\$1');
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A fenced block that its content cannot close early: a line of three backticks in a diff would,
 * so the fence is made longer than any run of backticks inside.
 */
export function fence(text: string, info = ''): string[] {
  const longest = Math.max(0, ...(text.match(/`{3,}/g) ?? []).map((run) => run.length));
  const marks = '`'.repeat(Math.max(3, longest + 1));
  return [`${marks}${info}`, ...text.split('\n'), marks];
}
