import { describe, expect, it } from 'vitest';
import { formatOutputs } from './outputs.js';

describe('formatOutputs', () => {
  it('writes every value in the multiline form', () => {
    const text = formatOutputs({ changes: 'true', counts: '{"create":1}' }, () => 'EOF_1');
    expect(text).toBe('changes<<EOF_1\ntrue\nEOF_1\ncounts<<EOF_1\n{"create":1}\nEOF_1\n');
  });

  it('keeps a multiline value whole', () => {
    const text = formatOutputs({ note: 'a\nb=c\nd' }, () => 'EOF_2');
    expect(text).toBe('note<<EOF_2\na\nb=c\nd\nEOF_2\n');
  });

  it('refuses a value that holds its delimiter', () => {
    expect(() => formatOutputs({ note: 'x\nEOF_3\nevil=1' }, () => 'EOF_3')).toThrow(/safely/);
  });

  it('draws a fresh random delimiter by default', () => {
    const text = formatOutputs({ a: '1', b: '2' });
    const delimiters = [...text.matchAll(/<<(\S+)\n/g)].map((m) => m[1]);
    expect(delimiters).toHaveLength(2);
    expect(new Set(delimiters).size).toBe(2);
    expect(delimiters[0]).toMatch(/^ghadelimiter_[0-9a-f-]{36}$/);
  });
});
