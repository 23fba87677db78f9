import { describe, expect, it } from 'vitest';
import { ApiError, UnexpectedResponseError, type ApiErrorDetails } from './errors.js';
import { connectionFailure, decideRetry, rateLimitTooLong } from './retry-policy.js';

const HOST = 'api.open.cx';
const call = { method: 'GET', path: '/training', attempts: 1, host: HOST };
const post = { ...call, method: 'POST' };
const keep = (text: string) => text;

/** An error as undici or Node raises it: a code, possibly deep in the cause chain. */
const withCode = (code: string) => Object.assign(new Error(`failed: ${code}`), { code });
const wrapped = (inner: unknown) => new TypeError('fetch failed', { cause: inner });
const httpError = (status: number, extra: Partial<ApiErrorDetails> = {}) =>
  new ApiError(`HTTP ${status}`, { method: 'GET', path: '/training', status, ...extra });

describe('decideRetry: HTTP answers', () => {
  it('never retries a 4xx other than 408 and 429: the request itself is wrong', () => {
    for (const status of [400, 401, 403, 404, 405, 409, 413, 422]) {
      expect(decideRetry(httpError(status), true)).toEqual({ retry: false });
      expect(decideRetry(httpError(status), false)).toEqual({ retry: false });
    }
  });

  it('retries 408 like a 5xx, where sending again cannot write twice', () => {
    for (const status of [408, 500, 502, 503, 504]) {
      expect(decideRetry(httpError(status), true)).toEqual({ retry: true });
      expect(decideRetry(httpError(status), false)).toEqual({ retry: false });
    }
  });

  it('waits for a rate limit, as long as the server says, and pauses every call', () => {
    const limited = httpError(429, { retryAfterMs: 3000 });
    const decision = { retry: true, afterMs: 3000, pauseAll: true };
    expect(decideRetry(limited, true)).toEqual(decision);
    // A refused request was not processed: a create may be sent again.
    expect(decideRetry(limited, false)).toEqual(decision);
  });

  it('never retries a body of the wrong shape, nor an error that is not from the API', () => {
    const shape = new UnexpectedResponseError('bad', { method: 'GET', path: '/', status: 200 });
    expect(decideRetry(shape, true)).toEqual({ retry: false });
    expect(decideRetry(new Error('a bug'), true)).toEqual({ retry: false });
  });
});

describe('decideRetry: no answer', () => {
  const decideFor = (error: unknown, idempotent = true) =>
    decideRetry(connectionFailure(error, idempotent ? call : post, idempotent, keep), idempotent);

  it('fails at once when the name does not resolve, and names the host', () => {
    for (const code of ['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME']) {
      const failure = connectionFailure(withCode(code), call, true, keep);
      expect(decideRetry(failure, true)).toEqual({ retry: false });
      expect(failure).toMatchObject({ code, host: HOST, permanent: true, ambiguous: false });
      expect(failure.message).toBe(
        `Cannot resolve api.open.cx (${code}): check the target's url and the network.`,
      );
    }
  });

  it('fails at once on TLS errors, wherever the code sits in the cause chain', () => {
    const codes = [
      'DEPTH_ZERO_SELF_SIGNED_CERT',
      'SELF_SIGNED_CERT_IN_CHAIN',
      'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
      'CERT_HAS_EXPIRED',
      'CERT_UNTRUSTED',
      'ERR_TLS_CERT_ALTNAME_INVALID',
      'ERR_SSL_WRONG_VERSION_NUMBER',
      'EPROTO',
    ];
    for (const code of codes) {
      for (const error of [
        withCode(code),
        wrapped(withCode(code)),
        wrapped(wrapped(withCode(code))),
      ]) {
        expect(decideFor(error)).toEqual({ retry: false });
        const failure = connectionFailure(error, post, false, keep);
        expect(failure).toMatchObject({ code, permanent: true, ambiguous: false });
        expect(failure.message).toMatch(/^Cannot reach api\.open\.cx: the TLS /);
        expect(failure.message).toContain(`(${code})`);
      }
    }
  });

  it('says what is wrong with the certificate', () => {
    const message = (code: string) => connectionFailure(withCode(code), call, true, keep).message;
    expect(message('DEPTH_ZERO_SELF_SIGNED_CERT')).toMatch(
      /^Cannot reach api\.open\.cx: the TLS certificate is not trusted \(DEPTH_ZERO_SELF_SIGNED_CERT\)\./,
    );
    expect(message('CERT_HAS_EXPIRED')).toContain('expired or not yet valid');
    expect(message('ERR_TLS_CERT_ALTNAME_INVALID')).toContain('for another host');
    expect(message('ERR_SSL_WRONG_VERSION_NUMBER')).toContain('serves https');
  });

  it('finds the telling code among the errors of every address tried', () => {
    const aggregate = Object.assign(
      new AggregateError([withCode('ECONNREFUSED'), withCode('DEPTH_ZERO_SELF_SIGNED_CERT')]),
      { code: 'ECONNREFUSED' },
    );
    expect(connectionFailure(aggregate, call, true, keep)).toMatchObject({
      code: 'DEPTH_ZERO_SELF_SIGNED_CERT',
      permanent: true,
    });
  });

  it('retries lost connections and timeouts, and names the host', () => {
    for (const code of [
      'ECONNRESET',
      'ECONNREFUSED',
      'UND_ERR_SOCKET',
      'UND_ERR_HEADERS_TIMEOUT',
      'ERR_TLS_HANDSHAKE_TIMEOUT',
    ]) {
      expect(decideFor(wrapped(withCode(code)))).toEqual({ retry: true });
      const failure = connectionFailure(withCode(code), call, true, keep);
      expect(failure.message).toBe(`GET /training failed: no answer from api.open.cx (${code})`);
      expect(failure.permanent).toBe(false);
    }
  });

  it('retries a write only when it surely never left', () => {
    expect(decideFor(withCode('ECONNREFUSED'), false)).toEqual({ retry: true });
    expect(decideFor(withCode('ECONNRESET'), false)).toEqual({ retry: false });
    const reset = connectionFailure(withCode('ECONNRESET'), post, false, keep);
    expect(reset.ambiguous).toBe(true);
    expect(reset.message).toContain('may have been processed');
  });

  it('passes every message through the redaction it is given', () => {
    const failure = connectionFailure(withCode('ENOTFOUND'), call, true, (t) =>
      t.replace('api.open.cx', '***'),
    );
    expect(failure.message).not.toContain('api.open.cx');
  });
});

describe('rateLimitTooLong', () => {
  it('says how long the server asks to wait, and until when', () => {
    const now = Date.UTC(2026, 10, 30, 3, 12, 0);
    const cause = httpError(429, { requestId: 'req-1' });
    const error = rateLimitTooLong({ method: 'POST', path: '/training' }, cause, {
      until: now + 3_600_000,
      now,
      attempts: 1,
    });
    expect(error.message).toBe(
      'POST /training was rate limited: the server asks to wait 3600 s (until 2026-11-30T04:12:00Z); try again after that.',
    );
    expect(error).toMatchObject({ status: 429, requestId: 'req-1', rateLimited: true, cause });
  });

  it('rounds a partial second up, never promising an earlier time', () => {
    const now = Date.UTC(2026, 0, 1);
    const error = rateLimitTooLong({ method: 'GET', path: '/x' }, undefined, {
      until: now + 1500,
      now,
      attempts: 0,
    });
    expect(error.message).toContain('wait 2 s (until 2026-01-01T00:00:02Z)');
  });
});
