import type { z } from 'zod';
import { errorBodySchema } from './contract.js';
import { UnexpectedResponseError, type ApiErrorDetails } from './errors.js';

/**
 * What a response body says: a 2xx body checked against the shape its call expects, and the
 * server's words in an error body. Pure: the text is passed in, and every message goes through
 * `safe` (the redaction of the caller's token), since a body may quote what it was sent.
 */

/** The body of a 2xx answer, of the shape `schema` documents; undefined without a schema. */
export function readBody<T>(
  schema: z.ZodType<T> | undefined,
  text: string,
  details: ApiErrorDetails,
  safe: (text: string) => string,
): T {
  if (schema === undefined) return undefined as T;
  const call = `${details.method} ${details.path}`;
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    throw new UnexpectedResponseError(
      safe(`${call} answered with a body that is not JSON: ${truncate(text)}`),
      details,
    );
  }
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where =
    issue === undefined || issue.path.length === 0 ? 'the body' : `field "${issue.path.join('.')}"`;
  throw new UnexpectedResponseError(
    safe(`${call} answered with an unexpected shape: ${where}: ${issue?.message ?? 'invalid'}.`),
    details,
  );
}

/**
 * The server's words from an error body: `message` (a string or a list), else `error`, else the
 * text itself. OpenCX and GitHub both put them in `message`.
 */
export function serverMessageOf(text: string): string | undefined {
  if (text.trim() === '') return undefined;
  try {
    const parsed = errorBodySchema.safeParse(JSON.parse(text));
    if (parsed.success) {
      const { message, error } = parsed.data;
      if (Array.isArray(message) && message.length > 0) return message.join('; ');
      if (typeof message === 'string' && message !== '') return message;
      if (error !== undefined) return error;
    }
  } catch {
    // Not JSON: the raw text below.
  }
  return truncate(text);
}

function truncate(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 197)}...` : flat;
}
