import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DIRECTORIES,
  DEFAULT_SEGMENTS,
  type RunningEmulator,
} from '../../src/emulator/index.js';
import { clientOf, collect } from '../helpers/client.js';
import { useEmulator } from '../helpers/emulator.js';
import { NAMESPACE, aProject, md, numberedFiles, writesIn } from '../helpers/project.js';
import type { Training } from '../../src/api/contract.js';

const FILES = {
  'billing/refund.md': md(
    'title: How do I get a refund?\nchannels: [web, email]\nsegments: [VIP customers]\ndirectory: Billing',
    'Refunds within 30 days.',
  ),
  'tone.md': md('title: Brand voice\ntype: BEHAVIORAL', 'Be warm and direct.'),
  'draft.md': md('title: Recall\ndraft: true', 'Not live yet.'),
};

async function remoteByKey(emulator: RunningEmulator): Promise<Map<string, Training[]>> {
  const { client } = clientOf(emulator);
  const byKey = new Map<string, Training[]>();
  for (const t of await collect(client.listTrainings())) {
    const managed = t.metadata?.['opencx-trainings.key'];
    const key = typeof managed === 'string' ? managed : `unmanaged:${t.title}`;
    byKey.set(key, [...(byKey.get(key) ?? []), t]);
  }
  return byKey;
}

/** An emulator and a project whose files were applied to it. */
async function synced(
  files: Record<string, string>,
  options: Parameters<typeof useEmulator>[0] = {},
) {
  const emulator = await useEmulator(options);
  const project = await aProject(emulator, files);
  await project.run(['apply', '--yes']);
  return { emulator, project };
}

