import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  GITHUB_TOKEN,
  anActionHarness,
  examplePayload,
  expectNoSecrets,
} from '../helpers/action.js';
import type { EmulatorOptions } from '../../src/emulator/index.js';
import { PLAN_FORMAT_VERSION } from '../../src/reconcile/plan-types.js';
import { useEmulator } from '../helpers/emulator.js';
import { useGitHub } from '../helpers/github-server.js';
import { runCli } from '../helpers/cli.js';
import { commitAll } from '../helpers/git.js';
import { clientOf } from '../helpers/client.js';
import {
  THREE_TRAININGS,
  NAMESPACE,
  aProject,
  md,
  numberedFiles,
  writesIn,
} from '../helpers/project.js';
import { ownershipMetadata } from '../../src/model/ownership.js';
import { tempDir, writeFiles } from '../helpers/temp.js';

const FILES = THREE_TRAININGS;
/** The trainings of the README's example: before the pull request, and what it changes. */
const EXAMPLE_BEFORE = {
  'billing/refund.md': md(
    'title: How do I get a refund?\nchannels: [web, email]',
    'Refunds are possible within 30 days of delivery.\nAsk for the order number and the reason.',
  ),
  'orders/track.md': md('title: Where is my order?', 'Send the tracking link from the order page.'),
  'service/winter.md': md(
    'title: How do I store my bike for the winter?\ndraft: true',
    'Charge the battery to 60% and keep it indoors.',
  ),
  'orders/spring-sale.md': md('title: Spring sale', 'All city bikes are 15% off until April 30.'),
  'tone.md': md('title: Brand voice\ntype: BEHAVIORAL', 'Be warm, brief and concrete.'),
};
const EXAMPLE_PULL_REQUEST = {
  'billing/refund.md': md(
    'title: How do I get a refund?\nchannels: [web, email, whatsapp]',
    'Refunds are possible within 45 days of delivery.\nAsk for the order number and the reason.',
  ),
  'orders/change-address.md': md(
    'title: Can I change my delivery address?',
    'Yes, until the bike has shipped: update it on the order page.',
  ),
  'service/winter.md': md(
    'title: How do I store my bike for the winter?',
    'Charge the battery to 60% and keep it indoors.',
  ),
};
const MARKER = '<!-- opencx-trainings:plan target=default working-directory=. -->';
const PULL_REQUEST = 2;
const opened = () => ({ name: 'pull_request', payload: examplePayload('pull_request', 'opened') });
const synchronized = () => ({
  name: 'pull_request',
  payload: examplePayload('pull_request', 'synchronize'),
});
const pushed = () => ({ name: 'push', payload: examplePayload('push') });
const RUN_URL = 'https://github.com/Codertocat/Hello-World/actions/runs/4242';
/** A pull request opened on the commit `base`. */
const openedOn = (base: string) => {
  const payload = examplePayload('pull_request', 'opened') as {
    pull_request: { base: { sha: string } };
  };
  payload.pull_request.base.sha = base;
  return { name: 'pull_request', payload };
};

/** A repository on GitHub (the stand-in) whose trainings sync to an emulator of OpenCX. */
async function aRepository(
  files: Record<string, string> = FILES,
  options: {
    emulator?: EmulatorOptions;
    maxPerPage?: number;
    workspace?: (dir: string) => string;
  } = {},
) {
  const emulator = await useEmulator(options.emulator);
  const github = await useGitHub({ token: GITHUB_TOKEN, maxPerPage: options.maxPerPage });
  const project = await aProject(emulator, files);
  const action = await anActionHarness(project, github, {
    workspace: options.workspace?.(project.dir),
  });
  return { emulator, github, project, action };
}

