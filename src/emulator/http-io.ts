import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { badRequest, HttpError } from './http-error.js';

/** The edges of one exchange: credentials in, body in, JSON out. */

/** 401 unless the request carries `Authorization: Bearer <token>`; never echoes what was sent. */
export function checkBearer(header: string | undefined, token: string): void {
  const challenge = { 'www-authenticate': 'Bearer' };
  if (header === undefined || header.trim() === '') {
    throw new HttpError(
      401,
      'the Authorization header is missing: send Authorization: Bearer <API key>',
      challenge,
    );
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (match === null) {
    throw new HttpError(401, 'the Authorization header must be "Bearer <API key>"', challenge);
  }
  if (!sameSecret(match[1] ?? '', token)) {
    throw new HttpError(401, 'the API key is not valid', challenge);
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The JSON body, or undefined when empty. A body over `maxBytes` is read to its end (so the
 * answer can still be sent on the same connection) but not kept, and refused with 413.
 */
export function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    // A connection cut while the request waited (stop, or a client timeout) never ends the body.
    const closed = () => reject(new Error('the connection closed before the body was read'));
    if (req.destroyed) return closed();
    req.on('close', () => {
      if (!req.readableEnded) closed();
    });
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
    });
    req.on('error', reject);
    req.on('end', () => {
      try {
        resolve(parseBody(req.headers['content-type'], Buffer.concat(chunks), size, maxBytes));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}

function parseBody(
  contentType: string | undefined,
  bytes: Buffer,
  size: number,
  maxBytes: number,
): unknown {
  if (size > maxBytes) {
    throw new HttpError(413, `the request body must be at most ${maxBytes} bytes`);
  }
  if (size === 0) return undefined;
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(contentType ?? '')) {
    throw badRequest(
      `the request body must be JSON sent with Content-Type: application/json, not ${contentType === undefined ? 'without a Content-Type' : `"${contentType}"`}`,
    );
  }
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw badRequest(`the request body is not valid JSON: ${(error as Error).message}`);
  }
}

/** Send `body` as JSON, or nothing when it is undefined (e.g. 204). */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  if (body === undefined) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
