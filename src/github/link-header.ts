/**
 * The `rel="next"` URL of a `Link` header (RFC 8288), as GitHub sends for paginated lists:
 * `<https://api.github.com/...?page=2>; rel="next", <...>; rel="last"`. Pure.
 */
export function nextPageUrl(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  for (const part of header.split(',')) {
    const match = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
    if (match === null) continue;
    const rels = /\brel\s*=\s*"?([^";]*)"?/i.exec(match[2] ?? '')?.[1]?.split(/\s+/) ?? [];
    if (rels.includes('next')) return match[1];
  }
  return undefined;
}
