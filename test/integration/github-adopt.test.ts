import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import {
  GITHUB_TOKEN,
  anActionHarness,
  examplePayload,
  expectNoSecrets,
} from '../helpers/action.js';
import { clientOf } from '../helpers/client.js';
import { useEmulator } from '../helpers/emulator.js';
import { useGitHub } from '../helpers/github-server.js';
import {
  THREE_TRAININGS,
  TOKEN_ENV,
  aProject,
  writesIn,
  type Project,
} from '../helpers/project.js';
import { DEFAULT_DIRECTORIES, type EmulatorOptions } from '../../src/emulator/index.js';
import { UNMAPPED_DIRECTORY } from '../helpers/varied-trainings.js';
import { writeFiles } from '../helpers/temp.js';

const FILES = THREE_TRAININGS;
const BASE_SHA = 'b'.repeat(40);
const BRANCH = 'opencx-trainings/adopt-test';
const dispatched = () => ({
  name: 'workflow_dispatch',
  payload: examplePayload('workflow_dispatch'),
});
const scheduled = () => ({ name: 'schedule', payload: { schedule: '17 6 * * *' } });

/**
 * The repository's files as a commit holds them: opencx.yml and the trainings, with paths from
 * the root (`folder` is the project's folder in the repository).
 */
async function filesOf(project: Project, folder = '.'): Promise<Record<string, string>> {
  const names = await fg(['opencx.yml', 'trainings/**'], { cwd: project.dir });
  const files: Record<string, string> = {};
  for (const name of names.sort()) {
    files[path.posix.join(folder, name)] = await readFile(path.join(project.dir, name), 'utf8');
  }
  return files;
}

/**
 * A repository applied to OpenCX, its main branch on the stand-in GitHub at BASE_SHA (the
 * commit the workflow runs for), then edited in the dashboard: one training edited, one deleted.
 */
async function aDriftedRepository(
  options: { emulator?: EmulatorOptions; inFolder?: boolean } = {},
) {
  const emulator = await useEmulator(options.emulator);
  const github = await useGitHub({ token: GITHUB_TOKEN });
  const project = await aProject(emulator, FILES);
  // In a folder of the repository: the workspace is the folder above the project.
  const workspace = options.inFolder === true ? path.dirname(project.dir) : project.dir;
  const folder = path.relative(workspace, project.dir) || '.';
  const action = await anActionHarness(project, github, { workspace });
  action.env.GITHUB_SHA = BASE_SHA;
  expect((await project.run(['apply', '--yes'])).code).toBe(0);
  github.seedCommit(BASE_SHA, await filesOf(project, folder));
  github.setBranch('main', BASE_SHA);

  const { client } = clientOf(emulator);
  const byTitle = (title: string) => emulator.store.trainings().find((t) => t.title === title);
  await client.updateTraining(byTitle('How do I get a refund?')?.id ?? '', {
    title: 'How do I get a refund?',
    content: 'Refunds within 14 days.',
    restricted_to_channels: ['web', 'email'],
  });
  await client.deleteTraining(byTitle('Where is my order?')?.id ?? '');
  return { emulator, github, project, action, client, folder };
}

