/** The headers of an answer, as undici gives them: a name may repeat. */
export type ResponseHeaders = Readonly<Record<string, string | string[] | undefined>>;

/** A response header's value; the first, when a server repeats the header. */
export function headerValue(headers: ResponseHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
