import { readFile, readdir, symlink, mkdir } from 'node:fs/promises';
import path from 'node:path';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/reconcile/plan-types.js';
import { DEFAULT_DIRECTORIES, type RunningEmulator } from '../../src/emulator/index.js';
import { ownershipMetadata } from '../../src/model/ownership.js';
import { clientOf } from '../helpers/client.js';
import { useEmulator } from '../helpers/emulator.js';
import { NAMESPACE, aProject, md, writesIn, type Project } from '../helpers/project.js';
import { tempDir } from '../helpers/temp.js';
import { UNMAPPED_DIRECTORY, countOtherNamespace, variedOrg } from '../helpers/varied-trainings.js';

/** Every file under the project's trainings folder, with its text. */
async function filesOf(project: Project): Promise<Record<string, string>> {
  const dir = path.join(project.dir, 'trainings');
  const files = await fg('**', { cwd: dir, dot: true });
  const out: Record<string, string> = {};
  for (const f of files.sort()) out[f] = await readFile(path.join(dir, f), 'utf8');
  return out;
}

async function planOf(project: Project): Promise<Plan> {
  const result = await project.run(['plan', '--format', 'json']);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Plan;
}

/** Published trainings whose dashboard holds edits that are not live. */
function pendingEdits(emulator: RunningEmulator): string[] {
  return emulator.store
    .trainings()
    .filter(
      (t) =>
        !t.is_draft &&
        ((t.draft_title !== null && t.draft_title !== t.title) ||
          (t.draft_content !== null && t.draft_content !== t.content)),
    )
    .map((t) => t.id)
    .sort();
}

/** One training, in a directory that the org lists and opencx.yml does not map. */
function useEmulatorWithUnmappedDirectory(): Promise<RunningEmulator> {
  return useEmulator({
    data: {
      directories: [...DEFAULT_DIRECTORIES, UNMAPPED_DIRECTORY],
      trainings: [{ title: 'Swap', content: 'Text.', directory_id: UNMAPPED_DIRECTORY.id }],
    },
  });
}

