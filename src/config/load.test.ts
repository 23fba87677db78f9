import { outdent } from 'outdent';
import { describe, expect, it } from 'vitest';
import { parseConfig } from './load.js';

const SECRET = 'QZXWK';

describe('parseConfig: credentials in a target URL', () => {
  it('refuses them at the line of `url`, pointing to token_env, without quoting them', () => {
    const text = outdent`
      namespace: acme
      targets:
        prod:
          url: https://ci:${SECRET}@api.open.cx
          token_env: OPENCX_API_KEY
    `;
    const result = parseConfig('opencx.yml', text);
    expect(result.ok).toBe(false);
    const diagnostics = result.ok ? [] : result.diagnostics;
    expect(diagnostics).toMatchObject([
      { code: 'url-credentials', field: 'targets.prod.url', line: 4, column: 10 },
    ]);
    expect(diagnostics[0]?.hint).toContain('token_env');
    expect(JSON.stringify(diagnostics)).not.toContain(SECRET);
  });

  it('refuses a user name alone too', () => {
    const result = parseConfig(
      'opencx.yml',
      'targets:\n  prod:\n    url: https://ci@api.open.cx\n',
    );
    expect(result.ok ? [] : result.diagnostics.map((d) => d.code)).toEqual(['url-credentials']);
  });

  it('never quotes them in another problem of the same value', () => {
    const text = `targets:\n  prod:\n    url: ftp://ci:${SECRET}@api.open.cx\n`;
    const result = parseConfig('opencx.yml', text);
    const diagnostics = result.ok ? [] : result.diagnostics;
    expect(diagnostics.map((d) => d.code).sort()).toEqual(['invalid-type', 'url-credentials']);
    expect(JSON.stringify(diagnostics)).not.toContain(SECRET);
  });

  it('accepts a URL without credentials', () => {
    const text = 'targets:\n  prod:\n    url: https://api.open.cx/v1\n';
    expect(parseConfig('opencx.yml', text).ok).toBe(true);
  });
});
