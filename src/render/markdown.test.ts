import { describe, expect, it } from 'vitest';
import { cell, codeCell, fence } from './markdown.js';

describe('markdown escapes', () => {
  it('fences with three backticks, or more than any run inside', () => {
    expect(fence('a\nb', 'diff')).toEqual(['```diff', 'a', 'b', '```']);
    expect(fence('+```js\n+x\n+```', 'diff')).toEqual(['````diff', '+```js', '+x', '+```', '````']);
    expect(fence('`````')).toEqual(['``````', '`````', '``````']);
  });

  it('keeps a table cell on one line, without pipes that would split it', () => {
    expect(cell('a | b\nc')).toBe('a \\| b c');
    expect(cell('<b>*x*</b>')).toBe('\\<b\\>\\*x\\*\\</b\\>');
  });

  it('keeps code in a cell as written, but for what would break it', () => {
    expect(codeCell('billing/refund_policy')).toBe('`billing/refund_policy`');
    expect(codeCell('a|b`c\nd')).toBe("`a\\|b'c d`");
  });
});