describe('pull', () => {
  it('adopts an org of 200 varied trainings: valid files, then nothing to change', async () => {
    const org = variedOrg(NAMESPACE);
    const emulator = await useEmulator({ data: org });
    const project = await aProject(emulator, {});
    const idsBefore = emulator.store
      .trainings()
      .map((t) => t.id)
      .sort();
    const draftsWithEdits = emulator.store
      .trainings()
      .filter((t) => t.is_draft && t.draft_content !== null);
    expect(draftsWithEdits.length).toBeGreaterThan(5);

    const pulled = await project.run(['pull', '--map-directories']);
    expect(pulled.stderr).toBe('');
    expect(pulled.code, pulled.stdout).toBe(0);
    const expected = 200 - countOtherNamespace(org);
    expect(pulled.stdout).toContain(`Wrote ${expected} new files in trainings/:`);
    expect(pulled.stdout).toContain(
      `left out: ${countOtherNamespace(org)} are managed by another repository (--all takes them).`,
    );
    expect(pulled.stdout).toContain(`Added 1 directory to \`directories:\` in opencx.yml`);
    const config = await readFile(path.join(project.dir, 'opencx.yml'), 'utf8');
    expect(config).toContain(`  ${UNMAPPED_DIRECTORY.name}: ${UNMAPPED_DIRECTORY.id}\n`);
    const files = await filesOf(project);
    expect(Object.keys(files)).toHaveLength(expected);

    const validated = await project.run(['validate']);
    expect(validated.stdout).toBe(`✔ ${expected} trainings in trainings/ valid.\n`);

    const plan = await planOf(project);
    expect(plan.warnings).toEqual([]);
    expect(plan.actions.filter((a) => a.kind !== 'no-op')).toEqual([]);
    const clean = await project.run(['plan', '--detailed-exitcode']);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain(`No changes. OpenCX matches the files (${expected} trainings).`);

    emulator.clearRequests();
    expect((await project.run(['apply', '--yes'])).code).toBe(0);
    expect(writesIn(emulator)).toEqual([]);
    expect(
      emulator.store
        .trainings()
        .map((t) => t.id)
        .sort(),
    ).toEqual(idsBefore);

    const again = await project.run(['pull']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(
      `Read 200 trainings from OpenCX. Nothing to pull: ${expected} already have a file here;`,
    );
    expect(await filesOf(project)).toEqual(files);
  });

  it('writes what the dashboard shows for published trainings with unpublished edits, and says apply publishes them', async () => {
    const emulator = await useEmulator({ data: variedOrg(NAMESPACE, { publishedEdits: true }) });
    const project = await aProject(emulator, {});
    const pending = pendingEdits(emulator);
    expect(pending.length).toBeGreaterThan(5);

    const pulled = await project.run(['pull', '--map-directories']);
    expect(pulled.code, pulled.stdout).toBe(0);
    expect(pulled.stdout).toContain('[pending-edit-pulled]');

    // The only changes: publishing the dashboard edits that the files now hold.
    const plan = await planOf(project);
    const changed = plan.actions.filter((a) => a.kind !== 'no-op');
    expect(changed.map((a) => ('id' in a ? a.id : '')).sort()).toEqual(pending);
    for (const a of changed) {
      expect(a).toMatchObject({ kind: 'update', reason: 'changed', matched_by: 'id' });
      const fields = a.kind === 'update' ? a.changes.map((c) => c.field) : [];
      expect(fields).toEqual(['content', 'pending_edit']);
    }

    emulator.clearRequests();
    const applied = await project.run(['apply', '--yes']);
    expect(applied.code, applied.stderr).toBe(0);
    expect(writesIn(emulator).sort()).toEqual(pending.map((id) => `PUT /training/${id}`).sort());
    expect(pendingEdits(emulator)).toEqual([]);
    expect((await project.run(['plan', '--detailed-exitcode'])).code).toBe(0);
  });

  it('writes nothing outside the trainings folder, whatever the titles say', async () => {
    const hostile = [
      '../../outside',
      '../../../../../../tmp/escape',
      '/etc/passwd',
      'C:\\Windows\\System32\\evil',
      '\\\\server\\share\\x',
      '..',
      '.',
      '~/.ssh/authorized_keys',
      '.git/config',
      'trainings/../../x',
      '%2e%2e%2fencoded',
      'nul\u0000byte',
      'README',
      'aux',
      'x'.repeat(5000),
    ];
    const emulator = await useEmulator({
      data: {
        directories: [
          ...DEFAULT_DIRECTORIES,
          { id: '3c9a7f52-1d4e-4b8a-9f3e-2a6b5c7d8e10', name: '../../../escape' },
          { id: '3c9a7f52-1d4e-4b8a-9f3e-2a6b5c7d8e11', name: '..' },
        ],
        trainings: hostile.map((title, i) => ({
          title,
          content: 'Text.',
          directory_id: i % 3 === 0 ? `3c9a7f52-1d4e-4b8a-9f3e-2a6b5c7d8e1${i % 2}` : null,
        })),
      },
    });
    const project = await aProject(emulator, {});
    // A sibling folder that a path escaping the project would land in.
    const sibling = await tempDir('opencx-sibling-');
    const before = await fg('**', { cwd: path.dirname(project.dir), onlyFiles: true, deep: 1 });

    const pulled = await project.run(['pull', '--map-directories']);
    expect(pulled.code, pulled.stdout).toBe(0);
    const everything = await fg('**', { cwd: project.dir, dot: true });
    const outsideTrainings = everything.filter((f) => !f.startsWith('trainings/'));
    expect(outsideTrainings.sort()).toEqual(['opencx.yml']);
    expect(everything.filter((f) => f.startsWith('trainings/'))).toHaveLength(hostile.length);
    for (const f of everything) expect(f).toMatch(/^[a-z0-9./-]+$/);
    expect(await readdir(sibling)).toEqual([]);
    expect(await fg('**', { cwd: path.dirname(project.dir), onlyFiles: true, deep: 1 })).toEqual(
      before,
    );
    expect((await project.run(['validate'])).code).toBe(0);
  });

  it('does not write through a linked folder that leads outside', async () => {
    const emulator = await useEmulator({
      data: {
        trainings: [
          { title: 'Safe', content: 'Text.' },
          { title: 'Linked', content: 'Text.', directory_id: DEFAULT_DIRECTORIES[0]?.id ?? null },
        ],
      },
    });
    const project = await aProject(emulator, {});
    const outside = await tempDir('opencx-outside-');
    await mkdir(path.join(project.dir, 'trainings'), { recursive: true });
    await symlink(outside, path.join(project.dir, 'trainings', 'billing'));

    const pulled = await project.run(['pull']);
    expect(pulled.code).toBe(1);
    expect(pulled.stdout).toContain('trainings/billing/linked.md: error: Not written');
    expect(pulled.stdout).toContain('through a symbolic link');
    expect(await readdir(outside)).toEqual([]);
    expect(await fg('*.md', { cwd: path.join(project.dir, 'trainings') })).toEqual(['safe.md']);
  });

  it('reports a file it cannot write, and writes the others', async () => {
    const emulator = await useEmulator({
      data: {
        trainings: [
          { title: 'Safe', content: 'Text.' },
          { title: 'Blocked', content: 'Text.', directory_id: DEFAULT_DIRECTORIES[0]?.id ?? null },
        ],
      },
    });
    // A file where the folder of the Billing directory would go.
    const project = await aProject(emulator, { billing: 'not a folder' });
    const pulled = await project.run(['pull']);
    expect(pulled.code).toBe(1);
    expect(pulled.stdout).toMatch(/trainings\/billing\/blocked\.md: error: Not written: E\w+\./);
    expect(Object.keys(await filesOf(project))).toEqual(['billing', 'safe.md']);
  });

  it('leaves out what has a file, overwrites only with --force, and says what it skipped', async () => {
    const emulator = await useEmulator();
    const [mine, other, unmarked] = await emulator.seedTrainings([
      {
        title: 'Refund',
        content: 'Ours.',
        metadata: {
          'opencx-trainings.managed': 'true',
          'opencx-trainings.namespace': NAMESPACE,
          'opencx-trainings.key': 'billing/refund',
        },
      },
      {
        title: 'Theirs',
        content: 'Theirs.',
        metadata: {
          'opencx-trainings.managed': 'true',
          'opencx-trainings.namespace': 'other-repo',
          'opencx-trainings.key': 'theirs',
        },
      },
      { title: 'Unmarked', content: 'Dashboard text.' },
    ]);
    const project = await aProject(emulator, {
      'billing/refund.md': md('title: Refund', 'Ours, edited locally.'),
    });

    const byDefault = await project.run(['pull']);
    expect(byDefault.stdout).toContain(
      'left out: 1 already has a file here; 1 is managed by another repository (--all takes them).',
    );
    expect(Object.keys(await filesOf(project))).toEqual(['billing/refund.md', 'unmarked.md']);

    const all = await project.run(['pull', '--all']);
    expect(all.code).toBe(0);
    expect(all.stdout).toContain('Wrote 1 new file in trainings/:\n  + trainings/theirs.md');
    expect(all.stdout).toContain(
      'Skipped 2 files that already exist (--force overwrites them):\n  = trainings/billing/refund.md\n  = trainings/unmarked.md',
    );
    expect((await filesOf(project))['billing/refund.md']).toContain('Ours, edited locally.');

    await emulator.seedTrainings([
      { id: unmarked?.id ?? '', content: 'Changed in the dashboard.' },
    ]);
    const forced = await project.run(['pull', '--all', '--force']);
    expect(forced.stdout).toContain('Overwrote 3 files (--force):');
    const files = await filesOf(project);
    expect(files['unmarked.md']).toContain('Changed in the dashboard.');
    expect(files['billing/refund.md']).toBe(
      `---\ntitle: Refund\ntype: SCENARIO_SPECIFIC\nchannels: []\nsegments: []\ndraft: false\nid: ${mine?.id}\n---\nOurs.\n`,
    );
    expect(files['theirs.md']).toContain(`id: ${other?.id}\n`);
    const plan = await planOf(project);
    expect(plan.actions.every((a) => a.kind === 'no-op')).toBe(true);
    // Pinned trainings outside the namespace are read one by one, without their metadata.
    expect(plan.warnings).toEqual([]);
  });

  it("takes with --unmanaged only trainings no repository manages, and keeps this namespace's keys otherwise", async () => {
    const emulator = await useEmulator();
    const own = (key: string) => ({
      'opencx-trainings.managed': 'true',
      'opencx-trainings.namespace': NAMESPACE,
      'opencx-trainings.key': key,
    });
    await emulator.seedTrainings([
      { title: 'Lost file', content: 'Text.', metadata: own('billing/refund-policy') },
      { title: 'Odd key', content: 'Text.', metadata: own('Refunds & Returns') },
      { title: 'Unmarked', content: 'Text.' },
    ]);
    const project = await aProject(emulator, {});
    const unmanaged = await project.run(['pull', '--unmanaged', '--dry-run']);
    expect(unmanaged.stdout).toContain(
      'left out: 2 are managed by this repository without a file (taken without --unmanaged).',
    );
    expect(unmanaged.stdout).toContain(
      'Would write 1 new file in trainings/:\n  + trainings/unmarked.md',
    );
    expect(await filesOf(project)).toEqual({});

    expect((await project.run(['pull'])).code).toBe(0);
    const files = await filesOf(project);
    expect(Object.keys(files)).toEqual(['billing/refund-policy.md', 'odd-key.md', 'unmarked.md']);
    expect(files['billing/refund-policy.md']).not.toContain('key:');
    expect(files['odd-key.md']).toContain('key: Refunds & Returns\n');
    emulator.clearRequests();
    expect((await project.run(['apply', '--yes'])).stdout).toContain('No changes.');
    expect(writesIn(emulator)).toEqual([]);
  });

  it('writes the pending edit of a published training and says apply publishes it', async () => {
    const emulator = await useEmulator();
    const [edited] = await emulator.seedTrainings([
      {
        title: 'Returns',
        content: 'Live text.',
        draft_title: 'Returns and exchanges',
        draft_content: 'Edited text.',
      },
    ]);
    const project = await aProject(emulator, {});
    const pulled = await project.run(['pull']);
    expect(pulled.stdout).toContain(
      'trainings/returns-and-exchanges.md: warning: "Returns and exchanges" has unpublished edits in the dashboard: the file holds the edited text, so the next apply publishes it. [pending-edit-pulled]',
    );
    const plan = await planOf(project);
    expect(plan.actions).toMatchObject([
      {
        kind: 'update',
        id: edited?.id,
        changes: [
          { field: 'title', before: 'Returns', after: 'Returns and exchanges' },
          { field: 'content', before: 'Live text.', after: 'Edited text.' },
          { field: 'pending_edit' },
        ],
      },
    ]);
    await project.run(['apply', '--yes']);
    expect(emulator.store.findTraining(edited?.id ?? '')).toMatchObject({
      title: 'Returns and exchanges',
      content: 'Edited text.',
      draft_title: null,
      current_version: 2,
    });
  });

  it('refuses what a file cannot hold, and leaves out metadata it cannot write', async () => {
    const emulator = await useEmulator();
    await emulator.seedTrainings([
      { title: 'No text', content: '  \n' },
      {
        title: 'Nested',
        content: 'Text.',
        metadata: { owner: 'ops', config: { a: 1 }, tags: ['x'] },
      },
    ]);
    const project = await aProject(emulator, {});
    const pulled = await project.run(['pull']);
    expect(pulled.code).toBe(1);
    expect(pulled.stdout).toContain('Not written: 1 training.');
    expect(pulled.stdout).toMatch(/"No text" \(.+\) has no instruction text in OpenCX/);
    expect(pulled.stdout).toContain('trainings/nested.md: warning: Metadata "config" was left out');
    expect((await filesOf(project))['nested.md']).toContain('metadata:\n  owner: ops\n');
    const plan = await planOf(project);
    expect(plan.actions.map((a) => a.kind)).toEqual(['no-op']);
    expect(plan.warnings).toEqual([]);
  });

  it('names directories it cannot map by id when the server cannot list them', async () => {
    const emulator = await useEmulator({
      directoriesEndpoint: false,
      data: {
        directories: [...DEFAULT_DIRECTORIES, UNMAPPED_DIRECTORY],
        trainings: [
          { title: 'Mapped', content: 'Text.', directory_id: DEFAULT_DIRECTORIES[1]?.id ?? null },
          { title: 'Unknown', content: 'Text.', directory_id: UNMAPPED_DIRECTORY.id },
        ],
      },
    });
    const project = await aProject(emulator, {});
    expect((await project.run(['pull'])).code).toBe(0);
    const files = await filesOf(project);
    expect(files['orders/mapped.md']).toContain('directory: Orders\n');
    expect(files[`${UNMAPPED_DIRECTORY.id}/unknown.md`]).toContain(
      `directory: ${UNMAPPED_DIRECTORY.id}\n`,
    );
    expect((await project.run(['validate'])).code).toBe(0);
  });

  it('prints the directories to map, and validate names them until they are', async () => {
    const emulator = await useEmulatorWithUnmappedDirectory();
    const project = await aProject(emulator, {});
    const pulled = await project.run(['pull']);
    expect(pulled.stdout).toContain(
      `directories:\n  ${UNMAPPED_DIRECTORY.name}: ${UNMAPPED_DIRECTORY.id}\n`,
    );
    expect((await project.run(['validate'])).code).toBe(1);
    const mapped = await project.run(['pull', '--map-directories']);
    expect(mapped.stdout).toContain('Nothing to pull');
    expect(mapped.stdout).toContain('Added 1 directory');
    expect((await project.run(['validate'])).code).toBe(0);
    expect((await planOf(project)).actions.map((a) => a.kind)).toEqual(['no-op']);
  });

  it('reads nothing from OpenCX while a file cannot be read, since it may pin a training', async () => {
    const emulator = await useEmulator();
    await emulator.seedTrainings([{ title: 'Refunds', content: 'Within 30 days.' }]);
    const project = await aProject(emulator, {
      'kept.md': md('title: Kept'),
      'broken.md': md('title: Broken\nid: [not, an, id'),
    });
    emulator.clearRequests();
    const pulled = await project.run(['pull']);
    expect(pulled.code).toBe(1);
    expect(pulled.stdout).toBe('');
    expect(pulled.stderr).toContain('trainings/broken.md:');
    expect(pulled.stderr).toContain(
      'Nothing was pulled: every file must be readable first, since one may already stand for a training (opencx-trainings validate).\n',
    );
    expect(emulator.requests).toEqual([]);
    expect(Object.keys(await filesOf(project))).toEqual(['broken.md', 'kept.md']);
  });

  it('writes nothing on a dry run, opencx.yml included', async () => {
    const emulator = await useEmulatorWithUnmappedDirectory();
    const project = await aProject(emulator, {});
    const config = await readFile(path.join(project.dir, 'opencx.yml'), 'utf8');
    const dry = await project.run(['pull', '--map-directories', '--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('Would write 1 new file in trainings/:');
    expect(await filesOf(project)).toEqual({});
    expect(await readFile(path.join(project.dir, 'opencx.yml'), 'utf8')).toBe(config);
  });
});

describe('pull --drifted', () => {
  const FILES = {
    'edited.md': md('title: Edited in the dashboard', 'The file says one thing.'),
    'pending.md': md('title: Edited and not published', 'The live text.'),
    'unpublished.md': md('title: Turned into a draft', 'Still here.'),
    'deleted.md': md('title: Deleted in the dashboard', 'Gone from OpenCX.'),
    'copied.md': md('title: Copied in the dashboard', 'One of two.'),
    'calm.md': md('title: Left alone', 'Nobody touched this one.'),
  };

  /** A project applied to the emulator, then changed in the dashboard in every way drift takes. */
  async function aDriftedProject() {
    const emulator = await useEmulator();
    const project = await aProject(emulator, FILES);
    expect((await project.run(['apply', '--yes'])).code).toBe(0);
    const byTitle = (title: string) => {
      const t = emulator.store.trainings().find((x) => x.title === title);
      if (t === undefined) throw new Error(`no training "${title}"`);
      return t;
    };
    const { client } = clientOf(emulator);
    const edited = byTitle('Edited in the dashboard');
    await client.updateTraining(edited.id, {
      title: edited.title,
      content: 'The dashboard says another.',
    });
    // A pending edit: the dashboard saved a new text that is not published.
    const pending = byTitle('Edited and not published');
    emulator.store.putTraining({
      ...pending,
      draft_title: pending.title,
      draft_content: 'A text waiting to be published.',
    });
    await client.setDraft(byTitle('Turned into a draft').id, true);
    await client.deleteTraining(byTitle('Deleted in the dashboard').id);
    await client.createTraining({
      title: 'Copied in the dashboard',
      content: 'One of two.',
      metadata: ownershipMetadata(NAMESPACE, 'copied'),
    });
    await client.createTraining({
      title: 'Made with the repository marker',
      content: 'It has no file.',
      metadata: ownershipMetadata(NAMESPACE, 'orphan'),
    });
    return { emulator, project };
  }

  it('rewrites the files that differ with what OpenCX holds, removes the deleted ones, and leaves nothing to revert', async () => {
    const { emulator, project } = await aDriftedProject();
    const before = await filesOf(project);
    const drift = await planOf(project);
    expect(
      drift.actions
        .filter((a) => a.kind !== 'no-op')
        .map((a) => `${a.kind} ${a.key}`)
        .sort(),
    ).toEqual([
      'create deleted',
      'delete orphan',
      'publish unpublished',
      'repair-duplicate copied',
      'update edited',
      'update pending',
    ]);

    const dry = await project.run(['pull', '--drifted', '--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain(
      'Adopting the drift: 4 trainings in OpenCX differ from their files; 1 training deleted there. Left out: 1 extra copy of a key, which the next apply removes.',
    );
    expect(dry.stdout).toContain('Would overwrite 3 files with what OpenCX holds:');
    expect(dry.stdout).toContain(
      'Would remove 1 file whose training was deleted in OpenCX:\n  - trainings/deleted.md',
    );
    expect(await filesOf(project)).toEqual(before);

    emulator.clearRequests();
    const pulled = await project.run(['pull', '--drifted']);
    expect(pulled.code, pulled.stderr).toBe(0);
    expect(writesIn(emulator)).toEqual([]);
    // The org is listed once, by the plan: the drifted trainings are all in what it read.
    expect(emulator.requests.map((r) => `${r.method} ${r.path.split('?')[0] ?? ''}`)).toEqual([
      'GET /training',
    ]);
    const files = await filesOf(project);
    expect(Object.keys(files)).toEqual([
      'calm.md',
      'copied.md',
      'edited.md',
      'orphan.md',
      'pending.md',
      'unpublished.md',
    ]);
    expect(files['calm.md']).toBe(before['calm.md']);
    expect(files['edited.md']).toContain('The dashboard says another.');
    expect(files['pending.md']).toContain('A text waiting to be published.');
    expect(files['unpublished.md']).toContain('draft: true');
    expect(files['orphan.md']).toContain('title: Made with the repository marker');

    // What is left: publishing the pending edit that the file now holds, and the extra copy.
    const after = await planOf(project);
    const left = after.actions.filter((a) => a.kind !== 'no-op');
    expect(left.map((a) => `${a.kind} ${a.key}`).sort()).toEqual([
      'repair-duplicate copied',
      'update pending',
    ]);
    const update = left.find((a) => a.kind === 'update');
    expect(update?.kind === 'update' && update.changes.find((c) => c.field === 'content')).toEqual({
      field: 'content',
      before: 'The live text.',
      after: 'A text waiting to be published.',
    });
  });

  it('says there is nothing to adopt when OpenCX matches the files', async () => {
    const emulator = await useEmulator();
    const project = await aProject(emulator, { 'calm.md': FILES['calm.md'] });
    expect((await project.run(['apply', '--yes'])).code).toBe(0);
    const result = await project.run(['pull', '--drifted']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('No drift to adopt: OpenCX matches the files.');
  });

  it('takes neither --all nor --dir', async () => {
    const emulator = await useEmulator();
    const project = await aProject(emulator, {});
    const both = await project.run(['pull', '--drifted', '--all']);
    expect(both.code).toBe(1);
    expect(both.stderr).toContain('--all and --drifted exclude each other: choose one.');
    const elsewhere = await project.run(['pull', '--drifted', '--dir', 'other']);
    expect(elsewhere.stderr).toContain('--drifted rewrites the files where they are');
  });
});
