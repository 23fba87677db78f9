import { describe, expect, it } from 'vitest';
import { MIN_GUESSED_SECRET_LENGTH, REDACTED, redact, redactUrlCredentials } from './redact.js';

describe('redact', () => {
  it('replaces a known secret wherever it occurs, whatever its length', () => {
    for (const token of ['Q', 'QZX', 'QZXWK', 'QZXWK7pLmN2R']) {
      const text = `token ${token} in "${token}" and x${token}x`;
      const out = redact(text, {}, [token]);
      expect(out).not.toContain(token);
      expect(out).toBe(`token ${REDACTED} in "${REDACTED}" and x${REDACTED}x`);
    }
  });

  it('replaces a secret as escaped in JSON and as percent-encoded', () => {
    const token = 'ab"c\\d/e+f';
    const text = `raw ${token} json ${JSON.stringify(token)} url ${encodeURIComponent(token)}`;
    expect(redact(text, {}, [token])).toBe(`raw ${REDACTED} json "${REDACTED}" url ${REDACTED}`);
  });

  it('never redacts an empty or blank value', () => {
    const text = 'nothing secret here';
    expect(redact(text, { API_KEY: '', AUTH_TOKEN: '   ' }, ['', '  '])).toBe(text);
  });

  it('replaces the longer of two overlapping secrets whole', () => {
    expect(redact('key QZXWK-long-suffix', {}, ['QZXWK', 'QZXWK-long-suffix'])).toBe(
      `key ${REDACTED}`,
    );
  });

  it('guesses secrets from variable names, from a minimum length so that flags stay readable', () => {
    const long = 'x'.repeat(MIN_GUESSED_SECRET_LENGTH);
    const env = { OPENCX_API_KEY: long, NO_AUTH: '1', AUTH_ENABLED: 'true', PATH: 'trueish' };
    expect(redact(`key=${long} 1 true`, env)).toBe(`key=${REDACTED} 1 true`);
    expect(redact('x'.repeat(MIN_GUESSED_SECRET_LENGTH - 1), { MY_TOKEN: 'x'.repeat(7) })).toBe(
      'x'.repeat(MIN_GUESSED_SECRET_LENGTH - 1),
    );
    // Only names that look secret: PATH's value is left alone.
    expect(redact('/usr/bin', { PATH: '/usr/bin' })).toBe('/usr/bin');
  });

  it('hides bearer credentials whoever sent them', () => {
    expect(redact('Authorization: Bearer abc.def-ghi, next')).toBe(
      `Authorization: Bearer ${REDACTED}, next`,
    );
  });

  it('hides credentials written into URLs', () => {
    expect(redact('GET https://user:s3cret@api.open.cx/training failed')).toBe(
      `GET https://${REDACTED}@api.open.cx/training failed`,
    );
    expect(redactUrlCredentials('http://tok@127.0.0.1:4010')).toBe(
      `http://${REDACTED}@127.0.0.1:4010`,
    );
    // An @ after the host is not userinfo.
    expect(redactUrlCredentials('https://github.com/acme/x@v1 and a@b.c')).toBe(
      'https://github.com/acme/x@v1 and a@b.c',
    );
  });
});
