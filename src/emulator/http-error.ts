/**
 * Errors answer in the NestJS envelope the real API is built on: `{ statusCode, message, error }`.
 * `message` is always a list of sentences that each name the field at fault, so a client can show
 * them as they are.
 */

export interface ErrorEnvelope {
  statusCode: number;
  message: string[];
  error: string;
}

const STATUS_NAMES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  413: 'Payload Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** Thrown by route handlers; the server turns it into the envelope. */
export class HttpError extends Error {
  override name = 'HttpError';
  readonly messages: string[];
  constructor(
    readonly status: number,
    messages: string | readonly string[],
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    const list = typeof messages === 'string' ? [messages] : [...messages];
    super(list.join('; '));
    this.messages = list;
  }
}

export function errorEnvelope(status: number, messages: readonly string[]): ErrorEnvelope {
  return { statusCode: status, message: [...messages], error: statusName(status) };
}

function statusName(status: number): string {
  return STATUS_NAMES[status] ?? (status >= 500 ? 'Server Error' : 'Error');
}

export function badRequest(messages: string | readonly string[]): HttpError {
  return new HttpError(400, messages);
}

export function notFound(message: string): HttpError {
  return new HttpError(404, message);
}
