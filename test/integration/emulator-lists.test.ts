import { describe, expect, it } from 'vitest';
import { trainingListSchema, type TrainingList } from '../../src/api/contract.js';
import { DEFAULT_DIRECTORIES, DEFAULT_SEGMENTS } from '../../src/emulator/index.js';
import { call, messagesOf, useEmulator } from '../helpers/emulator.js';

describe('emulator: directories and segments', () => {
  it('lists the fixed directories, unless switched off', async () => {
    const emulator = await useEmulator();
    const listed = await call(emulator, 'GET', '/training/directories');
    expect(listed.body).toEqual({ items: DEFAULT_DIRECTORIES });
    emulator.setSwitches({ directoriesEndpoint: false });
    expect((await call(emulator, 'GET', '/training/directories')).status).toBe(404);
  });

  it('pages segments in a { data } or { items } envelope', async () => {
    const emulator = await useEmulator();
    const first = await call<{ data: { name: string }[] }>(emulator, 'GET', '/contacts/segments');
    expect(first.body.data.map((s) => s.name)).toEqual([
      'VIP customers',
      'Subscribers',
      'New customers',
      'Business accounts',
    ]);
    const second = await call(emulator, 'GET', '/contacts/segments?page=2&limit=3');
    expect(second.body).toEqual({ data: [DEFAULT_SEGMENTS[3]] });
    emulator.setSwitches({ segmentsEnvelope: 'items' });
    const items = await call(emulator, 'GET', '/contacts/segments?limit=1');
    expect(items.body).toEqual({ items: [DEFAULT_SEGMENTS[0]] });
  });

  it('serves seeded segments, two of them with one name', async () => {
    const emulator = await useEmulator({
      data: {
        segments: [
          { id: 's1', name: 'VIP' },
          { id: 's2', name: 'VIP' },
        ],
      },
    });
    const listed = await call<{ data: { id: string; name: string }[] }>(
      emulator,
      'GET',
      '/contacts/segments',
    );
    expect(listed.body.data.map((s) => [s.id, s.name])).toEqual([
      ['s1', 'VIP'],
      ['s2', 'VIP'],
    ]);
  });

  it.each([
    ['page=0', 'page must be an integer greater than or equal to 1'],
    ['limit=101', 'limit must be an integer from 1 to 100'],
    ['size=5', 'property size should not exist'],
  ])('refuses segments?%s', async (query, message) => {
    const emulator = await useEmulator();
    const response = await call(emulator, 'GET', `/contacts/segments?${query}`);
    expect(response.status).toBe(400);
    expect(messagesOf(response)).toEqual([message]);
  });
});