describe('the GitHub action, mode plan, on a pull request', () => {
  it('writes the summary and outputs, creates one comment, then updates that same comment', async () => {
    const { emulator, github, project, action } = await aRepository();

    const first = await action.run(['--mode', 'plan'], opened());
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Plan: 3 to create; 0 unchanged.');
    expect(first.stdout).toMatch(/^Comment created on pull request #2: https:\/\/github\.test\//m);
    expect(first.summary).toContain('### OpenCX plan: 3 to create');
    expect(first.outputs).toMatchObject({
      changes: 'true',
      create: '3',
      update: '0',
      delete: '0',
      'repair-duplicate': '0',
      'no-op': '0',
    });
    expect(JSON.parse(first.outputs.counts ?? '')).toMatchObject({ create: 3, update: 0 });
    const saved = JSON.parse(await readFile(first.outputs['plan-json'] ?? '', 'utf8')) as object;
    expect(saved).toMatchObject({ format_version: PLAN_FORMAT_VERSION, summary: { create: 3 } });

    const [comment] = github.commentsOf(PULL_REQUEST);
    expect(github.comments).toHaveLength(1);
    expect(comment?.body.startsWith(`${MARKER}\n### OpenCX plan: 3 to create`)).toBe(true);
    expect(comment?.body).toContain('For commit ec26c3e.');
    expect(first.outputs['comment-url']).toBe(comment?.html_url);
    expect(github.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /repos/Codertocat/Hello-World/issues/2/comments?per_page=100',
      'POST /repos/Codertocat/Hello-World/issues/2/comments',
    ]);
    expect(github.requests.every((r) => r.authorized)).toBe(true);
    expect(writesIn(emulator)).toEqual([]);
    expectNoSecrets(first, github, emulator.token);

    await project.write({ 'returns.md': md('title: Can I return my bike?', 'Within 14 days.') });
    github.requests.length = 0;
    const second = await action.run(['--mode', 'plan'], synchronized());
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/^Comment updated on pull request #2: /m);
    expect(github.requests.map((r) => r.method)).toEqual(['GET', 'PATCH']);
    expect(github.requests[1]?.path).toBe(
      `/repos/Codertocat/Hello-World/issues/comments/${comment?.id}`,
    );
    expect(github.comments).toHaveLength(1);
    expect(github.comments[0]?.body).toContain('### OpenCX plan: 4 to create');
    expect(second.outputs.create).toBe('4');
    expectNoSecrets(second, github, emulator.token);

    github.requests.length = 0;
    const third = await action.run(['--mode', 'plan'], synchronized());
    expect(third.stdout).toMatch(/^Comment unchanged on pull request #2: /m);
    expect(github.requests.map((r) => r.method)).toEqual(['GET']);
  });

  it('finds its comment on a later page and leaves the other comments alone', async () => {
    const { github, project, action } = await aRepository(FILES, { maxPerPage: 10 });
    const others = Array.from({ length: 24 }, (_, i) => `Review remark ${i + 1}`);
    github.seedComments(PULL_REQUEST, [...others, `> ${MARKER}\n> quoting the plan`]);

    await action.run(['--mode', 'plan'], opened());
    const ours = github.commentsOf(PULL_REQUEST).at(-1);
    expect(ours?.body.startsWith(MARKER)).toBe(true);
    github.requests.length = 0;
    await project.write({ 'tone.md': md('title: Our voice\ntype: BEHAVIORAL', 'Be brief.') });
    const again = await action.run(['--mode', 'plan'], synchronized());

    expect(again.code).toBe(0);
    expect(github.requests.map((r) => `${r.method} ${r.path.replace(/^.*comments/, '')}`)).toEqual([
      'GET ?per_page=100',
      'GET ?per_page=10&page=2',
      'GET ?per_page=10&page=3',
      `PATCH /${ours?.id}`,
    ]);
    expect(github.commentsOf(PULL_REQUEST)).toHaveLength(26);
    expect(
      github
        .commentsOf(PULL_REQUEST)
        .slice(0, 24)
        .map((c) => c.body),
    ).toEqual(others);
  });

  it('annotates invalid files from the repository root, and the comment lists the problems', async () => {
    // The action runs with `working-directory:` set to the project's folder in a larger repo.
    const { emulator, github, project, action } = await aRepository(
      { ...FILES, 'broken.md': md('title: Shipping\nchanels: [web]') },
      { workspace: (dir) => path.dirname(dir) },
    );
    const folder = path.basename(project.dir);

    const result = await action.run(['--mode', 'plan'], opened());
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `::error file=${folder}/trainings/broken.md,line=3,col=1,title=opencx-trainings unknown-key::Unknown key "chanels".`,
    );
    expect(result.summary).toContain('### OpenCX plan: ✖ 1 error in the training files');
    expect(result.summary).toContain(`\`${folder}/trainings/broken.md:3:1\``);
    const [comment] = github.commentsOf(PULL_REQUEST);
    expect(comment?.body).toBe(
      `<!-- opencx-trainings:plan target=default working-directory=${folder} -->\n${result.summary.trimEnd()}\n`,
    );
    expect(result.outputs).toEqual({ 'comment-url': comment?.html_url });
    expect(emulator.requests).toEqual([]);
    expectNoSecrets(result, github, emulator.token);
  });

  it('annotates names that only the plan can check, such as an unknown segment', async () => {
    const { emulator, github, action } = await aRepository({
      'vip.md': md('title: VIP perks\nsegments: [VIP customer]'),
    });

    const result = await action.run(['--mode', 'plan', '--target', 'test'], opened());
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /^::error file=trainings\/vip\.md,line=3,col=\d+,title=opencx-trainings unknown-segment::.*VIP customer/m,
    );
    expect(github.comments[0]?.body).toMatch(
      /^<!-- opencx-trainings:plan target=test working-directory=\. -->\n### OpenCX plan: ✖ 1 error/,
    );
    expect(writesIn(emulator)).toEqual([]);
  });

  it('says clearly that the plan deletes trainings', async () => {
    const { github, project, action } = await aRepository();
    expect((await project.run(['apply', '--yes'])).code).toBe(0);
    await project.remove('orders/track.md');

    const result = await action.run(['--mode', 'plan'], opened());
    expect(result.code).toBe(0);
    expect(result.outputs).toMatchObject({ changes: 'true', delete: '1', 'no-op': '2' });
    const body = github.comments[0]?.body ?? '';
    expect(body).toContain('### OpenCX plan: 1 to delete');
    expect(body).toContain('> [!WARNING]\n> This plan **deletes 1 training** from OpenCX.');
  });

  it('annotates a moved file, which would lose its identity, on the new file', async () => {
    const { project, action } = await aRepository();
    expect((await project.run(['apply', '--yes'])).code).toBe(0);
    await project.remove('tone.md');
    await project.write({ 'style/tone.md': FILES['tone.md'] });

    const result = await action.run(['--mode', 'plan'], opened());
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^::warning file=trainings\/style\/tone\.md,title=opencx-trainings moved-file::.*add `key: tone`/m,
    );
  });

  it('warns and succeeds when the token may not comment, as on a pull request from a fork', async () => {
    const { emulator, github, action } = await aRepository();
    github.failWrites(403);

    const result = await action.run(['--mode', 'plan'], opened());
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^::warning title=opencx-trainings comment::Could not comment on pull request #2: POST \/repos\/Codertocat\/Hello-World\/issues\/2\/comments failed with HTTP 403: Resource not accessible by integration\./m,
    );
    expect(result.summary).toContain('### OpenCX plan: 3 to create');
    expect(result.outputs.changes).toBe('true');
    expect(github.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    expectNoSecrets(result, github, emulator.token);
  });

  it('fails, rather than blame permissions, when GitHub rate-limits the comment', async () => {
    const { emulator, github, action } = await aRepository();
    const inTwoHours = Math.ceil(Date.now() / 1000) + 7200;
    github.failNext(403, {
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(inTwoHours) },
    });

    const result = await action.run(['--mode', 'plan'], opened());
    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain('no write access');
    expect(result.stderr).toContain('try again after that');
    expect(result.summary).toContain('### OpenCX plan: 3 to create');
    expectNoSecrets(result, github, emulator.token);
  });

  it('prints the GitHub requests with --debug, never the token', async () => {
    const { emulator, github, action } = await aRepository();
    const result = await action.run(['--mode', 'plan', '--debug'], opened());
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^\[debug\] GET \/repos\/Codertocat\/Hello-World\/issues\/2\/comments → 200 in \d+ ms \(attempt 1/m,
    );
    expect(result.stderr).toMatch(
      /^\[debug\] POST \/repos\/Codertocat\/Hello-World\/issues\/2\/comments → 201/m,
    );
    expectNoSecrets(result, github, emulator.token);
  });

  it('with comment off, or on a push, writes only the summary', async () => {
    const { github, action } = await aRepository();

    const off = await action.run(['--mode', 'plan', '--comment', 'off'], opened());
    const push = await action.run(['--mode', 'plan'], pushed());
    for (const result of [off, push]) {
      expect(result.code).toBe(0);
      expect(result.summary).toContain('### OpenCX plan: 3 to create');
    }
    expect(push.stdout).toContain('No comment: the "push" event is not a pull request.');
    expect(github.requests).toEqual([]);
  });
});