describe('the GitHub action, mode adopt, started by hand', () => {
  it('commits what OpenCX holds on a branch and opens one pull request, which leaves no drift', async () => {
    const { emulator, github, project, action } = await aDriftedRepository();
    const drift = await action.run(['--mode', 'drift'], scheduled());
    expect(drift.code).toBe(0);
    expect(github.issues[0]?.body).toContain(
      'Run the workflow [OpenCX trainings](https://github.com/Codertocat/Hello-World/actions/workflows/trainings-sync.yml) by hand with **adopt** ticked',
    );
    expect(github.issues[0]?.body).toContain('`opencx-trainings pull --target test --drifted`');

    emulator.clearRequests();
    const adopted = await action.run(['--mode', 'adopt'], dispatched());
    expect(adopted.stderr).toBe('');
    expect(adopted.code).toBe(0);
    expectNoSecrets(adopted, github, project.env[TOKEN_ENV] ?? '');
    expect(writesIn(emulator)).toEqual([]);
    expect(adopted.stdout).toContain(
      'Drift of target "test" adopted: pull request #50 opened, https://github.test/o/r/pull/50',
    );
    expect(adopted.outputs).toMatchObject({
      'pull-request-number': '50',
      'pull-request-url': 'https://github.test/o/r/pull/50',
    });

    // One commit on the branch, on top of the commit the workflow ran for.
    const head = github.headOf(BRANCH);
    expect(head?.parents).toEqual([BASE_SHA]);
    expect(head?.message).toMatch(/^Adopt the OpenCX drift of target test\n/);
    expect(head?.message).toContain('- rewritten: billing/refund.md (How do I get a refund?)');
    expect(head?.message).toContain(
      '- removed: orders/track.md (Where is my order?, deleted in OpenCX)',
    );
    expect(Object.keys(head?.files ?? {}).sort()).toEqual([
      'opencx.yml',
      'trainings/billing/refund.md',
      'trainings/tone.md',
    ]);
    expect(head?.files['trainings/billing/refund.md']).toContain('Refunds within 14 days.');
    expect(head?.files['trainings/tone.md']).toBe(FILES['tone.md']);

    // One pull request into the branch the workflow ran on, and a word on the drift issue.
    expect(github.pulls).toHaveLength(1);
    const pull = github.pulls[0];
    expect(pull).toMatchObject({ head: BRANCH, base: 'main', state: 'open' });
    expect(pull?.title).toBe('Adopt the OpenCX drift of target test');
    expect(pull?.body).toContain('The drift in #100 is adopted here');
    expect(pull?.body).toContain(
      '| `trainings/billing/refund.md` | rewritten with what OpenCX holds | How do I get a refund? |',
    );
    expect(pull?.body).toContain(
      '| `trainings/orders/track.md` | removed: deleted in OpenCX | Where is my order? |',
    );
    expect(github.commentsOf(100).at(-1)?.body).toBe(
      'Pull request #50 adopts this drift: merging it makes the files say what OpenCX holds.',
    );
    expect(adopted.summary).toContain(
      '### OpenCX drift of target test: adopted in [pull request #50]',
    );

    // Checked out, the branch plans nothing: the files say what OpenCX holds.
    await rm(path.join(project.dir, 'trainings'), { recursive: true });
    await writeFiles(project.dir, head?.files ?? {});
    const plan = await project.run(['plan', '--detailed-exitcode']);
    expect(plan.code, plan.stdout).toBe(0);
    expect(plan.stdout).toContain('No changes. OpenCX matches the files (2 trainings).');
  });

  it('updates the same branch and pull request on a later run, and never opens a second', async () => {
    const { emulator, github, action, client } = await aDriftedRepository();
    expect((await action.run(['--mode', 'adopt'], dispatched())).code).toBe(0);
    const first = github.headOf(BRANCH);

    // The same drift: the branch already holds these files and is left as it is.
    const same = await action.run(['--mode', 'adopt'], dispatched());
    expect(same.stdout).toContain('pull request #50 updated');
    expect(github.headOf(BRANCH)?.sha).toBe(first?.sha);

    const tone = emulator.store.trainings().find((t) => t.title === 'Brand voice');
    await client.updateTraining(tone?.id ?? '', {
      title: 'Brand voice',
      content: 'Be warm, direct and brief.',
      type: 'BEHAVIORAL',
    });
    const more = await action.run(['--mode', 'adopt'], dispatched());
    expect(more.code).toBe(0);
    expect(more.stdout).toContain('pull request #50 updated');
    const moved = github.headOf(BRANCH);
    expect(moved?.sha).not.toBe(first?.sha);
    expect(moved?.parents).toEqual([BASE_SHA]);
    expect(moved?.files['trainings/tone.md']).toContain('Be warm, direct and brief.');
    expect(github.pulls).toHaveLength(1);
    expect(github.pulls[0]?.body).toContain(
      '| `trainings/tone.md` | rewritten with what OpenCX holds | Brand voice |',
    );
  });

  it("does not move a branch that holds someone's commit", async () => {
    const { github, action } = await aDriftedRepository();
    expect((await action.run(['--mode', 'adopt'], dispatched())).code).toBe(0);
    const ours = github.headOf(BRANCH);
    github.seedCommit(
      'c'.repeat(40),
      { ...ours?.files, 'trainings/tone.md': 'A hand edit.\n' },
      'Fix the tone',
    );
    github.setBranch(BRANCH, 'c'.repeat(40));

    const refused = await action.run(['--mode', 'adopt'], dispatched());
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      `The branch ${BRANCH} holds commits that opencx-trainings did not make`,
    );
    expect(github.headOf(BRANCH)?.sha).toBe('c'.repeat(40));
    expect(github.pulls).toHaveLength(1);
  });

  it('opens nothing when OpenCX matches the files', async () => {
    const { github, project, action } = await aDriftedRepository();
    expect((await project.run(['apply', '--yes'])).code).toBe(0);
    const result = await action.run(['--mode', 'adopt'], dispatched());
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'No drift to adopt on target "test": OpenCX matches the files.',
    );
    expect(github.headOf(BRANCH)).toBeUndefined();
    expect(github.pulls).toEqual([]);
  });

  it('adopts from a folder of the repository, and maps in opencx.yml a directory the dashboard used', async () => {
    const { emulator, github, project, action, client, folder } = await aDriftedRepository({
      inFolder: true,
      emulator: { data: { directories: [...DEFAULT_DIRECTORIES, UNMAPPED_DIRECTORY] } },
    });
    const tone = emulator.store.trainings().find((t) => t.title === 'Brand voice');
    await client.moveToDirectory(tone?.id ?? '', UNMAPPED_DIRECTORY.id);

    const adopted = await action.run(['--mode', 'adopt'], dispatched());
    expect(adopted.code, adopted.stderr).toBe(0);
    const branch = `${BRANCH}-${folder.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
    const head = github.headOf(branch);
    expect(Object.keys(head?.files ?? {}).sort()).toEqual(
      ['opencx.yml', 'trainings/billing/refund.md', 'trainings/tone.md'].map(
        (f) => `${folder}/${f}`,
      ),
    );
    expect(head?.files[`${folder}/opencx.yml`]).toContain(
      `  ${UNMAPPED_DIRECTORY.name}: ${UNMAPPED_DIRECTORY.id}\n`,
    );
    expect(head?.files[`${folder}/trainings/tone.md`]).toContain(
      `directory: ${UNMAPPED_DIRECTORY.name}`,
    );
    expect(github.pulls[0]?.body).toContain(
      `\`${folder}/opencx.yml\` maps the directory names the files use: \`${UNMAPPED_DIRECTORY.name}\`.`,
    );

    await rm(path.join(project.dir, 'trainings'), { recursive: true });
    const checkout = Object.entries(head?.files ?? {}).map(
      ([f, text]) => [path.relative(folder, f), text] as const,
    );
    await writeFiles(project.dir, Object.fromEntries(checkout));
    const plan = await project.run(['plan', '--detailed-exitcode']);
    expect(plan.code, plan.stdout + plan.stderr).toBe(0);
  });

  it('says what to do when the repository does not let workflows open pull requests', async () => {
    const { github, action } = await aDriftedRepository();
    github.refuse(
      'POST',
      /^\/pulls$/,
      403,
      'GitHub Actions is not permitted to create or approve pull requests.',
    );
    const refused = await action.run(['--mode', 'adopt'], dispatched());
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'GitHub refused to open the pull request (GitHub Actions is not permitted to create or approve pull requests.).',
    );
    expect(refused.stderr).toContain(
      `The branch ${BRANCH} holds the adopted files: open the pull request from it by hand`,
    );
    expect(github.headOf(BRANCH)?.files['trainings/billing/refund.md']).toContain(
      'Refunds within 14 days.',
    );
  });

  it('writes nothing on GitHub when a training cannot be held by a file', async () => {
    const { emulator, github, action } = await aDriftedRepository();
    const refund = emulator.store.trainings().find((t) => t.title === 'How do I get a refund?');
    if (refund === undefined) throw new Error('no refund training');
    // A channel OpenCX added after this version of the tool: no file can name it yet.
    emulator.store.putTraining({
      ...refund,
      restricted_to_channels: ['web', 'carrier_pigeon' as 'web'],
    });

    const refused = await action.run(['--mode', 'adopt'], dispatched());
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Nothing was adopted');
    expect(refused.stdout).toContain('carrier_pigeon');
    expect(github.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });
});