describe('emulator: listing', () => {
  const at = (minute: number) => new Date(Date.UTC(2025, 0, 1, 0, minute)).toISOString();
  const seeded = {
    trainings: [
      { id: 'a', title: 'Refund policy', content: 'Money back.', created_at: at(1) },
      {
        id: 'b',
        title: 'Tone',
        content: 'Be kind about REFUNDS.',
        type: 'BEHAVIORAL' as const,
        created_at: at(2),
        handoff_count: 9,
        metadata: { team: 'support', tags: ['tone', 'core'] },
      },
      {
        id: 'c',
        title: 'Shipping',
        content: 'Ships in 2 days.',
        is_draft: true,
        created_at: at(3),
        handoff_count: 1,
        metadata: { team: 'ops', managed: true },
      },
    ],
  };
  const ids = (list: TrainingList) => list.items.map((t) => t.id);
  const list = async (emulator: Parameters<typeof call>[0], query = '') => {
    const response = await call<TrainingList>(emulator, 'GET', `/training${query}`);
    expect(response.status).toBe(200);
    return trainingListSchema.parse(response.body);
  };

  it('lists newest first with metadata, and oldest first when switched', async () => {
    const emulator = await useEmulator({ data: seeded });
    const all = await list(emulator);
    expect(ids(all)).toEqual(['c', 'b', 'a']);
    expect(all).toMatchObject({ total: 3, limit: 50, offset: 0, has_more: false });
    expect(all.items[1]?.metadata).toEqual({ team: 'support', tags: ['tone', 'core'] });
    emulator.setSwitches({ sortDirection: 'asc' });
    expect(ids(await list(emulator))).toEqual(['a', 'b', 'c']);
    expect(ids(await list(emulator, '?sort_by=handoff_count'))).toEqual(['a', 'c', 'b']);
  });

  it.each([
    ['?search=refund', ['b', 'a']],
    ['?search=SHIPS', ['c']],
    ['?type=BEHAVIORAL', ['b']],
    ['?is_draft=true', ['c']],
    ['?is_draft=false', ['b', 'a']],
    [`?metadata=${encodeURIComponent('{"team":"support"}')}`, ['b']],
    [`?metadata=${encodeURIComponent('{"tags":["core"]}')}`, ['b']],
    [`?metadata=${encodeURIComponent('{"managed":"true"}')}`, []],
    [`?metadata=${encodeURIComponent('{}')}`, ['c', 'b', 'a']],
    ['?search=refund&is_draft=false&type=SCENARIO_SPECIFIC', ['a']],
  ])('filters %s', async (query, expected) => {
    const emulator = await useEmulator({ data: seeded });
    const found = await list(emulator, query);
    expect(ids(found)).toEqual(expected);
    expect(found.total).toBe(expected.length);
  });

  it('pages with limit and offset; total counts every match', async () => {
    const emulator = await useEmulator({ data: seeded });
    expect(await list(emulator, '?limit=2')).toMatchObject({ total: 3, has_more: true });
    const last = await list(emulator, '?limit=2&offset=2');
    expect(ids(last)).toEqual(['a']);
    expect(last).toMatchObject({ total: 3, limit: 2, offset: 2, has_more: false });
    expect(ids(await list(emulator, '?offset=10'))).toEqual([]);
  });

  it('lists the state as it is at each page: a write between pages shows in the next one', async () => {
    const emulator = await useEmulator({ data: seeded });
    const filter = `&metadata=${encodeURIComponent('{"team":"ops"}')}`;
    expect(ids(await list(emulator, `?limit=1${filter}`))).toEqual(['c']);
    const created = await call<{ id: string }>(emulator, 'POST', '/training', {
      body: { title: 'Returns', content: 'Within 30 days.', metadata: { team: 'ops' } },
    });
    const second = await list(emulator, `?limit=1&offset=1${filter}`);
    expect(second).toMatchObject({ total: 2, has_more: false });
    expect(ids(second)).toEqual(['c']);
    expect(ids(await list(emulator, `?limit=1${filter}`))).toEqual([created.body.id]);
    await call(emulator, 'DELETE', `/training/${created.body.id}`);
    await emulator.seedTrainings([{ id: 'a', metadata: { team: 'ops' } }]);
    expect(ids(await list(emulator, `?sort_by=handoff_count${filter}`))).toEqual(['c', 'a']);
    emulator.setSwitches({ metadataFilter: 'ignore' });
    expect(ids(await list(emulator, `?sort_by=handoff_count${filter}`))).toEqual(['b', 'c', 'a']);
  });

  it.each([
    ['limit=0', 'limit must be an integer from 1 to 100'],
    ['limit=101', 'limit must be an integer from 1 to 100'],
    ['limit=1.5', 'limit must be an integer from 1 to 100'],
    ['offset=-1', 'offset must be an integer greater than or equal to 0'],
    ['is_draft=yes', 'is_draft must be one of: true, false'],
    ['type=faq', 'type must be one of: SCENARIO_SPECIFIC, BEHAVIORAL'],
    ['sort_by=title', 'sort_by must be one of: created_at, handoff_count'],
    [
      'metadata=owner',
      'metadata must be a JSON object, e.g. metadata={"owner":"payments"} (URL-encoded)',
    ],
    [
      'metadata=%5B1%5D',
      'metadata must be a JSON object, e.g. metadata={"owner":"payments"} (URL-encoded)',
    ],
    ['is-draft=true', 'property is-draft should not exist'],
    ['limit=1&limit=2', 'limit must be given once, not 2 times'],
  ])('refuses ?%s', async (query, message) => {
    const emulator = await useEmulator();
    const response = await call(emulator, 'GET', `/training?${query}`);
    expect(response.status).toBe(400);
    expect(messagesOf(response)).toEqual([message]);
  });
});
