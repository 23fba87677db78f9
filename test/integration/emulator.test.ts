import { describe, expect, it } from 'vitest';
import { REQUEST_ID_HEADER, trainingSchema, type Training } from '../../src/api/contract.js';
import { DEFAULT_DIRECTORIES, DEFAULT_SEGMENTS } from '../../src/emulator/index.js';
import { call, messagesOf, useEmulator } from '../helpers/emulator.js';

const BILLING = DEFAULT_DIRECTORIES[0]!.id;
const VIP = DEFAULT_SEGMENTS[0]!.id;
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const refund = { title: 'How do I get a refund?', content: 'Refunds within 30 days.' };

describe('emulator: authentication and envelope', () => {
  it('answers 401 without a token, with a wrong one, or with another scheme', async () => {
    const emulator = await useEmulator({ token: 'right-token' });
    const cases = [
      [null, 'the Authorization header is missing: send Authorization: Bearer <API key>'],
      ['wrong-token', 'the API key is not valid'],
    ] as const;
    for (const [token, message] of cases) {
      const response = await call(emulator, 'GET', '/training', { token });
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ statusCode: 401, message: [message], error: 'Unauthorized' });
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      expect(response.text).not.toContain('wrong-token');
    }
    const basic = await call(emulator, 'GET', '/training', {
      token: null,
      headers: { authorization: 'Basic right-token' },
    });
    expect(messagesOf(basic)).toEqual(['the Authorization header must be "Bearer <API key>"']);
  });

  it('sends a request id on every answer, the one in its request log', async () => {
    const emulator = await useEmulator();
    const answers = [
      await call(emulator, 'GET', '/training'),
      await call(emulator, 'GET', '/training', { token: null }),
      await call(emulator, 'GET', '/training/nope'),
      await call(emulator, 'POST', '/training', { body: {} }),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 401, 404, 400]);
    const ids = answers.map((a) => a.headers.get(REQUEST_ID_HEADER));
    expect(new Set(ids).size).toBe(4);
    expect(emulator.requests.map((r) => r.id)).toEqual(ids);
    expect(emulator.requests[3]).toMatchObject({ method: 'POST', path: '/training', status: 400 });
  });

  it('answers 404 for unknown routes and methods, in the NestJS words', async () => {
    const emulator = await useEmulator();
    const unknown = await call(emulator, 'GET', '/trainings');
    expect(unknown.body).toEqual({
      statusCode: 404,
      message: ['Cannot GET /trainings'],
      error: 'Not Found',
    });
    expect((await call(emulator, 'PATCH', '/training/x', { body: {} })).status).toBe(404);
  });

  it('logs method, path, parsed query, status and times', async () => {
    let now = 0;
    const emulator = await useEmulator({ clock: () => (now += 5) });
    now = 1_000;
    await call(emulator, 'GET', '/training?search=refund&type=BEHAVIORAL&limit=5');
    expect(emulator.requests).toEqual([
      {
        id: expect.any(String) as string,
        method: 'GET',
        path: '/training',
        query: { search: 'refund', type: 'BEHAVIORAL', limit: '5' },
        status: 200,
        start: 1_005,
        end: 1_010,
        fault: null,
        latencyMs: 0,
      },
    ]);
  });
});