describe('the GitHub action, mode apply, after a merge', () => {
  it('applies, with the report in the summary and the outputs', async () => {
    const { emulator, github, action } = await aRepository();

    const result = await action.run(['--mode', 'apply'], pushed());
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Apply complete: 3 created.');
    expect(result.summary).toContain('### OpenCX apply: 3 created');
    expect(result.summary).toContain('| ✅ | create | How do I get a refund? | `billing/refund` |');
    expect(result.outputs).toMatchObject({ changes: 'true', create: '3', failed: '0' });
    const report = JSON.parse(
      await readFile(result.outputs['report-json'] ?? '', 'utf8'),
    ) as object;
    expect(report).toMatchObject({ counts: { ok: 3, failed: 0, skipped: 0 } });
    expect(writesIn(emulator)).toHaveLength(3);
    // The record on GitHub: a deployment of the pushed commit to the target's environment.
    expect(github.deployments).toEqual([
      {
        id: expect.any(Number) as number,
        ref: '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
        environment: 'test',
        description: 'opencx-trainings apply to test',
        statuses: [
          { state: 'in_progress', description: 'Applying the training files', log_url: RUN_URL },
          { state: 'success', description: '3 created', log_url: RUN_URL },
        ],
      },
    ]);
    expect(result.stdout).toMatch(/^Deployment \d+ to "test" recorded for 6113728\.$/m);
    expectNoSecrets(result, github, emulator.token);

    const again = await action.run(['--mode', 'apply'], pushed());
    expect(again.code).toBe(0);
    expect(again.outputs).toMatchObject({ changes: 'false', create: '0', 'no-op': '3' });
    expect(again.summary).toContain('### OpenCX apply: nothing changed');
  });

  it('stops starting actions when the job is cancelled, and says what was done', async () => {
    let cancel: (signal: string) => void = () => undefined;
    const signal = new Promise<string>((resolve) => (cancel = resolve));
    let creates = 0;
    const { emulator, github, action } = await aRepository(numberedFiles(40), {
      emulator: {
        faults: { latencyMs: 20 },
        onRequest: (entry) => {
          if (entry.method === 'POST' && entry.status === 201 && ++creates === 2) cancel('SIGINT');
        },
      },
    });

    const result = await action.runWith(
      (env) =>
        runCli(['github', '--mode', 'apply'], {
          cwd: action.env.GITHUB_WORKSPACE ?? '',
          env,
          signal,
        }),
      pushed(),
    );

    expect(result.code).toBe(130);
    const stored = emulator.store.trainings().length;
    expect(stored).toBeLessThan(40);
    expect(result.summary).toContain(
      `### OpenCX apply interrupted: ${stored} created; ${40 - stored} skipped`,
    );
    expect(result.stderr).toContain('Interrupted (SIGINT)');
    expect(github.deployments[0]?.statuses.at(-1)?.state).toBe('error');
  });

  it('fails the job when an action fails, and annotates the file', async () => {
    const { emulator, github, action } = await aRepository(
      {
        ...FILES,
        'long.md': md('title: Warranty', 'All frames are covered for life. '.repeat(10)),
      },
      { emulator: { limits: { contentMaxLength: 100 } } },
    );

    const result = await action.run(['--mode', 'apply'], pushed());
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /^::error file=trainings\/long\.md,title=opencx-trainings apply::create long failed: POST \/training failed with HTTP 400/m,
    );
    expect(result.summary).toContain('### OpenCX apply finished with errors: 3 created; 1 failed');
    expect(result.outputs).toMatchObject({ failed: '1' });
    expect(github.deployments[0]?.statuses.at(-1)).toMatchObject({
      state: 'failure',
      description: '3 created; 1 failed',
    });
    expectNoSecrets(result, github, emulator.token);
  });

  it('applies all the same when the token may not record deployments, with a warning', async () => {
    const { emulator, github, action } = await aRepository();
    github.failWrites(403);
    const result = await action.run(['--mode', 'apply'], pushed());
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^::warning title=opencx-trainings deployment::Could not record the deployment to "test": .*HTTP 403.*The workflow job needs "permissions: deployments: write"\.$/m,
    );
    expect(result.summary).toContain('### OpenCX apply: 3 created');
    expect(emulator.store.trainings()).toHaveLength(3);
  });

  it('refuses a plan that trips the mass-delete guard, before any write', async () => {
    const { emulator, project, action } = await aRepository();
    await project.run(['apply', '--yes']);
    for (const file of Object.keys(FILES)) await project.remove(file);
    emulator.clearRequests();

    const result = await action.run(['--mode', 'apply'], pushed());
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error title=opencx-trainings apply::Refusing to apply: /m);
    expect(result.summary).toContain('### OpenCX apply refused: nothing was changed');
    expect(writesIn(emulator)).toEqual([]);

    const allowed = await action.run(['--mode', 'apply', '--allow-mass-delete'], pushed());
    expect(allowed.code).toBe(0);
    expect(allowed.outputs).toMatchObject({ delete: '3', failed: '0' });
  });

  it('does not apply on a pull request event', async () => {
    const { emulator, action } = await aRepository();

    const result = await action.run(['--mode', 'apply'], opened());
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('mode "apply" does not run on a "pull_request" event');
    expect(emulator.requests).toEqual([]);
  });
});

