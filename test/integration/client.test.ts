import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { OpenCxClient } from '../../src/api/client.js';
import { ApiError, UnexpectedResponseError } from '../../src/api/errors.js';
import { VERSION } from '../../src/util/version.js';
import { DEFAULT_DIRECTORIES, DEFAULT_SEGMENTS } from '../../src/emulator/index.js';
import { clientOf, collect } from '../helpers/client.js';
import { useEmulator } from '../helpers/emulator.js';
import { usePlainHttpOnHttpsUrl, useUntrustedHttps } from '../helpers/odd-servers.js';
import { maxInWindow } from '../helpers/windows.js';

const body = (title: string, extra: Record<string, unknown> = {}) => ({
  title,
  content: `About ${title}.`,
  ...extra,
});

/** Backoff without jitter: each wait is 99% of `ms`. */
const steadyBackoff = (ms: number) => ({
  backoffBaseMs: ms,
  backoffCapMs: ms,
  random: () => 0.99,
});

describe('OpenCxClient against the emulator', () => {
  it('creates, reads, updates, publishes, moves and deletes a training', async () => {
    const emulator = await useEmulator();
    const { client } = clientOf(emulator);
    const directory = DEFAULT_DIRECTORIES[0]?.id ?? '';

    const created = await client.createTraining(
      body('Refunds', {
        is_draft: true,
        restricted_to_channels: ['web'],
        metadata: { owner: 'payments' },
      }),
    );
    expect(created).toMatchObject({
      title: 'Refunds',
      is_draft: true,
      restricted_to_channels: ['web'],
    });

    const read = await client.getTraining(created.id);
    expect(read?.id).toBe(created.id);
    expect(await client.getTraining('00000000-0000-4000-8000-000000000000')).toBeUndefined();

    const updated = await client.updateTraining(
      created.id,
      body('Refunds', { content: 'New text.', is_draft: true }),
    );
    expect(updated.draft_content).toBe('New text.');

    const published = await client.setDraft(created.id, false);
    expect(published).toMatchObject({ is_draft: false, content: 'New text.', current_version: 1 });
    expect((await client.setDraft(created.id, true)).is_draft).toBe(true);

    expect((await client.moveToDirectory(created.id, directory)).directory_id).toBe(directory);
    expect(await client.deleteTraining(created.id)).toBe('deleted');
    expect(await client.deleteTraining(created.id)).toBe('absent');
  });

  it('lists directories and segments, or says when directories cannot be listed', async () => {
    const emulator = await useEmulator();
    const { client } = clientOf(emulator);
    expect((await client.listDirectories())?.map((d) => d.name)).toEqual(
      DEFAULT_DIRECTORIES.map((d) => d.name),
    );
    expect((await client.listSegments()).map((s) => s.name).sort()).toEqual(
      DEFAULT_SEGMENTS.map((s) => s.name).sort(),
    );

    emulator.setSwitches({ directoriesEndpoint: false, segmentsEnvelope: 'items' });
    expect(await client.listDirectories()).toBeUndefined();
    expect(await client.listSegments()).toHaveLength(DEFAULT_SEGMENTS.length);
  });

  it('pages through segments until a short page', async () => {
    const segments = Array.from({ length: 230 }, (_, i) => ({ name: `Segment ${i}` }));
    const emulator = await useEmulator({ data: { segments } });
    const { client } = clientOf(emulator);
    expect(await client.listSegments()).toHaveLength(230);
    expect(emulator.requests.filter((r) => r.path === '/contacts/segments')).toHaveLength(3);
  });

  it('filters listings by search, type, draft state and metadata containment', async () => {
    const emulator = await useEmulator();
    const { client } = clientOf(emulator);
    await client.createTraining(
      body('Refund policy', { type: 'BEHAVIORAL', metadata: { team: 'a', n: 1 } }),
    );
    await client.createTraining(body('Shipping', { is_draft: true, metadata: { team: 'a' } }));
    await client.createTraining(body('Returns', { metadata: { team: 'b' } }));
    const titles = async (query: Parameters<OpenCxClient['listTrainings']>[0]) =>
      (await collect(client.listTrainings(query))).map((t) => t.title).sort();

    expect(await titles({ search: 'REFUND' })).toEqual(['Refund policy']);
    expect(await titles({ type: 'BEHAVIORAL' })).toEqual(['Refund policy']);
    expect(await titles({ is_draft: true })).toEqual(['Shipping']);
    expect(await titles({ metadata: { team: 'a' } })).toEqual(['Refund policy', 'Shipping']);
    expect(await titles({ metadata: { team: 'a', n: 1 } })).toEqual(['Refund policy']);
  });

  it('lists every training exactly once while trainings are inserted between pages', async () => {
    const trainings = Array.from({ length: 250 }, (_, i) => ({ title: `T${i}`, content: 'x' }));
    for (const sortDirection of ['desc', 'asc'] as const) {
      const emulator = await useEmulator({ data: { trainings }, sortDirection });
      const { client } = clientOf(emulator);
      const seen: string[] = [];
      let inserted = 0;
      for await (const t of client.listTrainings()) {
        seen.push(t.title);
        // Insert one training each time a page has been read.
        if (seen.length % 100 === 0 && inserted < 5) {
          inserted++;
          await client.createTraining(body(`New ${inserted}`));
        }
      }
      expect(new Set(seen).size).toBe(seen.length);
      for (let i = 0; i < 250; i++) expect(seen).toContain(`T${i}`);
      // total changed during the pass, so the listing was read again.
      const lists = emulator.requests.filter((r) => r.method === 'GET' && r.path === '/training');
      expect(lists.length).toBeGreaterThan(3);
    }
  });

  it('requests the pages after the first together, each once, and nothing a reader does not read', async () => {
    const trainings = Array.from({ length: 950 }, (_, i) => ({ title: `T${i}`, content: 'x' }));
    const emulator = await useEmulator({ data: { trainings }, faults: { latencyMs: 20 } });
    const { client } = clientOf(emulator, { concurrency: 4 });
    expect(await collect(client.listTrainings())).toHaveLength(950);
    const pages = emulator.requests.filter((r) => r.path === '/training');
    expect(pages.map((r) => Number(r.query.offset)).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 10 }, (_, i) => i * 100),
    );
    // The emulator's log: after the first page, four pages at a time.
    const overlapping = (r: (typeof pages)[number]) =>
      pages.filter((o) => o.start < (r.end ?? 0) && (o.end ?? 0) > r.start).length;
    expect(Math.max(...pages.map(overlapping))).toBe(4);

    emulator.clearRequests();
    for await (const t of client.listTrainings()) if (t.title !== '') break;
    // The first page, and at most the pages requested ahead of the reader.
    expect(emulator.requests.filter((r) => r.path === '/training').length).toBeLessThanOrEqual(9);
  });

  it('reports validation errors with the field, and never retries them', async () => {
    const emulator = await useEmulator();
    const { client } = clientOf(emulator);
    const error = await client
      .createTraining(body('x', { restricted_to_channels: ['fax'] }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, method: 'POST', path: '/training' });
    expect((error as ApiError).message).toMatch(/HTTP 400: .*restricted_to_channels/);
    expect((error as ApiError).requestId).toMatch(/\S/);
    expect(emulator.requests).toHaveLength(1);
  });

  it('reports a wrong token as a 401 and never prints the token', async () => {
    const emulator = await useEmulator({ token: 'real-secret-token-1234' });
    const wrong = 'wrong-secret-token-5678';
    const { client, events } = clientOf({ url: emulator.url, token: wrong });
    const error = (await collect(client.listTrainings()).catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(401);
    const everything = JSON.stringify([error.message, error.stack, events, { ...error }]);
    expect(everything).not.toContain(wrong);
    expect(everything).not.toContain('real-secret-token-1234');
  });

  it('never prints the token in network errors either', async () => {
    const emulator = await useEmulator();
    await emulator.stop();
    const { client, events } = clientOf(emulator, { maxAttempts: 2 });
    const error = (await client.getTraining('x').catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('ECONNREFUSED');
    expect(JSON.stringify([error.message, error.stack, events])).not.toContain(emulator.token);
  });

  it('refuses plain http to anything but this machine, before sending anything', () => {
    expect(() => new OpenCxClient({ baseUrl: 'http://api.open.cx', token: 't' })).toThrow(
      /Refusing plain http/,
    );
    expect(() => new OpenCxClient({ baseUrl: 'ftp://x', token: 't' })).toThrow(/not supported/);
    expect(() => new OpenCxClient({ baseUrl: 'http://127.0.0.1:9', token: 't' })).not.toThrow();
  });

  it('retries 5xx answers with backoff until they succeed', async () => {
    const emulator = await useEmulator({ faults: { seed: 7, errorRate: 0.5 } });
    const { client } = clientOf(emulator, { maxAttempts: 10 });
    for (let i = 0; i < 10; i++) {
      const metadata = { key: `k${i}` };
      // A 5xx on a create is ambiguous: the client looks the key up before sending it again.
      await client.createTraining(
        body(`T${i}`, { metadata }),
        async () => (await collect(client.listTrainings({ metadata })))[0],
      );
    }
    expect(emulator.requests.filter((r) => r.fault === 'error').length).toBeGreaterThan(0);
    expect(
      emulator.requests.filter((r) => r.method === 'GET' && r.status === 200).length,
    ).toBeGreaterThan(0);
    const titles = (await collect(client.listTrainings())).map((t) => t.title).sort();
    expect(titles).toEqual(Array.from({ length: 10 }, (_, i) => `T${i}`).sort());
  });

  it('creates nothing twice when the connection drops after the write', async () => {
    const emulator = await useEmulator({ faults: { seed: 3, dropRate: 0.5, writesOnly: true } });
    const { client } = clientOf(emulator);
    for (let i = 0; i < 20; i++) {
      const metadata = { key: `k${i}` };
      const found = async () => (await collect(client.listTrainings({ metadata })))[0];
      await client.createTraining(body(`T${i}`, { metadata }), found);
    }
    expect(emulator.requests.some((r) => r.status === 'dropped')).toBe(true);
    const titles = (await collect(client.listTrainings())).map((t) => t.title);
    expect(titles.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `T${i}`).sort());
  });

  it('says a dropped create may have happened, when it cannot look it up', async () => {
    const emulator = await useEmulator({ faults: { seed: 1, dropRate: 1, writesOnly: true } });
    const { client } = clientOf(emulator);
    const error = (await client.createTraining(body('x')).catch((e: unknown) => e)) as ApiError;
    expect(error.ambiguous).toBe(true);
    expect(error.message).toContain('may have been processed');
    expect(emulator.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('sends an ambiguous create at most the configured attempts, looking it up after each', async () => {
    const emulator = await useEmulator({ faults: { errorRate: 1, methods: ['POST'] } });
    const { client } = clientOf(emulator, { maxAttempts: 2 });
    let lookUps = 0;
    const error = (await client
      .createTraining(body('x'), () => {
        lookUps++;
        return Promise.resolve(undefined);
      })
      .catch((e: unknown) => e)) as ApiError;
    expect(error).toMatchObject({ ambiguous: true, method: 'POST' });
    expect(emulator.requests.filter((r) => r.method === 'POST')).toHaveLength(2);
    expect(lookUps).toBe(2);
  });

  it('stops sending an ambiguous create again when the next round would end past the deadline', async () => {
    const emulator = await useEmulator({ faults: { errorRate: 1, methods: ['POST'] } });
    // 990 ms before a second round, past a 100 ms deadline.
    const { client } = clientOf(emulator, {
      maxAttempts: 10,
      deadlineMs: 100,
      ...steadyBackoff(1000),
    });
    const error = (await client
      .createTraining(body('x'), () => Promise.resolve(undefined))
      .catch((e: unknown) => e)) as ApiError;
    expect(error.ambiguous).toBe(true);
    expect(emulator.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('retries idempotent requests after 5xx and dropped connections, up to the attempt limit', async () => {
    const emulator = await useEmulator({ faults: { seed: 1, errorRate: 1, methods: ['GET'] } });
    const { client } = clientOf(emulator, { maxAttempts: 4 });
    const error = (await client.getTraining('x').catch((e: unknown) => e)) as ApiError;
    expect(error.attempts).toBe(4);
    expect(error.message).toContain('after 4 attempts');
    expect(emulator.requests).toHaveLength(4);
  });

  it('honours Retry-After on 429, for every request in flight', async () => {
    const emulator = await useEmulator({
      faults: { seed: 2, throttleRate: 0.3, throttleRetryAfterMs: 300 },
    });
    const { client } = clientOf(emulator);
    const t = await client.createTraining(body('x'));
    for (let i = 0; i < 8; i++) await client.getTraining(t.id);
    const log = emulator.requests;
    const throttled = log.filter((r) => r.fault === 'throttle');
    expect(throttled.length).toBeGreaterThan(0);
    for (const r of throttled) {
      const next = log[log.indexOf(r) + 1];
      if (next === undefined) continue;
      // Retry-After is one second at least (whole seconds): the next request waited for it.
      expect((next.start - (r.end ?? r.start)) / 1000).toBeGreaterThanOrEqual(0.95);
    }
  });

  it('paces requests under the rate limit without a single 429', async () => {
    // The exact pacing (bursts, rate, windows) is proven on a fake clock in scheduler.test.ts.
    // Here, over real HTTP on a machine that may be slow, only what slowness cannot break: a
    // client keeping a budget below the server's limit is never refused, and the server never
    // sees more than its limit in any window. Without pacing, 20 requests four at a time would
    // blow through it at once. The budget keeps a wide margin (6 of 10): on a loaded machine,
    // requests sent in one window may reach the server late, in the next one.
    const server = { requests: 10, windowMs: 1000 };
    const emulator = await useEmulator({ rateLimit: server });
    const { client } = clientOf(emulator, {
      requestsPerMinute: 6,
      windowMs: server.windowMs,
      concurrency: 4,
    });
    await Promise.all(Array.from({ length: 20 }, () => client.getTraining('missing')));
    const log = emulator.requests;
    expect(log.filter((r) => r.status === 429)).toHaveLength(0);
    expect(log).toHaveLength(20);
    expect(
      maxInWindow(
        log.map((r) => r.start),
        server.windowMs,
      ),
    ).toBeLessThanOrEqual(server.requests);
  });

  it('recovers from the server limit when it does not pace itself', async () => {
    const emulator = await useEmulator({
      rateLimit: { requests: 5, windowMs: 500 },
      retryAfter: 'none',
    });
    const { client } = clientOf(emulator, {
      maxAttempts: 10,
      backoffBaseMs: 100,
      backoffCapMs: 400,
    });
    await Promise.all(Array.from({ length: 12 }, () => client.getTraining('missing')));
    expect(emulator.requests.some((r) => r.status === 429)).toBe(true);
    expect(emulator.requests.filter((r) => r.status === 404)).toHaveLength(12);
  });

  it('works with every inferred server behaviour', async () => {
    const emulator = await useEmulator({
      toggleDraft: 'toggle',
      createStatus: 200,
      deleteStatus: 204,
      metadataOnUpdate: 'reject',
      draftCreate: 'draft-only',
      retryAfter: 'date',
    });
    const { client } = clientOf(emulator);
    const t = await client.createTraining(body('x', { is_draft: true }));
    expect(t.is_draft).toBe(true);
    expect((await client.setDraft(t.id, false)).is_draft).toBe(false);
    expect((await client.updateTraining(t.id, body('y', { is_draft: false }))).title).toBe('y');
    expect(await client.deleteTraining(t.id)).toBe('deleted');
  });

  it('says which field of a response is not as documented', async () => {
    // A server that answers 200 with the wrong shape: item 0 has a numeric id.
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          items: [{ id: 7, title: 't', content: 'c', type: 'BEHAVIORAL', is_draft: false }],
          total: 1,
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const { client } = clientOf({ url: `http://127.0.0.1:${port}`, token: 'token-of-test' });
      const error = (await collect(client.listTrainings()).catch((e: unknown) => e)) as Error;
      expect(error).toBeInstanceOf(UnexpectedResponseError);
      expect(error.message).toBe(
        'GET /training answered with an unexpected shape: field "items.0.id": Invalid input: expected string, received number.',
      );
    } finally {
      server.close();
    }
  });

  it('sends a User-Agent naming the tool and its version, over one kept-alive connection', async () => {
    const agents: string[] = [];
    const sockets = new Set<unknown>();
    const server = createServer((req, res) => {
      agents.push(req.headers['user-agent'] ?? '');
      sockets.add(req.socket);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ items: [], total: 0, limit: 100, offset: 0, has_more: false }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const { client } = clientOf(
        { url: `http://127.0.0.1:${port}`, token: 'token-of-test' },
        { concurrency: 1 },
      );
      for (let i = 0; i < 3; i++) await collect(client.listTrainings());
      expect(agents).toHaveLength(3);
      expect(agents[0]).toBe(`opencx-trainings/${VERSION} node/${process.version}`);
      expect(sockets.size).toBe(1);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('gives up when the deadline passes, even with attempts left', async () => {
    const emulator = await useEmulator({ faults: { seed: 1, errorRate: 1 } });
    // 99 ms between attempts, so a 300 ms deadline allows about four.
    const { client } = clientOf(emulator, {
      maxAttempts: 100,
      deadlineMs: 300,
      ...steadyBackoff(100),
    });
    const error = (await client.getTraining('x').catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBeGreaterThanOrEqual(500);
    expect(emulator.requests.length).toBeGreaterThanOrEqual(2);
    expect(emulator.requests.length).toBeLessThanOrEqual(4);
  });

  it('waits out added latency without retrying', async () => {
    const emulator = await useEmulator({ faults: { seed: 4, latencyMs: { min: 20, max: 60 } } });
    const { client } = clientOf(emulator);
    const created = await client.createTraining(body('Slow'));
    expect((await client.getTraining(created.id))?.title).toBe('Slow');
    expect(emulator.requests).toHaveLength(2);
    // Timers may fire a millisecond early on the clock the log uses.
    for (const r of emulator.requests)
      expect((r.end ?? 0) - r.start).toBeGreaterThanOrEqual(r.latencyMs - 2);
    expect(emulator.requests.every((r) => r.latencyMs >= 20)).toBe(true);
  });
});

describe('OpenCxClient: failures that retrying cannot fix', () => {
  it('fails at once, naming the host, when the TLS certificate is not trusted', async () => {
    const server = await useUntrustedHttps();
    const { client, events } = clientOf(
      { url: server.url, token: 'token-of-test' },
      { maxAttempts: 6 },
    );
    const error = (await collect(client.listTrainings()).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.message).toMatch(/^Cannot reach 127\.0\.0\.1:\d+: the TLS certificate /);
    expect(error).toMatchObject({ permanent: true, attempts: 1 });
    expect(events).toHaveLength(1);
    expect(server.connections()).toBe(1);
  });

  it('fails at once when an https:// URL reaches a server that does not speak TLS', async () => {
    const server = await usePlainHttpOnHttpsUrl();
    const { client, events } = clientOf(
      { url: server.url, token: 'token-of-test' },
      { maxAttempts: 6 },
    );
    const error = (await client.getTraining('x').catch((e: unknown) => e)) as ApiError;
    expect(error.message).toMatch(
      /^Cannot reach 127\.0\.0\.1:\d+: the TLS handshake failed \(ERR_SSL_WRONG_VERSION_NUMBER\)/,
    );
    expect(events).toHaveLength(1);
    expect(server.connections()).toBe(1);
  });

  it('names the host when nothing answers, after retrying', async () => {
    const emulator = await useEmulator();
    await emulator.stop();
    const { client } = clientOf(emulator, { maxAttempts: 2 });
    const error = (await client.getTraining('x').catch((e: unknown) => e)) as ApiError;
    expect(error.message).toBe(
      `GET /training/x failed: no answer from 127.0.0.1:${emulator.port} (ECONNREFUSED) after 2 attempts`,
    );
  });

  it('never retries a 4xx, and retries a 408 like a 5xx', async () => {
    const emulator = await useEmulator({
      faults: { errorRate: 1, errorStatuses: [403], methods: ['GET'] },
    });
    const { client } = clientOf(emulator, { maxAttempts: 4 });
    await expect(client.getTraining('x')).rejects.toMatchObject({ status: 403, attempts: 1 });
    expect(emulator.requests).toHaveLength(1);

    emulator.clearRequests();
    emulator.setFaults({ errorRate: 1, errorStatuses: [408], methods: ['GET'] });
    await expect(client.getTraining('x')).rejects.toMatchObject({ status: 408, attempts: 4 });
    expect(emulator.requests).toHaveLength(4);
  });

  it('fails at once, saying when to try again, when Retry-After outlasts the deadline', async () => {
    const emulator = await useEmulator({
      faults: { throttleRate: 1, throttleRetryAfterMs: 3_600_000 },
    });
    const { client } = clientOf(emulator);
    const started = Date.now();
    const error = (await client.createTraining(body('x')).catch((e: unknown) => e)) as ApiError;
    expect(error.message).toMatch(
      /^POST \/training was rate limited: the server asks to wait 3600 s \(until \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\); try again after that\.$/,
    );
    const until = Date.parse(/until (\S+)\)/.exec(error.message)?.[1] ?? '');
    expect(until - started).toBeGreaterThanOrEqual(3_599_000);
    expect(error).toMatchObject({ status: 429, rateLimited: true });
    expect(emulator.requests).toHaveLength(1);
  });
});
