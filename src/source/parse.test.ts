import { outdent } from 'outdent';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { parseTrainingFile, type ParseResult } from './parse.js';

function errorsOf(result: ParseResult): Diagnostic[] {
  if (result.ok) throw new Error('expected the file to be refused');
  return result.diagnostics;
}

describe('parseTrainingFile', () => {
  it('reads every field and the body', () => {
    const result = parseTrainingFile(
      'trainings/refund.md',
      outdent`
        ---
        title: How do I get a refund?
        type: BEHAVIORAL
        channels: [email, web]
        segments:
          - VIP customers
        directory: Billing
        draft: true
        key: billing/refund
        id: 7b0c2d1e-0000-4000-8000-000000000001
        metadata: { owner: payments, priority: 2, reviewed: true }
        ---

        Refunds take five days.
          - keep this indentation
      `,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.training.frontmatter).toEqual({
      title: 'How do I get a refund?',
      type: 'BEHAVIORAL',
      channels: ['email', 'web'],
      segments: ['VIP customers'],
      directory: 'Billing',
      draft: true,
      key: 'billing/refund',
      id: '7b0c2d1e-0000-4000-8000-000000000001',
      metadata: { owner: 'payments', priority: 2, reviewed: true },
    });
    expect(result.training.body).toBe('Refunds take five days.\n  - keep this indentation');
    expect(result.training.bodyLine).toBe(13);
    expect(result.training.positions.segments).toEqual({ line: 5, column: 1 });
    expect(result.training.positions['segments.0']).toEqual({ line: 6, column: 5 });
  });

  it('reads CRLF files with a BOM like LF files', () => {
    const result = parseTrainingFile('a.md', '\uFEFF---\r\ntitle: Hi\r\n---\r\nBody\r\n');
    expect(result.ok && result.training.body).toBe('Body');
  });

  it('reports every problem of a file at once, each at its line and column', () => {
    const diagnostics = errorsOf(
      parseTrainingFile(
        'x.md',
        outdent`
          ---
          title: ""
          chanels: [web]
          channels: [web, emial]
          draft: "no"
          ---
        `,
      ),
    );
    expect(diagnostics.map((d) => [d.code, d.field, d.line, d.column])).toEqual([
      ['empty-value', 'title', 2, 8],
      ['unknown-key', 'chanels', 3, 1],
      ['invalid-value', 'channels.1', 4, 17],
      ['invalid-type', 'draft', 5, 8],
      ['empty-body', undefined, 6, 1],
    ]);
    expect(diagnostics[1]?.hint).toContain('Did you mean "channels"?');
    expect(diagnostics[2]?.hint).toContain('Did you mean "email"?');
    expect(diagnostics[3]?.message).toBe('`draft` must be true or false, but is the text "no".');
  });

  it('names a missing title', () => {
    const [d] = errorsOf(parseTrainingFile('x.md', '---\ntype: BEHAVIORAL\n---\nBody\n'));
    expect(d).toMatchObject({ code: 'required', field: 'title', message: '`title` is required.' });
  });

  it('names a missing title when the frontmatter is empty', () => {
    const [d] = errorsOf(parseTrainingFile('x.md', '---\n# nothing yet\n---\nBody\n'));
    expect(d).toMatchObject({ code: 'required', field: 'title' });
  });

  it('refuses a type of the wrong kind with the expected shape', () => {
    const diagnostics = errorsOf(
      parseTrainingFile('x.md', '---\ntitle: 42\nchannels: web\n---\nB\n'),
    );
    expect(diagnostics.map((d) => d.message)).toEqual([
      '`title` must be text, but is the number 42.',
      '`channels` must be a list of channels, but is the text "web".',
    ]);
  });

  it('refuses JavaScript frontmatter without evaluating it', () => {
    const marker = '__opencx_evaluated__';
    const text = `---js\n{ title: (globalThis.${marker} = true, "x") }\n---\nBody\n`;
    const [d] = errorsOf(parseTrainingFile('x.md', text));
    expect(d?.code).toBe('frontmatter-language');
    expect(marker in globalThis).toBe(false);
  });

  it('refuses every language but YAML', () => {
    for (const language of ['javascript', 'coffee', 'json', 'toml']) {
      const [d] = errorsOf(parseTrainingFile('x.md', `---${language}\ntitle = "x"\n---\nBody\n`));
      expect(d?.message).toContain(`"${language}"`);
    }
    expect(parseTrainingFile('x.md', '---yaml\ntitle: x\n---\nBody\n').ok).toBe(true);
  });

  it('refuses an alias bomb quickly', () => {
    const levels = Array.from({ length: 12 }, (_, i) =>
      i === 0
        ? `l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]`
        : `l${i}: &l${i} [${Array(10)
            .fill(`*l${i - 1}`)
            .join(',')}]`,
    );
    const started = performance.now();
    const [d] = errorsOf(
      parseTrainingFile('x.md', `---\n${levels.join('\n')}\ntitle: x\n---\nBody\n`),
    );
    expect(d?.code).toBe('yaml-alias-limit');
    // 10^12 nodes if expanded; refused long before.
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('reports YAML syntax errors at their position', () => {
    const [d] = errorsOf(parseTrainingFile('x.md', '---\ntitle: x\nchannels: [web\n---\nBody\n'));
    expect(d).toMatchObject({ code: 'yaml-syntax', line: 3 });
  });

  it('reports duplicate YAML keys', () => {
    const [d] = errorsOf(parseTrainingFile('x.md', '---\ntitle: a\ntitle: b\n---\nBody\n'));
    expect(d).toMatchObject({ code: 'yaml-syntax', line: 3 });
    expect(d?.message).toMatch(/unique/);
  });

  it('distinguishes a missing frontmatter from an unclosed one', () => {
    expect(errorsOf(parseTrainingFile('x.md', 'Just text\n'))[0]?.code).toBe('frontmatter-missing');
    expect(errorsOf(parseTrainingFile('x.md', '---\ntitle: x\nBody\n'))[0]?.code).toBe(
      'frontmatter-unclosed',
    );
  });

  it('refuses frontmatter that is not a mapping', () => {
    const [d] = errorsOf(parseTrainingFile('x.md', '---\n- a\n- b\n---\nBody\n'));
    expect(d).toMatchObject({ code: 'not-a-mapping' });
    expect(d?.message).toContain('not a list');
  });

  it('reports repeated channels and reserved metadata keys', () => {
    const diagnostics = errorsOf(
      parseTrainingFile(
        'x.md',
        '---\ntitle: x\nchannels: [web, sms, web]\nmetadata:\n  opencx-trainings.key: x\n---\nBody\n',
      ),
    );
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['duplicate-entry', 3],
      ['reserved-metadata', 5],
    ]);
  });
});
