// The baseline of bench/side-by-side.mjs: the short script a user might write instead of the
// tool. It syncs a folder of training files (frontmatter + body, as bench/lib.mjs writes them)
// to the API, one request after the other, sleeping only when a 429 says so. It writes the same
// ownership metadata as the tool on creates, so that the tool finds nothing to change afterwards.
//
//   OPENCX_API_KEY=... node bench/naive-sync.mjs <trainings folder> <API URL> [namespace]
//
// Prints one JSON line: what it did and how many requests it sent.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';

const [root, url, namespace = 'default'] = process.argv.slice(2);
if (root === undefined || url === undefined) {
  console.error('usage: node naive-sync.mjs <trainings folder> <API URL> [namespace]');
  process.exit(2);
}
const headers = {
  Authorization: `Bearer ${process.env.OPENCX_API_KEY}`,
  'Content-Type': 'application/json',
};
const ours = { 'opencx-trainings.managed': 'true', 'opencx-trainings.namespace': namespace };
const stats = { created: 0, updated: 0, deleted: 0, unchanged: 0, requests: 0, throttled: 0 };

async function api(method, pathAndQuery, body) {
  for (;;) {
    stats.requests++;
    const res = await fetch(url + pathAndQuery, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (res.status === 429) {
      stats.throttled++;
      await res.arrayBuffer();
      const seconds = Number(res.headers.get('retry-after')) || 1;
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      continue;
    }
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${pathAndQuery}: ${res.status} ${text}`);
    return text === '' ? null : JSON.parse(text);
  }
}

// The files: the key of a file is its path under the folder, without ".md".
const segmentList = await api('GET', '/contacts/segments?limit=100');
const segmentIds = Object.fromEntries(
  (segmentList.data ?? segmentList.items).map((s) => [s.name, s.id]),
);
const files = new Map();
for (const name of await readdir(root, { recursive: true })) {
  if (!name.endsWith('.md')) continue;
  const { data, content } = matter(await readFile(path.join(root, name), 'utf8'));
  files.set(name.split(path.sep).join('/').slice(0, -3), {
    body: {
      title: data.title.trim(),
      content: content.trim(),
      type: data.type ?? 'SCENARIO_SPECIFIC',
      is_draft: data.draft ?? false,
      directory_id: null,
      restricted_to_channels: data.channels ?? [],
      restricted_to_segments: (data.segments ?? []).map((name) => segmentIds[name]),
    },
    metadata: data.metadata ?? {},
  });
}

// What the namespace holds now, 100 at a time.
const remote = new Map();
const filter = encodeURIComponent(JSON.stringify(ours));
for (let offset = 0; ; offset += 100) {
  const page = await api('GET', `/training?limit=100&offset=${offset}&metadata=${filter}`);
  for (const t of page.items) remote.set(t.metadata['opencx-trainings.key'], t);
  if (!page.has_more) break;
}

const sameSet = (a, b) => [...a].sort().join('\n') === [...b].sort().join('\n');
for (const [key, { body, metadata }] of files) {
  const t = remote.get(key);
  if (t === undefined) {
    await api('POST', '/training', {
      ...body,
      metadata: { ...metadata, ...ours, 'opencx-trainings.key': key },
    });
    stats.created++;
  } else if (
    t.title !== body.title ||
    t.content !== body.content ||
    t.type !== body.type ||
    t.is_draft !== body.is_draft ||
    !sameSet(t.restricted_to_channels, body.restricted_to_channels) ||
    !sameSet(t.restricted_to_segments, body.restricted_to_segments)
  ) {
    await api('PUT', `/training/${t.id}`, body);
    stats.updated++;
  } else stats.unchanged++;
}
for (const [key, t] of remote) {
  if (files.has(key)) continue;
  await api('DELETE', `/training/${t.id}`);
  stats.deleted++;
}
console.log(JSON.stringify(stats));
