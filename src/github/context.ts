import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { nonEmpty } from '../util/env.js';
import { ConfigError } from '../util/errors.js';

const DEFAULT_GITHUB_API_URL = 'https://api.github.com';

/** Events whose payload is a pull request: the plan is commented on it. */
const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);

/** What the action needs from the event that started the workflow. */
export interface GitHubEvent {
  name: string;
  /** The pull request, with the commit it is based on when the payload says (null: unknown). */
  pullRequest: { number: number; headSha: string; baseSha: string | null } | null;
  /** The commit the workflow runs for: the pull request's head, or the pushed commit. */
  sha: string | null;
}

export interface Repository {
  owner: string;
  repo: string;
}

/** The part of the GitHub Actions environment the action reads, gathered in one place. */
export interface GitHubContext {
  event: GitHubEvent;
  repository: Repository | null;
  apiUrl: string;
  /** For the comment; absent when the workflow passed none. */
  token: string | undefined;
  summaryFile: string | undefined;
  outputFile: string | undefined;
  /** The repository's checkout: annotation paths are relative to it. */
  workspace: string | undefined;
  /** Where to keep files for later steps of the job (the saved plan and report). */
  tempDir: string | undefined;
  runUrl: string | undefined;
  /** The branch the workflow runs on (from GITHUB_REF), or undefined for a tag or a merge ref. */
  branch: string | undefined;
  /** The running workflow: its name, and its page on GitHub when known. */
  workflow: { name: string; url: string | undefined } | undefined;
}

// Only the fields used are checked, and the rest is let through: payloads grow over time.
const pullRequestPayload = z.looseObject({
  pull_request: z.looseObject({
    number: z.number().int().positive(),
    head: z.looseObject({ sha: z.string() }),
    base: z.looseObject({ sha: z.string() }).optional(),
  }),
});
const pushPayload = z.looseObject({ after: z.string() });
const repositoryPayload = z.looseObject({
  repository: z.looseObject({ full_name: z.string() }),
});

type Env = Readonly<Record<string, string | undefined>>;

/** The event, from its name and payload. Pure; a payload of an unknown shape has no pull request. */
export function parseEvent(name: string, payload: unknown, fallbackSha?: string): GitHubEvent {
  if (PULL_REQUEST_EVENTS.has(name)) {
    const parsed = pullRequestPayload.safeParse(payload);
    if (parsed.success) {
      const { number, head, base } = parsed.data.pull_request;
      const pullRequest = { number, headSha: head.sha, baseSha: base?.sha ?? null };
      return { name, pullRequest, sha: head.sha };
    }
  }
  const push = pushPayload.safeParse(payload);
  return { name, pullRequest: null, sha: push.success ? push.data.after : (fallbackSha ?? null) };
}

export function isPullRequestEvent(name: string): boolean {
  return PULL_REQUEST_EVENTS.has(name);
}

/** `owner/repo` from GITHUB_REPOSITORY, else from the payload. */
export function parseRepository(value: string | undefined, payload: unknown): Repository | null {
  const full =
    value !== undefined && value !== ''
      ? value
      : repositoryPayload.safeParse(payload).data?.repository.full_name;
  const match = full === undefined ? null : /^([^/\s]+)\/([^/\s]+)$/.exec(full);
  return match === null ? null : { owner: match[1] as string, repo: match[2] as string };
}

/** Read the environment and the event payload file that GitHub Actions provides. */
export async function readGitHubContext(env: Env): Promise<GitHubContext> {
  const name = nonEmpty(env.GITHUB_EVENT_NAME) ?? 'local';
  const payload = await readPayload(nonEmpty(env.GITHUB_EVENT_PATH));
  const repository = parseRepository(nonEmpty(env.GITHUB_REPOSITORY), payload);
  const server = nonEmpty(env.GITHUB_SERVER_URL);
  const runId = nonEmpty(env.GITHUB_RUN_ID);
  return {
    event: parseEvent(name, payload, nonEmpty(env.GITHUB_SHA)),
    repository,
    apiUrl: nonEmpty(env.GITHUB_API_URL) ?? DEFAULT_GITHUB_API_URL,
    token: nonEmpty(env.GITHUB_TOKEN?.trim()),
    summaryFile: nonEmpty(env.GITHUB_STEP_SUMMARY),
    outputFile: nonEmpty(env.GITHUB_OUTPUT),
    workspace: nonEmpty(env.GITHUB_WORKSPACE),
    tempDir: nonEmpty(env.RUNNER_TEMP),
    runUrl:
      server !== undefined && repository !== null && runId !== undefined
        ? `${server}/${repository.owner}/${repository.repo}/actions/runs/${runId}`
        : undefined,
    branch: /^refs\/heads\/(.+)$/.exec(env.GITHUB_REF ?? '')?.[1],
    workflow: workflowOf(env, server, repository),
  };
}

/**
 * The workflow's name (GITHUB_WORKFLOW) and page. GITHUB_WORKFLOW_REF reads
 * `owner/repo/.github/workflows/<file>@<ref>`; the page of a workflow is named by its file.
 */
function workflowOf(
  env: Env,
  server: string | undefined,
  repository: Repository | null,
): GitHubContext['workflow'] {
  const name = nonEmpty(env.GITHUB_WORKFLOW);
  if (name === undefined) return undefined;
  const file = /\/\.github\/workflows\/([^/@]+)@/.exec(env.GITHUB_WORKFLOW_REF ?? '')?.[1];
  const url =
    server !== undefined && repository !== null && file !== undefined
      ? `${server}/${repository.owner}/${repository.repo}/actions/workflows/${file}`
      : undefined;
  return { name, url };
}

/**
 * The working directory as seen from the repository root (`.` at the root). Annotations need
 * paths from the root, and the comment marker tells apart actions run in different folders.
 */
export function directoryInWorkspace(context: GitHubContext, cwd: string): string {
  if (context.workspace === undefined) return '.';
  const relative = path.relative(context.workspace, cwd).split(path.sep).join('/');
  return relative === '' || relative.startsWith('..') ? '.' : relative;
}

/** A path relative to the working directory, from the repository root instead. */
export function pathFromRoot(file: string, directory: string): string {
  return directory === '.' ? file : `${directory}/${file}`;
}

async function readPayload(file: string | undefined): Promise<unknown> {
  if (file === undefined) return undefined;
  try {
    return JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch (error) {
    throw new ConfigError(
      `Cannot read the event payload ${file} (GITHUB_EVENT_PATH): ${(error as Error).message}`,
    );
  }
}
