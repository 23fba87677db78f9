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

interface Step {
  id?: string;
  run?: string;
  env?: Record<string, string>;
}

/** The script of action.yml's step that runs the CLI, as the runner would run it. */
async function actionScript(): Promise<Step & { run: string }> {
  const action = YAML.parse(await readFile(path.join(REPO, 'action.yml'), 'utf8')) as {
    runs: { steps: Step[] };
  };
  const step = action.runs.steps.find((s) => s.id === 'run');
  if (step?.run === undefined) throw new Error('action.yml has no step "run" with a script');
  return step as Step & { run: string };
}

/** bash as GitHub runs a `shell: bash` step, with the inputs in env as action.yml maps them. */
async function runStep(
  script: string,
  cwd: string,
  env: Record<string, string>,
  inputs: Record<string, string>,
): Promise<CliResult> {
  return runProcess('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
    cwd,
    env: {
      PATH: process.env.PATH ?? '',
      NO_COLOR: '1',
      GITHUB_ACTION_PATH: REPO,
      ...env,
      ...inputs,
    },
  });
}

describe('the action step of action.yml, on the built command', () => {
  it('plans a pull request with a comment, then applies after the merge', async () => {
    const emulator = await useEmulator();
    const github = await useGitHub({ token: GITHUB_TOKEN });
    const project = await aProject(emulator, {
      'refund.md': md('title: How do I get a refund?', 'Within 30 days.'),
    });
    const harness = await anActionHarness(project, github);
    const step = await actionScript();
    // The input names that the step's env maps, e.g. INPUT_MODE from ${{ inputs.mode }}.
    expect(Object.keys(step.env ?? {})).toEqual(
      expect.arrayContaining(['INPUT_MODE', 'INPUT_TARGET', 'INPUT_COMMENT', 'GITHUB_TOKEN']),
    );
    const inputs = (mode: string) => ({
      INPUT_MODE: mode,
      INPUT_TARGET: 'test',
      INPUT_COMMENT: 'on',
      INPUT_ALLOW_MASS_DELETE: 'false',
    });

    const plan = await harness.runWith(
      (env) => runStep(step.run, project.dir, env, inputs('plan')),
      { name: 'pull_request', payload: examplePayload('pull_request', 'opened') },
    );
    expect(plan.stderr).toBe('');
    expect(plan.code).toBe(0);
    expect(plan.outputs).toMatchObject({ changes: 'true', create: '1' });
    expect(github.comments).toHaveLength(1);
    expect(plan.summary).toContain('### OpenCX plan: 1 to create');

    const apply = await harness.runWith(
      (env) => runStep(step.run, project.dir, env, inputs('apply')),
      { name: 'push', payload: examplePayload('push') },
    );
    expect(apply.code).toBe(0);
    expect(apply.outputs).toMatchObject({ changes: 'true', create: '1', failed: '0' });
    expect(apply.summary).toContain('### OpenCX apply: 1 created');
    for (const result of [plan, apply]) {
      expect(result.everything).not.toContain(GITHUB_TOKEN);
      expect(result.everything).not.toContain(emulator.token);
    }
  });
});
