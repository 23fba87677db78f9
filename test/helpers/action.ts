import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import { expect } from 'vitest';
import type { WebhookDefinition } from '@octokit/webhooks-examples';
import { runCli, type CliResult } from './cli.js';
import type { FakeGitHub } from './github-server.js';
import { tempDir } from './temp.js';

// The package's main file is a JSON list, which `require` reads as it is.
const webhooks = createRequire(import.meta.url)(
  '@octokit/webhooks-examples',
) as WebhookDefinition[];

/** A token of the shape GitHub gives a workflow; the tests check that it is never printed. */
export const GITHUB_TOKEN = `ghs_${'T0k3n'.repeat(8)}`;
const REPOSITORY = 'Codertocat/Hello-World';

/** The secrets of the run (the GitHub token and the OpenCX API key) appear nowhere. */
export function expectNoSecrets(result: ActionResult, github: FakeGitHub, apiKey: string): void {
  const sent = JSON.stringify(github.requests.map((r) => r.body));
  for (const secret of [GITHUB_TOKEN, apiKey]) {
    expect(result.everything).not.toContain(secret);
    expect(sent).not.toContain(secret);
  }
}

/** A real payload from @octokit/webhooks-examples, copied so that a test may change it. */
export function examplePayload(event: string, action?: string): Record<string, unknown> {
  const definition = webhooks.find((d) => d.name === event);
  const example = definition?.examples.find(
    (e) => action === undefined || (e as { action?: string }).action === action,
  );
  if (example === undefined) throw new Error(`no example payload for ${event} ${action ?? ''}`);
  return structuredClone(example) as Record<string, unknown>;
}

export interface ActionResult extends CliResult {
  /** The job summary written so far (GITHUB_STEP_SUMMARY). */
  summary: string;
  /** The step outputs (GITHUB_OUTPUT), parsed. */
  outputs: Record<string, string>;
  /** Everything the run wrote anywhere, for checks that hold for all of it. */
  everything: string;
}

export interface ActionHarness {
  env: Record<string, string>;
  /** Run `opencx-trainings github <args>` in-process, as action.yml does, for one event. */
  run: (
    args: string[],
    event: { name: string; payload: unknown },
    cwd?: string,
  ) => Promise<ActionResult>;
  /** The same with any runner of the job's environment, e.g. the built command in a process. */
  runWith: (
    execute: (env: Record<string, string>) => Promise<CliResult>,
    event: { name: string; payload: unknown },
  ) => Promise<ActionResult>;
}

/**
 * The environment of a GitHub Actions job around a project: the event payload file, the
 * summary and output files, RUNNER_TEMP, and GITHUB_API_URL pointing at the stand-in server.
 */
export async function anActionHarness(
  project: { dir: string; env: Record<string, string> },
  github: Pick<FakeGitHub, 'url'>,
  options: { workspace?: string } = {},
): Promise<ActionHarness> {
  const runner = await tempDir('opencx-runner-');
  const files = {
    event: path.join(runner, 'event.json'),
    summary: path.join(runner, 'step_summary.md'),
    output: path.join(runner, 'output.txt'),
  };
  const env = {
    ...project.env,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_PATH: files.event,
    GITHUB_REPOSITORY: REPOSITORY,
    GITHUB_API_URL: github.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '4242',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_WORKFLOW: 'OpenCX trainings',
    GITHUB_WORKFLOW_REF: `${REPOSITORY}/.github/workflows/trainings-sync.yml@refs/heads/main`,
    GITHUB_TOKEN,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_OUTPUT: files.output,
    GITHUB_WORKSPACE: options.workspace ?? project.dir,
    RUNNER_TEMP: runner,
  };
  const runWith: ActionHarness['runWith'] = async (execute, event) => {
    await writeFile(files.event, JSON.stringify(event.payload));
    // Each step of a job starts with an empty output file; the summary is per step too.
    await writeFile(files.output, '');
    await writeFile(files.summary, '');
    const result = await execute({ ...env, GITHUB_EVENT_NAME: event.name });
    const summary = await readFile(files.summary, 'utf8');
    const outputText = await readFile(files.output, 'utf8');
    const saved = await Promise.all(
      ['opencx-trainings-plan.json', 'opencx-trainings-report.json']
        .map((name) => path.join(runner, name))
        .filter((file) => existsSync(file))
        .map((file) => readFile(file, 'utf8')),
    );
    return {
      ...result,
      summary,
      outputs: parseOutputs(outputText),
      everything: [result.stdout, result.stderr, summary, outputText, ...saved].join('\n'),
    };
  };
  return {
    env,
    runWith,
    run: (args, event, cwd = project.dir) =>
      runWith((jobEnv) => runCli(['github', ...args, '--no-cache'], { cwd, env: jobEnv }), event),
  };
}

/** The `name<<DELIMITER` entries of a GITHUB_OUTPUT file. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const head = /^([^<]+)<<(.+)$/.exec(lines[i] ?? '');
    if (head === null) continue;
    const end = lines.indexOf(head[2] as string, i + 1);
    outputs[head[1] as string] = lines.slice(i + 1, end).join('\n');
    i = end;
  }
  return outputs;
}
