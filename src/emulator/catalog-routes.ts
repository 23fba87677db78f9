import { badRequest } from './http-error.js';
import { parseSegmentsQuery } from './query.js';
import type { Handler } from './router.js';

/** The read-only lists a training refers to: directories and contact segments. */

/** [inferred] Not a documented endpoint: served so that tools can show names; a switch removes it. */
export const listDirectoriesRoute: Handler = ({ store }) => ({
  status: 200,
  body: { items: store.directories().map((d) => ({ ...d })) },
});

/** Paged by `page` and `limit`; the envelope key follows the `segmentsEnvelope` switch. */
export const listSegmentsRoute: Handler = ({ query, store, switches }) => {
  const parsed = parseSegmentsQuery(query);
  if (!parsed.ok) throw badRequest(parsed.messages);
  const { page, limit } = parsed.value;
  const start = (page - 1) * limit;
  const segments = store
    .segments()
    .slice(start, start + limit)
    .map((s) => structuredClone(s));
  return { status: 200, body: { [switches.segmentsEnvelope]: segments } };
};
