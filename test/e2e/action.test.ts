import { readFile } from 'node:fs/promises';
import path from 'node:path';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { GITHUB_TOKEN, anActionHarness, examplePayload } from '../helpers/action.js';
import type { CliResult } from '../helpers/cli.js';
import { useEmulator } from '../helpers/emulator.js';
import { useGitHub } from '../helpers/github-server.js';
import { runProcess } from '../helpers/process.js';
import { aProject, md } from '../helpers/project.js';

const REPO = path.resolve(import.meta.dirname, '../..');

interface ActionYaml {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; main: string };
}

const action = YAML.parse(await readFile(path.join(REPO, 'action.yml'), 'utf8')) as ActionYaml;

/**
 * The action as the runner starts it: `node <runs.main>` in the workspace, with every input as
 * `INPUT_<NAME>` (its default when not given), and nothing else of this machine's environment
 * but PATH.
 */
function runAction(env: Record<string, string>, given: Record<string, string>): Promise<CliResult> {
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.inputs)) {
    const value = given[name] ?? spec.default ?? '';
    // `${{ github.token }}`: the runner puts the job's token there.
    inputs[`INPUT_${name.toUpperCase()}`] = value.startsWith('${{') ? GITHUB_TOKEN : value;
  }
  return runProcess(process.execPath, [path.join(REPO, action.runs.main)], {
    cwd: env.GITHUB_WORKSPACE ?? REPO,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...env, ...inputs },
  });
}

describe('the action, from its committed bundle', () => {
  it('runs on the runtime of the runners, from one file, with no install step', () => {
    expect(action.runs.using).toBe('node24');
    expect(action.runs.main).toBe('action/index.mjs');
  });

  it('plans a pull request with a comment, then applies after the merge', async () => {
    const emulator = await useEmulator();
    const github = await useGitHub({ token: GITHUB_TOKEN });
    const project = await aProject(emulator, {
      'refund.md': md('title: How do I get a refund?', 'Within 30 days.'),
    });
    const harness = await anActionHarness(project, github);
    // The harness's token is the job's: the action must take it from its input.
    const jobEnv = (env: Record<string, string>) => {
      const { GITHUB_TOKEN: _, ...rest } = env;
      return rest;
    };

    const plan = await harness.runWith(
      (env) => runAction(jobEnv(env), { mode: 'plan', target: 'test' }),
      { name: 'pull_request', payload: examplePayload('pull_request', 'opened') },
    );
    expect(plan.stderr).toBe('');
    expect(plan.code).toBe(0);
    expect(plan.outputs).toMatchObject({ changes: 'true', create: '1' });
    expect(github.comments).toHaveLength(1);
    expect(plan.summary).toContain('### OpenCX plan: 1 to create');

    const apply = await harness.runWith(
      (env) => runAction(jobEnv(env), { mode: 'apply', target: 'test', comment: 'off' }),
      { name: 'push', payload: examplePayload('push') },
    );
    expect(apply.code).toBe(0);
    expect(apply.outputs).toMatchObject({ changes: 'true', create: '1', failed: '0' });
    expect(apply.summary).toContain('### OpenCX apply: 1 created');
    expect(github.deployments.map((d) => [d.environment, d.statuses.map((x) => x.state)])).toEqual([
      ['test', ['in_progress', 'success']],
    ]);
    for (const result of [plan, apply]) {
      expect(result.everything).not.toContain(GITHUB_TOKEN);
      expect(result.everything).not.toContain(emulator.token);
    }
  });

  it('reports a drift as an issue, then adopts it in a pull request', async () => {
    const emulator = await useEmulator();
    const github = await useGitHub({ token: GITHUB_TOKEN });
    const refund = md('title: How do I get a refund?', 'Within 30 days.');
    const project = await aProject(emulator, { 'refund.md': refund });
    expect((await project.run(['apply', '--yes'])).code).toBe(0);
    const harness = await anActionHarness(project, github);
    const base = 'a'.repeat(40);
    harness.env.GITHUB_SHA = base;
    github.seedCommit(base, { 'trainings/refund.md': refund });
    const stored = emulator.store.trainings()[0];
    if (stored === undefined) throw new Error('nothing applied');
    emulator.store.putTraining({ ...stored, content: 'Within 14 days.' });

    const drift = await harness.runWith((env) => runAction(env, { mode: 'drift' }), {
      name: 'schedule',
      payload: { schedule: '17 6 * * *' },
    });
    expect(drift.code, drift.stderr).toBe(0);
    expect(github.issues.map((i) => i.title)).toEqual(['OpenCX drift: target test']);

    const adopt = await harness.runWith((env) => runAction(env, { mode: 'adopt' }), {
      name: 'workflow_dispatch',
      payload: examplePayload('workflow_dispatch'),
    });
    expect(adopt.code, adopt.stderr).toBe(0);
    expect(adopt.outputs).toMatchObject({ 'pull-request-number': '50' });
    expect(github.headOf('opencx-trainings/adopt-test')?.files['trainings/refund.md']).toContain(
      'Within 14 days.',
    );
    expect(adopt.everything).not.toContain(GITHUB_TOKEN);
  });

  it('runs in the working directory its input names', async () => {
    const emulator = await useEmulator();
    const github = await useGitHub({ token: GITHUB_TOKEN });
    const project = await aProject(emulator, { 'tone.md': md('title: Tone') });
    const harness = await anActionHarness(project, github, {
      workspace: path.dirname(project.dir),
    });
    const result = await harness.runWith(
      (env) =>
        runAction(env, {
          mode: 'plan',
          target: 'test',
          comment: 'off',
          'working-directory': path.basename(project.dir),
        }),
      { name: 'pull_request', payload: examplePayload('pull_request', 'opened') },
    );
    expect(result.code).toBe(0);
    expect(result.outputs).toMatchObject({ create: '1' });
  });

  it('answers a wrong input in the words of the command', async () => {
    const result = await runProcess(process.execPath, [path.join(REPO, action.runs.main)], {
      cwd: REPO,
      env: { PATH: process.env.PATH ?? '', INPUT_MODE: 'nonsense' },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      '--mode must be one of plan, apply, drift, adopt, not "nonsense".',
    );
  });
});
