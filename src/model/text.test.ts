import { describe, expect, it } from 'vitest';
import { normalizeContent, normalizeNewlines } from '../model/text.js';

describe('normalizeContent', () => {
  it('removes blank lines around the text and keeps what is inside', () => {
    expect(normalizeContent('\n\n  indented\n\nnext  \n\n \t\n')).toBe('  indented\n\nnext  ');
  });

  it('treats CRLF, CR and a BOM as if they were not there', () => {
    expect(normalizeContent('\uFEFFa\r\nb\rc\r\n')).toBe('a\nb\nc');
    expect(normalizeNewlines('\uFEFFx\r\n')).toBe('x\n');
  });

  it('makes a text of blanks empty', () => {
    expect(normalizeContent(' \n\t\n  ')).toBe('');
  });

  it('is idempotent, so a server that adds a final newline is not drift', () => {
    const once = normalizeContent('text\n');
    expect(normalizeContent(`${once}\n`)).toBe(once);
  });

  it('stays linear on long runs of blank lines', () => {
    const text = `${' \t\n'.repeat(200_000)}x${'\n '.repeat(200_000)}`;
    expect(normalizeContent(text)).toBe('x');
  });
});