describe('plan and apply against the emulator', () => {
  it('creates everything in an empty org, then finds nothing to do', async () => {
    const emulator = await useEmulator();
    const project = await aProject(emulator, FILES);

    const planned = await project.run(['plan', '--detailed-exitcode']);
    expect(planned.stdout.split('\n')[0]).toBe(
      `Target: test (${emulator.url}, API key from $OPENCX_TEST_KEY)`,
    );
    expect(planned.stdout).toContain('Plan: 3 to create; 0 unchanged.');
    expect(planned.code).toBe(2);

    const applied = await project.run(['apply', '--yes']);
    expect(applied.stderr).toBe('');
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('Apply complete: 3 created.');

    const remote = await remoteByKey(emulator);
    expect(remote.get('billing/refund')?.[0]).toMatchObject({
      title: 'How do I get a refund?',
      content: 'Refunds within 30 days.',
      restricted_to_channels: expect.arrayContaining(['web', 'email']) as string[],
      restricted_to_segments: [DEFAULT_SEGMENTS.find((s) => s.name === 'VIP customers')?.id],
      directory_id: DEFAULT_DIRECTORIES.find((d) => d.name === 'Billing')?.id,
      is_draft: false,
      metadata: expect.objectContaining({ 'opencx-trainings.namespace': NAMESPACE }) as object,
    });
    expect(remote.get('tone')?.[0]).toMatchObject({ type: 'BEHAVIORAL' });
    expect(remote.get('draft')?.[0]).toMatchObject({ is_draft: true, current_version: null });

    emulator.clearRequests();
    const again = await project.run(['apply', '--yes']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('No changes.');
    expect(writesIn(emulator)).toEqual([]);

    const clean = await project.run(['plan', '--detailed-exitcode']);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain('No changes. OpenCX matches the files (3 trainings).');
  });

  it('turns each kind of edit into exactly the expected action', async () => {
    const { emulator, project } = await synced(FILES);

    await project.write({
      'billing/refund.md': md(
        'title: How do I get a refund?\nchannels: [email, sms]\nsegments: [Subscribers]\ndirectory: Orders\ntype: BEHAVIORAL',
        'Refunds within 60 days.',
      ),
      'tone.md': md('title: Brand voice\ntype: BEHAVIORAL\ndraft: true', 'Be warm and direct.'),
      'draft.md': md('title: Recall', 'Not live yet.'),
    });
    const planned = await project.run(['plan', '--format', 'json']);
    const plan = JSON.parse(planned.stdout) as {
      actions: { kind: string; key: string; changes?: { field: string }[] }[];
    };
    expect(plan.actions.map((a) => [a.kind, a.key, a.changes?.map((c) => c.field)])).toEqual([
      ['update', 'billing/refund', ['content', 'type', 'directory', 'channels', 'segments']],
      ['publish', 'draft', ['draft']],
      ['unpublish', 'tone', ['draft']],
    ]);
    expect(planned.stderr.split('\n')[0]).toMatch(/^Target: test /);

    emulator.clearRequests();
    const applied = await project.run(['apply', '--yes']);
    expect(applied.code).toBe(0);
    expect(writesIn(emulator).sort()).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^PUT \/training\/[^/]+$/),
        expect.stringMatching(/\/draft$/),
      ]),
    );
    expect(writesIn(emulator)).toHaveLength(3);

    const remote = await remoteByKey(emulator);
    expect(remote.get('billing/refund')?.[0]).toMatchObject({
      content: 'Refunds within 60 days.',
      type: 'BEHAVIORAL',
      directory_id: DEFAULT_DIRECTORIES.find((d) => d.name === 'Orders')?.id,
      restricted_to_segments: [DEFAULT_SEGMENTS.find((s) => s.name === 'Subscribers')?.id],
    });
    expect(remote.get('tone')?.[0]?.is_draft).toBe(true);
    expect(remote.get('draft')?.[0]).toMatchObject({ is_draft: false, current_version: 1 });
    expect((await project.run(['plan', '--detailed-exitcode'])).code).toBe(0);
  });

  it('shows a content change as a unified diff', async () => {
    const { project } = await synced(FILES);
    await project.write({
      'tone.md': md(
        'title: Brand voice\ntype: BEHAVIORAL',
        'Be warm and direct.\nNever sarcastic.',
      ),
    });
    const planned = await project.run(['plan']);
    expect(planned.stdout).toContain(
      [
        '~ update tone  "Brand voice"',
        '    differs from the file: content · trainings/tone.md',
        '    --- OpenCX content',
        '    +++ trainings/tone.md',
        '    @@ -1,1 +1,2 @@',
        '     Be warm and direct.',
        '    +Never sarcastic.',
      ].join('\n'),
    );
  });

  it('restores a training changed in the dashboard', async () => {
    const { emulator, project } = await synced(FILES);
    const { client } = clientOf(emulator);
    const tone = (await remoteByKey(emulator)).get('tone')?.[0] as Training;
    await client.updateTraining(tone.id, {
      title: 'Brand voice',
      content: 'Changed in the dashboard.',
      type: 'SCENARIO_SPECIFIC',
      is_draft: false,
    });

    const planned = await project.run(['plan']);
    expect(planned.stdout).toContain('~ update tone');
    expect(planned.stdout).toContain('type: "SCENARIO_SPECIFIC" → "BEHAVIORAL"');
    expect(planned.stdout).toContain('-Changed in the dashboard.');

    await project.run(['apply', '--yes']);
    expect(await client.getTraining(tone.id)).toMatchObject({
      content: 'Be warm and direct.',
      type: 'BEHAVIORAL',
    });
    expect((await project.run(['plan', '--detailed-exitcode'])).code).toBe(0);
  });

  it.each(['apply', 'ignore'] as const)(
    'changes and deletes only its own trainings (metadata filter: %s)',
    async (metadataFilter) => {
      const emulator = await useEmulator({ metadataFilter });
      const { client } = clientOf(emulator);
      const unmanaged = await client.createTraining({
        title: 'Made in the dashboard',
        content: 'x',
      });
      // Another repository's training with the same key as one of ours, and older.
      const foreign = await client.createTraining({
        title: 'Another repo',
        content: 'x',
        metadata: {
          'opencx-trainings.managed': 'true',
          'opencx-trainings.namespace': 'other',
          'opencx-trainings.key': 'tone',
        },
      });
      const untouched = (await collect(client.listTrainings())).filter((t) =>
        [unmanaged.id, foreign.id].includes(t.id),
      );
      const project = await aProject(emulator, FILES);
      emulator.clearRequests();
      expect((await project.run(['apply', '--yes'])).code).toBe(0);
      expect(writesIn(emulator).filter((w) => !w.startsWith('POST'))).toEqual([]);
      const ours = (key: string): string | undefined =>
        emulator.store
          .trainings()
          .find(
            (t) =>
              t.metadata['opencx-trainings.namespace'] === NAMESPACE &&
              t.metadata['opencx-trainings.key'] === key,
          )?.id;
      const [draftId, toneId] = [ours('draft'), ours('tone')];

      await project.remove('draft.md');
      await project.remove('tone.md');
      emulator.clearRequests();
      const applied = await project.run(['apply', '--yes']);
      expect(applied.code).toBe(0);
      expect(writesIn(emulator).sort()).toEqual(
        [`DELETE /training/${draftId}`, `DELETE /training/${toneId}`].sort(),
      );
      const after = (await collect(client.listTrainings())).filter((t) =>
        [unmanaged.id, foreign.id].includes(t.id),
      );
      expect(after).toEqual(untouched);
    },
  );

  it('refuses a mass delete before any write, unless allowed', async () => {
    const emulator = await useEmulator();
    const project = await aProject(emulator, numberedFiles(12));
    await project.run(['apply', '--yes']);
    for (let i = 0; i < 4; i++) await project.remove(`t${i}.md`);

    const planned = await project.run(['plan']);
    expect(planned.stdout).toContain(
      'The plan deletes 4 of the 12 managed trainings: more than max_delete_ratio (25%).',
    );

    emulator.clearRequests();
    const refused = await project.run(['apply', '--yes']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'Refusing to apply: The plan deletes 4 of the 12 managed trainings',
    );
    expect(refused.stderr).toContain('--allow-mass-delete');
    expect(writesIn(emulator)).toEqual([]);

    const allowed = await project.run(['apply', '--yes', '--allow-mass-delete']);
    expect(allowed.code).toBe(0);
    expect(writesIn(emulator)).toHaveLength(4);
  });

  it('repairs two remote trainings with one key, keeping the oldest', async () => {
    const { emulator, project } = await synced(FILES);
    const { client } = clientOf(emulator);
    const original = (await remoteByKey(emulator)).get('tone')?.[0] as Training;
    await client.createTraining({
      title: 'Brand voice',
      content: 'Be warm and direct.',
      type: 'BEHAVIORAL',
      metadata: {
        'opencx-trainings.managed': 'true',
        'opencx-trainings.namespace': NAMESPACE,
        'opencx-trainings.key': 'tone',
      },
    });
    const planned = await project.run(['plan']);
    expect(planned.stdout).toContain('- delete duplicate tone');
    await project.run(['apply', '--yes']);
    expect((await remoteByKey(emulator)).get('tone')?.map((t) => t.id)).toEqual([original.id]);
  });

  it('never creates a duplicate when connections drop after writes', async () => {
    const emulator = await useEmulator();
    const project = await aProject(emulator, numberedFiles(30));
    emulator.setFaults({ seed: 11, dropRate: 0.3, writesOnly: true });
    const first = await project.run(['apply', '--yes']);
    expect(emulator.requests.some((r) => r.status === 'dropped')).toBe(true);
    emulator.setFaults(null);
    if (first.code !== 0) await project.run(['apply', '--yes']);
    const remote = await remoteByKey(emulator);
    expect(remote.size).toBe(30);
    expect([...remote.values()].every((list) => list.length === 1)).toBe(true);
    expect((await project.run(['plan', '--detailed-exitcode'])).code).toBe(0);
  });

  it('stops before any write when a segment name is unknown', async () => {
    const emulator = await useEmulator();
    const project = await aProject(emulator, {
      'a.md': md('title: A\nsegments:\n  - VIP customer'),
    });
    const result = await project.run(['apply', '--yes']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'trainings/a.md:4:5: error segments.0: Segment "VIP customer" does not exist in this OpenCX org.',
    );
    expect(result.stderr).toContain('Did you mean "VIP customers"?');
    expect(writesIn(emulator)).toEqual([]);
  });

  it('asks before applying on a terminal, and needs --yes elsewhere', async () => {
    const emulator = await useEmulator();
    const project = await aProject(emulator, FILES);
    const noTty = await project.run(['apply']);
    expect(noTty.code).toBe(1);
    expect(noTty.stderr).toContain('Pass --yes to apply.');

    const declined = await project.run(['apply'], { isTTY: true, answers: ['no'] });
    expect(declined.code).toBe(1);
    expect(declined.stdout).toContain('Apply cancelled; nothing was changed.');
    expect(writesIn(emulator)).toEqual([]);

    const accepted = await project.run(['apply'], { isTTY: true, answers: ['yes'] });
    expect(accepted.code).toBe(0);
    expect(writesIn(emulator)).toHaveLength(3);
  });

  it('keeps the identity of a pinned training instead of creating one', async () => {
    const emulator = await useEmulator();
    const { client } = clientOf(emulator);
    const existing = await client.createTraining({ title: 'Old title', content: 'Old.' });
    const project = await aProject(emulator, {
      'a.md': md(`title: New title\nid: ${existing.id}`, 'New.'),
    });
    emulator.clearRequests();
    const applied = await project.run(['apply', '--yes']);
    expect(applied.code).toBe(0);
    expect(writesIn(emulator)).toEqual([`PUT /training/${existing.id}`]);
    expect(await client.getTraining(existing.id)).toMatchObject({
      title: 'New title',
      content: 'New.',
    });
  });

  it('recognises a moved file and says how to keep its identity', async () => {
    const emulator = await useEmulator();
    const project = await aProject(emulator, {
      ...FILES,
      ...Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`x${i}.md`, md(`title: X${i}`)])),
    });
    await project.run(['apply', '--yes']);
    await project.remove('tone.md');
    await project.write({ 'voice/tone.md': FILES['tone.md'] });
    const planned = await project.run(['plan']);
    expect(planned.stdout).toContain('trainings/voice/tone.md looks like "tone" moved');
    expect(planned.stdout).toContain('add `key: tone` to the file');
  });

  it('reports a failed action, carries out the others, and holds deletes back', async () => {
    const emulator = await useEmulator({ limits: { titleMaxLength: 40 } });
    const project = await aProject(emulator, { ...FILES, 'gone.md': md('title: Soon gone') });
    await project.run(['apply', '--yes']);
    await project.remove('gone.md');
    await project.write({
      'long.md': md(`title: ${'A title far too long for this server '.repeat(2)}`),
      'fine.md': md('title: Fine'),
    });
    const result = await project.run(['apply', '--yes']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('✔ created fine');
    expect(result.stdout).toMatch(
      /✖ create long failed: POST \/training failed with HTTP 400: title must be shorter than or equal to 40 characters/,
    );
    expect(result.stdout).toContain('- delete gone');
    expect(result.stdout).toContain('not deleted because 1 earlier action(s) failed');
    expect(result.stdout).toContain('Apply finished with errors: 1 created; 1 failed, 1 skipped.');
    expect((await remoteByKey(emulator)).has('gone')).toBe(true);
  });

  it('prints every request with --debug, and never the API key', async () => {
    const emulator = await useEmulator();
    const project = await aProject(emulator, FILES);
    const result = await project.run(['plan', '--debug']);
    expect(result.stderr).toMatch(
      /\[debug\] GET \/training → 200 in \d+ ms \(attempt 1, request [\w-]+\)/,
    );
    expect(result.stdout + result.stderr).not.toContain(emulator.token);

    const wrong = await aProject({ url: emulator.url, token: 'wrong-key-1234567890' }, FILES);
    const denied = await wrong.run(['plan', '--debug']);
    expect(denied.code).toBe(1);
    expect(denied.stderr).toContain('GET /training failed with HTTP 401');
    expect(denied.stdout + denied.stderr).not.toContain('wrong-key-1234567890');
  });
});
