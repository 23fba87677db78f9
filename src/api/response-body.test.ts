import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { UnexpectedResponseError } from './errors.js';
import { readBody, serverMessageOf } from './response-body.js';

const call = { method: 'GET', path: '/training/1', status: 200 };
const hide = (text: string) => text.replaceAll('s3cret', '[redacted]');

describe('readBody', () => {
  it('returns the body of the documented shape, and nothing without a shape', () => {
    expect(readBody(z.object({ id: z.string() }), '{"id":"a","extra":1}', call, hide)).toEqual({
      id: 'a',
    });
    expect(readBody(undefined, 'whatever', call, hide)).toBeUndefined();
  });

  it('names the field that is not as documented', () => {
    const schema = z.object({ items: z.array(z.object({ id: z.string() })) });
    expect(() => readBody(schema, '{"items":[{"id":7}]}', call, hide)).toThrow(
      'GET /training/1 answered with an unexpected shape: field "items.0.id": Invalid input: expected string, received number.',
    );
  });

  it('quotes a body that is not JSON through the redaction it is given', () => {
    const read = () => readBody(z.unknown(), '<html>token s3cret</html>', call, hide);
    expect(read).toThrow(UnexpectedResponseError);
    expect(read).toThrow(
      'GET /training/1 answered with a body that is not JSON: <html>token [redacted]</html>',
    );
  });
});

describe('serverMessageOf', () => {
  it('reads `message`, a string or a list, then `error`, then the text itself', () => {
    expect(serverMessageOf('{"message":"Bad credentials","documentation_url":"x"}')).toBe(
      'Bad credentials',
    );
    expect(serverMessageOf('{"message":["title is empty","type is wrong"]}')).toBe(
      'title is empty; type is wrong',
    );
    expect(serverMessageOf('{"statusCode":404,"error":"Not Found"}')).toBe('Not Found');
    expect(serverMessageOf('upstream\n  timed out')).toBe('upstream timed out');
    expect(serverMessageOf('  ')).toBeUndefined();
  });

  it('shortens a long text to 200 characters', () => {
    const said = serverMessageOf('x'.repeat(500)) ?? '';
    expect(said).toHaveLength(200);
    expect(said.endsWith('...')).toBe(true);
  });
});