describe('the reviewed plan is the applied plan', () => {
  const PUSHED = '6113728f27ae82c7b1a177c8d03f9e96e0adf246'; // `after` of the push payload

  /** A pull request planned and commented on, then merged as the pushed commit. */
  async function reviewedAndMerged() {
    const repo = await aRepository();
    const reviewed = await repo.action.run(['--mode', 'plan'], opened());
    expect(reviewed.code).toBe(0);
    repo.github.mergedAs(PUSHED, 2);
    return repo;
  }

  /** Between the review and the merge, someone creates one of the trainings in the dashboard. */
  async function editedInTheDashboard(emulator: Parameters<typeof clientOf>[0]) {
    const { client } = clientOf(emulator);
    await client.createTraining({
      title: 'How do I get a refund?',
      content: 'Refunds within 14 days.',
      metadata: ownershipMetadata(NAMESPACE, 'billing/refund'),
    });
  }

  it('says so when the plan is the one reviewed', async () => {
    const { action } = await reviewedAndMerged();
    const result = await action.run(['--mode', 'apply'], pushed());
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('The plan is the one reviewed on pull request #2.');
  });

  it('warns, on the pull request and in the summary, when the plan changed since the review', async () => {
    const { emulator, github, action } = await reviewedAndMerged();
    await editedInTheDashboard(emulator);

    const result = await action.run(['--mode', 'apply'], pushed());
    expect(result.code).toBe(0);
    const said = github.commentsOf(2).at(-1)?.body ?? '';
    for (const text of [said, result.summary]) {
      expect(text).toContain('### OpenCX apply: the plan differs from the one reviewed on #2');
      expect(text).toContain('- create billing/refund: reviewed, not planned now');
      expect(text).toMatch(/- update billing\/refund: planned now, not in the reviewed plan/);
    }
    expect(result.stdout).toMatch(/^::warning title=opencx-trainings apply::The plan differs/m);
    expect(result.summary).toContain('### OpenCX apply: 1 updated, 2 created');
  });

  it('applies nothing with plan-changed refuse', async () => {
    const { emulator, github, action } = await reviewedAndMerged();
    await editedInTheDashboard(emulator);
    emulator.clearRequests();

    const result = await action.run(['--mode', 'apply', '--plan-changed', 'refuse'], pushed());
    expect(result.code).toBe(1);
    expect(writesIn(emulator)).toEqual([]);
    expect(github.commentsOf(2).at(-1)?.body).toContain(
      'Nothing was applied (`plan-changed: refuse`)',
    );
    expect(github.deployments).toEqual([]);
  });

  it('says so when the pushed commit came from no pull request', async () => {
    const { action } = await aRepository();
    const result = await action.run(['--mode', 'apply'], pushed());
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'No reviewed plan to compare with: commit 6113728 came from no pull request.',
    );
  });
});