describe('emulator: trainings', () => {
  it('creates a published training with the full object', async () => {
    const emulator = await useEmulator({ clock: () => Date.UTC(2025, 0, 2) });
    const created = await call<Training>(emulator, 'POST', '/training', {
      body: {
        ...refund,
        directory_id: BILLING,
        restricted_to_channels: ['web', 'email'],
        restricted_to_segments: [VIP],
        metadata: { owner: 'payments', rank: 2 },
      },
    });
    expect(created.status).toBe(201);
    expect(trainingSchema.parse(created.body)).toEqual({
      id: expect.stringMatching(UUID_V4) as string,
      ...refund,
      draft_title: null,
      draft_content: null,
      type: 'SCENARIO_SPECIFIC',
      is_draft: false,
      directory_id: BILLING,
      restricted_to_channels: ['web', 'email'],
      restricted_to_segments: [VIP],
      current_version: 1,
      metadata: { owner: 'payments', rank: 2 },
      published_at: '2025-01-02T00:00:00.000Z',
      created_at: '2025-01-02T00:00:00.000Z',
      updated_at: '2025-01-02T00:00:00.000Z',
    });
  });

  it('creates a draft with its text in title/content and draft_*, or in draft_* only', async () => {
    const emulator = await useEmulator();
    const both = await call<Training>(emulator, 'POST', '/training', {
      body: { ...refund, is_draft: true },
    });
    expect(both.body).toMatchObject({
      ...refund,
      draft_title: refund.title,
      draft_content: refund.content,
      is_draft: true,
      current_version: null,
      published_at: null,
    });
    emulator.setSwitches({ draftCreate: 'draft-only' });
    const only = await call<Training>(emulator, 'POST', '/training', {
      body: { ...refund, is_draft: true },
    });
    expect(only.body).toMatchObject({ title: '', content: '', draft_title: refund.title });
  });

  it('answers a create with 200 when switched', async () => {
    const emulator = await useEmulator({ createStatus: 200 });
    expect((await call(emulator, 'POST', '/training', { body: refund })).status).toBe(200);
  });

  it('reports every problem of a body at once, each naming its field', async () => {
    const emulator = await useEmulator({ limits: { titleMaxLength: 10 } });
    const bad = await call(emulator, 'POST', '/training', {
      body: {
        title: '',
        content: 42,
        type: 'behavioural',
        is_draft: 'yes',
        restricted_to_channels: ['web', 'emial'],
        restricted_to_segments: [''],
        metadata: { nested: { no: 1 } },
        chanels: ['web'],
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(messagesOf(bad)).toEqual([
      'title must be a non-empty string',
      'content must be a non-empty string',
      'type must be one of: SCENARIO_SPECIFIC, BEHAVIORAL',
      'is_draft must be a boolean (true or false)',
      'restricted_to_channels.1 must be one of: web, email, phone_voice, slack, sms, whatsapp, instagram, messenger, api, web_voice',
      'restricted_to_segments.0 must be a non-empty string (a segment id)',
      'metadata.nested must be a string, a number, a boolean or null',
      'property chanels should not exist',
    ]);
  });

  it('refuses unknown directories and segments, and texts over the limits', async () => {
    const emulator = await useEmulator({ limits: { titleMaxLength: 10, contentMaxLength: 20 } });
    const bad = await call(emulator, 'POST', '/training', {
      body: {
        title: 'x'.repeat(11),
        content: 'y'.repeat(21),
        directory_id: 'nowhere',
        restricted_to_segments: [VIP, 'ghost'],
      },
    });
    expect(messagesOf(bad)).toEqual([
      'title must be shorter than or equal to 10 characters',
      'content must be shorter than or equal to 20 characters',
      'directory_id must be the id of an existing directory; "nowhere" is not one',
      'restricted_to_segments.1 must be the id of an existing segment; "ghost" is not one (see GET /contacts/segments)',
    ]);
    expect(emulator.store.trainings()).toEqual([]);
  });

  it('refuses bodies that are not JSON objects, and bodies too large', async () => {
    const emulator = await useEmulator({ limits: { bodyMaxBytes: 100 } });
    const post = (raw: string, type = 'application/json') =>
      call(emulator, 'POST', '/training', { raw, headers: { 'content-type': type } });
    expect(messagesOf(await post('{"title":'))[0]).toMatch(/^the request body is not valid JSON: /);
    expect(messagesOf(await post('[]'))).toEqual(['body must be a JSON object']);
    expect(messagesOf(await post('title=x', 'text/plain'))).toEqual([
      'the request body must be JSON sent with Content-Type: application/json, not "text/plain"',
    ]);
    expect(messagesOf(await call(emulator, 'POST', '/training'))).toEqual([
      'body must be a JSON object',
    ]);
    const large = await post(JSON.stringify({ ...refund, content: 'z'.repeat(200) }));
    expect(large.status).toBe(413);
    expect(messagesOf(large)).toEqual(['the request body must be at most 100 bytes']);
  });

  it('gets one training without metadata, or with it when switched; 404 when unknown', async () => {
    const emulator = await useEmulator({
      data: { trainings: [{ id: 't1', ...refund, metadata: { owner: 'payments' } }] },
    });
    const plain = await call<Training>(emulator, 'GET', '/training/t1');
    expect(plain.body).toMatchObject(refund);
    expect(plain.body).not.toHaveProperty('metadata');
    emulator.setSwitches({ getIncludesMetadata: true });
    const full = await call<Training>(emulator, 'GET', '/training/t1');
    expect(full.body.metadata).toEqual({ owner: 'payments' });
    const missing = await call(emulator, 'GET', '/training/t2');
    expect(missing.status).toBe(404);
    expect(messagesOf(missing)).toEqual(['no training has the id "t2"']);
  });

  it('updates: a new published version, or a draft beside the published one', async () => {
    const emulator = await useEmulator({ data: { trainings: [{ id: 't1', ...refund }] } });
    const next = { title: 'Refunds', content: 'Refunds within 60 days.', type: 'BEHAVIORAL' };
    const published = await call<Training>(emulator, 'PUT', '/training/t1', {
      body: { ...next, is_draft: false, restricted_to_channels: ['sms'] },
    });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({
      ...next,
      current_version: 2,
      draft_title: null,
      restricted_to_channels: ['sms'],
    });
    const drafted = await call<Training>(emulator, 'PUT', '/training/t1', {
      body: { ...refund, is_draft: true },
    });
    expect(drafted.body).toMatchObject({
      ...next,
      draft_title: refund.title,
      draft_content: refund.content,
      is_draft: true,
      current_version: 2,
    });
  });

  it('shows trainings changed behind the API, as by the dashboard', async () => {
    const emulator = await useEmulator({ data: { trainings: [{ id: 't1', ...refund }] } });
    const [edited] = await emulator.seedTrainings([
      { id: 't1', draft_title: 'Edited in the dashboard' },
      { id: 't2', title: 'Other', content: 'Not ours.' },
    ]);
    expect(edited).toMatchObject({ ...refund, is_draft: false, current_version: 1 });
    const listed = await call<{ items: Training[] }>(
      emulator,
      'GET',
      '/training?sort_by=created_at',
    );
    expect(listed.body.items.map((t) => [t.id, t.draft_title])).toEqual([
      ['t2', null],
      ['t1', 'Edited in the dashboard'],
    ]);
  });

  it('refuses to seed a change of a training that does not exist', async () => {
    const emulator = await useEmulator();
    await expect(emulator.seedTrainings([{ id: 'nope', draft_title: 'x' }])).rejects.toThrow(
      'no training has the id "nope"',
    );
  });

  it('validates an update body before looking the id up, like NestJS', async () => {
    const emulator = await useEmulator();
    expect((await call(emulator, 'PUT', '/training/none', { body: {} })).status).toBe(400);
    expect((await call(emulator, 'PUT', '/training/none', { body: refund })).status).toBe(404);
  });

  it.each([
    ['ignore', 200, { owner: 'payments' }],
    ['apply', 200, { owner: 'support' }],
    ['reject', 400, { owner: 'payments' }],
  ] as const)('metadata on update: %s', async (metadataOnUpdate, status, stored) => {
    const emulator = await useEmulator({
      metadataOnUpdate,
      data: { trainings: [{ id: 't1', ...refund, metadata: { owner: 'payments' } }] },
    });
    const response = await call(emulator, 'PUT', '/training/t1', {
      body: { ...refund, metadata: { owner: 'support' } },
    });
    expect(response.status).toBe(status);
    if (status === 400)
      expect(messagesOf(response)).toEqual(['property metadata should not exist']);
    expect(emulator.store.findTraining('t1')?.metadata).toEqual(stored);
  });

  it('deletes with 200 and the training, or 204 and no body; 404 when unknown', async () => {
    const emulator = await useEmulator({ data: { trainings: [{ id: 't1', ...refund }] } });
    const deleted = await call<Training>(emulator, 'DELETE', '/training/t1');
    expect(deleted.status).toBe(200);
    expect(deleted.body.id).toBe('t1');
    expect((await call(emulator, 'GET', '/training/t1')).status).toBe(404);
    expect((await call(emulator, 'DELETE', '/training/t1')).status).toBe(404);

    emulator.setSwitches({ deleteStatus: 204 });
    await emulator.reset({ trainings: [{ id: 't2', ...refund }] });
    const empty = await call(emulator, 'DELETE', '/training/t2');
    expect(empty).toMatchObject({ status: 204, text: '' });
  });

  it('publishes and unpublishes through /draft with { is_draft }', async () => {
    const emulator = await useEmulator({
      data: {
        trainings: [{ id: 't1', ...refund, draft_title: 'Edited', draft_content: 'Edited text' }],
      },
    });
    const unpublished = await call<Training>(emulator, 'PUT', '/training/t1/draft', {
      body: { is_draft: true },
    });
    expect(unpublished.body).toMatchObject({ ...refund, is_draft: true, draft_title: 'Edited' });
    const published = await call<Training>(emulator, 'PUT', '/training/t1/draft', {
      body: { is_draft: false },
    });
    expect(published.body).toMatchObject({
      title: 'Edited',
      content: 'Edited text',
      draft_title: null,
      is_draft: false,
      current_version: 2,
    });
    const missing = await call(emulator, 'PUT', '/training/t1/draft');
    expect(messagesOf(missing)).toEqual(['body must be a JSON object']);
    const wrong = await call(emulator, 'PUT', '/training/t1/draft', { body: { draft: true } });
    expect(messagesOf(wrong)).toEqual([
      'is_draft must be a boolean (true or false)',
      'property draft should not exist',
    ]);
  });

  it('flips the draft state whatever the body with the toggle switch', async () => {
    const emulator = await useEmulator({
      toggleDraft: 'toggle',
      data: { trainings: [{ id: 't1', ...refund }] },
    });
    const first = await call<Training>(emulator, 'PUT', '/training/t1/draft', {
      body: { is_draft: false },
    });
    expect(first.body.is_draft).toBe(true);
    const second = await call<Training>(emulator, 'PUT', '/training/t1/draft');
    expect(second.body.is_draft).toBe(false);
  });

  it('moves a training to a directory, or out of any; 400 for an unknown one', async () => {
    const emulator = await useEmulator({ data: { trainings: [{ id: 't1', ...refund }] } });
    const moved = await call<Training>(emulator, 'PUT', '/training/t1/directory', {
      body: { directory_id: BILLING },
    });
    expect(moved.body.directory_id).toBe(BILLING);
    const out = await call<Training>(emulator, 'PUT', '/training/t1/directory', {
      body: { directory_id: null },
    });
    expect(out.body.directory_id).toBeNull();
    const bad = await call(emulator, 'PUT', '/training/t1/directory', {
      body: { directory_id: 'nowhere' },
    });
    expect(bad.status).toBe(400);
    expect(messagesOf(bad)).toEqual([
      'directory_id must be the id of an existing directory; "nowhere" is not one',
    ]);
    const unknown = await call(emulator, 'PUT', '/training/t9/directory', {
      body: { directory_id: BILLING },
    });
    expect(unknown.status).toBe(404);
  });

  it('decodes ids in paths and ignores one trailing slash', async () => {
    const emulator = await useEmulator({ data: { trainings: [{ id: 'a/b c', ...refund }] } });
    expect((await call(emulator, 'GET', `/training/${encodeURIComponent('a/b c')}`)).status).toBe(
      200,
    );
    expect((await call(emulator, 'GET', '/training/')).status).toBe(200);
  });
});