describe('the GitHub action, mode drift, on a schedule', () => {
  const dispatched = () => ({
    name: 'workflow_dispatch',
    payload: examplePayload('workflow_dispatch'),
  });
  const scheduled = () => ({ name: 'schedule', payload: { schedule: '17 6 * * *' } });

  it('opens one issue for a target that drifted, updates it, and closes it once it is gone', async () => {
    const { emulator, github, project, action } = await aRepository();
    expect((await project.run(['apply', '--yes'])).code).toBe(0);

    // The embedded emulator of a local target holds nothing to drift from: not planned.
    const config = path.join(project.dir, 'opencx.yml');
    const written = await readFile(config, 'utf8');
    await writeFile(
      config,
      written.replace('targets:\n', 'targets:\n  here:\n    emulator: .opencx/emulator.json\n'),
    );
    const quiet = await action.run(['--mode', 'drift'], scheduled());
    expect(quiet.stdout).toContain('No drift on target "test".');
    expect(quiet.stdout).not.toContain('target "here"');
    expect(github.issues).toEqual([]);

    // Someone edits a training in the dashboard.
    const { client } = clientOf(emulator);
    const refund = emulator.store.trainings().find((t) => t.title === 'How do I get a refund?');
    await client.updateTraining(refund?.id ?? '', {
      title: 'How do I get a refund?',
      content: 'Refunds within 14 days.',
      restricted_to_channels: ['web', 'email'],
    });

    const found = await action.run(['--mode', 'drift'], dispatched());
    expect(found.code).toBe(0);
    expect(github.issues).toHaveLength(1);
    const issue = github.issues[0];
    expect(issue?.title).toBe('OpenCX drift: target test');
    expect(issue?.body).toMatch(
      /^<!-- opencx-trainings:drift target=test working-directory=\. -->/,
    );
    expect(issue?.body).toContain('| How do I get a refund? | `billing/refund` | edited |');
    expect(issue?.body).toContain('-Refunds within 14 days.');
    expect(found.stdout).toMatch(/^Drift on target "test": issue #100 opened/m);

    const again = await action.run(['--mode', 'drift'], scheduled());
    expect(again.stdout).toMatch(/^Drift on target "test": issue #100 updated/m);
    expect(github.issues).toHaveLength(1);

    expect((await project.run(['apply', '--yes'])).code).toBe(0);
    const gone = await action.run(['--mode', 'drift'], scheduled());
    expect(gone.stdout).toContain('No drift on target "test": issue #100 closed.');
    expect(github.issues[0]?.state).toBe('closed');
    expect(github.commentsOf(100).at(-1)?.body).toContain('The drift is gone');
    expect(writesIn(emulator).filter((w) => w.startsWith('PUT')).length).toBe(2);
  });
});

describe('the lint sections of the plan comment', () => {
  const OVERLAP_IS_AN_ERROR = 'lint:\n  overlapping-triggers: { severity: error }\n';
  const cancel = md('title: How can I cancel my subscription?', 'Offer a pause first.');
  const cancelAgain = md('title: Cancel my subscription', 'Send the cancellation link.');

  /** A repository on a base commit with `base`, then the pull request's files on top. */
  async function aPullRequest(base: Record<string, string>, head: Record<string, string>) {
    const { github, project, action } = await aRepository(base, {});
    await writeFile(path.join(project.dir, 'opencx.yml'), OVERLAP_IS_AN_ERROR, { flag: 'a' });
    const sha = await commitAll(project.dir, 'base');
    await project.write(head);
    const result = await action.run(['--mode', 'plan'], openedOn(sha));
    return { result, comment: github.comments[0]?.body ?? '' };
  }

  it('lists an overlap the pull request adds, and fails the check for a new error', async () => {
    const { result, comment } = await aPullRequest(
      { 'cancel.md': cancel },
      { 'cancel-again.md': cancelAgain },
    );
    expect(comment).toContain('#### New lint findings');
    expect(comment).toMatch(
      /- ⛔ `trainings\/cancel-again\.md:2` overlapping-triggers: The trigger "Cancel my subscription" overlaps/,
    );
    expect(comment).toContain('| every channel · contacts in no segment | `cancel-again` |');
    expect(result.stdout).toContain(
      '::error file=trainings/cancel-again.md,line=2,col=1,title=opencx-trainings lint overlapping-triggers::',
    );
    expect(result.stderr).toContain('The pull request adds 1 lint error(s)');
    expect(result.code).toBe(1);
  });

  it('only counts an overlap that the base already had', async () => {
    const { result, comment } = await aPullRequest(
      { 'cancel.md': cancel, 'cancel-again.md': cancelAgain },
      { 'refund.md': md('title: How do I get a refund?', 'Refunds are possible within 30 days.') },
    );
    expect(comment).toContain('#### New lint findings\n\nNone.');
    expect(comment).toContain('1 finding(s) already on the base are not listed');
    expect(comment).toContain('| every channel · contacts in no segment | `refund` |');
    expect(result.code).toBe(0);
  });

  it('says so when the base cannot be read, and lists every finding', async () => {
    const { github, action } = await aRepository(
      { 'cancel.md': cancel, 'cancel-again.md': cancelAgain },
      {},
    );
    const result = await action.run(['--mode', 'plan'], opened());
    const comment = github.comments[0]?.body ?? '';
    expect(comment).toContain('The base of the pull request could not be read: no comparison.');
    expect(comment).toContain('overlapping-triggers');
    expect(result.code).toBe(0); // a warning by default
  });
});

describe('the example comment in the README', () => {
  it('is what the action posts for a typical pull request', async () => {
    const emulator = await useEmulator();
    const github = await useGitHub({ token: GITHUB_TOKEN });
    const dir = await tempDir('lumen-bikes-');
    await writeFiles(dir, {
      'opencx.yml': `namespace: lumen-support\ntargets:\n  production:\n    url: ${emulator.url}\n    token_env: OPENCX_API_KEY\n`,
    });
    const project = {
      dir,
      env: { OPENCX_API_KEY: emulator.token },
      write: (files: Record<string, string>) => writeFiles(path.join(dir, 'trainings'), files),
    };
    await project.write(EXAMPLE_BEFORE);
    const base = await commitAll(dir, 'Trainings of main');
    const action = await anActionHarness(project, github);
    expect((await action.run(['--mode', 'apply', '--target', 'production'], pushed())).code).toBe(
      0,
    );
    await rm(path.join(dir, 'trainings', 'orders/spring-sale.md'));
    await project.write(EXAMPLE_PULL_REQUEST);

    const result = await action.run(['--mode', 'plan', '--target', 'production'], openedOn(base));
    expect(result.code).toBe(0);
    // The hidden review record holds the org's fingerprint, which the emulator's ids change on
    // every run: it is checked elsewhere, and left out of the example.
    const shown = (github.comments[0]?.body ?? '').replace(
      /^<!-- opencx-trainings:reviewed .*\n/m,
      '',
    );
    await expect(shown).toMatchFileSnapshot('../fixtures/github/pr-comment.md');
  });
});
