import { z } from 'zod';
import { ApiError } from '../api/errors.js';
import { parseRetryAfter } from '../api/retry-after.js';
import { headerValue, type ResponseHeaders } from '../api/response-headers.js';
import {
  Transport,
  type CallSpec,
  type RateLimit,
  type Service,
  type TransportOptions,
} from '../api/transport.js';
import type { Repository } from './context.js';
import { nextPageUrl } from './link-header.js';

/** The REST API version the calls below are written against. */
const GITHUB_API_VERSION = '2022-11-28';
const GITHUB_PAGE_SIZE = 100;
/** A pull request with more comments than this many pages is not searched further. */
const MAX_COMMENT_PAGES = 50;
/**
 * A rate limit that lifts later than this fails the call at once: the plan is in the job
 * summary already, and a job waiting for the hourly limit to reset would hold its runner.
 */
const MAX_RATE_LIMIT_WAIT_MS = 60_000;

const commentSchema = z.looseObject({
  id: z.number().int(),
  body: z.string().nullish(),
  html_url: z.string(),
});
export type IssueComment = z.infer<typeof commentSchema>;

const deploymentSchema = z.looseObject({ id: z.number().int() });
const issueSchema = z.looseObject({
  number: z.number().int(),
  title: z.string(),
  body: z.string().nullish(),
  html_url: z.string(),
  state: z.string(),
  pull_request: z.unknown().optional(),
});
export type Issue = z.infer<typeof issueSchema>;
const pullOfCommitSchema = z.looseObject({
  number: z.number().int(),
  merged_at: z.string().nullish(),
  merge_commit_sha: z.string().nullish(),
});
export type PullRequestOfCommit = z.infer<typeof pullOfCommitSchema>;

const shaSchema = z.looseObject({ sha: z.string() });
const gitCommitSchema = z.looseObject({
  sha: z.string(),
  message: z.string(),
  tree: shaSchema,
});
export type GitCommit = z.infer<typeof gitCommitSchema>;
const refSchema = z.looseObject({ ref: z.string(), object: shaSchema });
const pullSchema = z.looseObject({ number: z.number().int(), html_url: z.string() });
export type PullRequest = z.infer<typeof pullSchema>;

/** A file of a new tree: its text, or null to remove it. Paths are from the repository root. */
export interface TreeChange {
  path: string;
  text: string | null;
}

/** The states a deployment's status may take (those this tool writes). */
export type DeploymentState = 'in_progress' | 'success' | 'failure' | 'error';

export interface GitHubClientOptions extends Omit<
  TransportOptions,
  'baseUrl' | 'requestsPerMinute'
> {
  /** GITHUB_API_URL: https, or http to this machine only (a test server). */
  apiUrl: string;
}

/** A page of a list: its path below the API URL and its query. */
type Page = Pick<CallSpec<unknown>, 'path' | 'query'>;

/** The GitHub REST API at the HTTP edge. */
const GITHUB: Service = {
  headers: { accept: 'application/vnd.github+json', 'x-github-api-version': GITHUB_API_VERSION },
  requestIdHeader: 'x-github-request-id',
  readRateLimit,
};

/**
 * The few GitHub REST calls the action makes: comments, issues, deployments, and the commit,
 * branch and pull request that adopt a drift. They go through the same HTTP edge as the OpenCX
 * client: its scheduler, retry policy, debug events and redaction of the token.
 */
export class GitHubClient {
  private readonly transport: Transport;
  private readonly apiUrl: URL;

  constructor({ apiUrl, ...options }: GitHubClientOptions) {
    // GitHub has no per-minute budget to keep; its limits are read from its answers.
    this.transport = new Transport(
      {
        maxAttempts: 4,
        concurrency: 2,
        maxWaitMs: MAX_RATE_LIMIT_WAIT_MS,
        ...options,
        baseUrl: apiUrl,
        requestsPerMinute: null,
      },
      GITHUB,
    );
    this.apiUrl = new URL(apiUrl);
  }

  close(): Promise<void> {
    return this.transport.close();
  }

  /** Every comment of an issue or pull request, oldest first, following the `Link` pages. */
  async *listIssueComments(repo: Repository, issue: number): AsyncGenerator<IssueComment> {
    let page: Page | undefined = {
      path: `${repoPath(repo)}/issues/${issue}/comments`,
      query: { per_page: GITHUB_PAGE_SIZE },
    };
    for (let n = 1; page !== undefined && n <= MAX_COMMENT_PAGES; n++) {
      const answer = await this.transport.request({
        method: 'GET',
        ...page,
        schema: z.array(commentSchema),
        idempotent: true,
      });
      yield* answer.data;
      page = this.nextPage(answer.headers);
    }
  }

  async createIssueComment(repo: Repository, issue: number, body: string): Promise<IssueComment> {
    const answer = await this.transport.request({
      method: 'POST',
      path: `${repoPath(repo)}/issues/${issue}/comments`,
      body: { body },
      schema: commentSchema,
      idempotent: false,
    });
    return answer.data;
  }

  async updateIssueComment(repo: Repository, id: number, body: string): Promise<IssueComment> {
    const answer = await this.transport.request({
      method: 'PATCH',
      path: `${repoPath(repo)}/issues/comments/${id}`,
      body: { body },
      schema: commentSchema,
      idempotent: true,
    });
    return answer.data;
  }

  /** The open issues of the repository (pull requests left out), following the `Link` pages. */
  async *listOpenIssues(repo: Repository): AsyncGenerator<Issue> {
    let page: Page | undefined = {
      path: `${repoPath(repo)}/issues`,
      query: { state: 'open', per_page: GITHUB_PAGE_SIZE },
    };
    for (let n = 1; page !== undefined && n <= MAX_COMMENT_PAGES; n++) {
      const answer = await this.transport.request({
        method: 'GET',
        ...page,
        schema: z.array(issueSchema),
        idempotent: true,
      });
      yield* answer.data.filter((issue) => issue.pull_request == null);
      page = this.nextPage(answer.headers);
    }
  }

  async createIssue(repo: Repository, issue: { title: string; body: string }): Promise<Issue> {
    const answer = await this.transport.request({
      method: 'POST',
      path: `${repoPath(repo)}/issues`,
      body: issue,
      schema: issueSchema,
      idempotent: false,
    });
    return answer.data;
  }

  async updateIssue(
    repo: Repository,
    number: number,
    change: { title?: string; body?: string; state?: 'open' | 'closed' },
  ): Promise<Issue> {
    const answer = await this.transport.request({
      method: 'PATCH',
      path: `${repoPath(repo)}/issues/${number}`,
      body: change,
      schema: issueSchema,
      idempotent: true,
    });
    return answer.data;
  }

  /** The pull requests a commit belongs to (for a merge commit, the one merged). */
  async listPullRequestsOfCommit(repo: Repository, sha: string): Promise<PullRequestOfCommit[]> {
    const answer = await this.transport.request({
      method: 'GET',
      path: `${repoPath(repo)}/commits/${sha}/pulls`,
      schema: z.array(pullOfCommitSchema),
      idempotent: true,
    });
    return answer.data;
  }

  /**
   * A deployment of `ref` to `environment`: the record on GitHub of what was applied where and
   * when. Neither merged into the ref nor held back by its checks: it records, never deploys.
   */
  async createDeployment(
    repo: Repository,
    deployment: { ref: string; environment: string; description: string },
  ): Promise<{ id: number }> {
    const answer = await this.transport.request({
      method: 'POST',
      path: `${repoPath(repo)}/deployments`,
      body: { ...deployment, auto_merge: false, required_contexts: [] },
      schema: deploymentSchema,
      idempotent: false,
    });
    return answer.data;
  }

  async createDeploymentStatus(
    repo: Repository,
    id: number,
    status: { state: DeploymentState; description: string; log_url?: string | undefined },
  ): Promise<void> {
    await this.transport.request({
      method: 'POST',
      path: `${repoPath(repo)}/deployments/${id}/statuses`,
      body: status,
      schema: z.looseObject({}),
      idempotent: false,
    });
  }

  async getCommit(repo: Repository, sha: string): Promise<GitCommit> {
    const answer = await this.transport.request({
      method: 'GET',
      path: `${repoPath(repo)}/git/commits/${encodeURIComponent(sha)}`,
      schema: gitCommitSchema,
      idempotent: true,
    });
    return answer.data;
  }

  /** The commit a branch points to, or undefined when there is no such branch. */
  async getBranchHead(repo: Repository, branch: string): Promise<string | undefined> {
    try {
      const answer = await this.transport.request({
        method: 'GET',
        path: `${repoPath(repo)}/git/ref/${refPath(branch)}`,
        schema: refSchema,
        idempotent: true,
      });
      return answer.data.object.sha;
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return undefined;
      throw error;
    }
  }

  /**
   * A commit of `changes` on top of `parent`, on no branch yet: one tree from the parent's,
   * then the commit. Both are content-addressed, so a retried call only leaves an unused copy.
   */
  async createCommit(
    repo: Repository,
    commit: { parent: GitCommit; changes: readonly TreeChange[]; message: string },
  ): Promise<{ sha: string; tree: string }> {
    const tree = await this.transport.request({
      method: 'POST',
      path: `${repoPath(repo)}/git/trees`,
      body: {
        base_tree: commit.parent.tree.sha,
        tree: commit.changes.map((c) =>
          c.text === null
            ? { path: c.path, mode: '100644', type: 'blob', sha: null }
            : { path: c.path, mode: '100644', type: 'blob', content: c.text },
        ),
      },
      schema: shaSchema,
      idempotent: true,
    });
    const made = await this.transport.request({
      method: 'POST',
      path: `${repoPath(repo)}/git/commits`,
      body: { message: commit.message, tree: tree.data.sha, parents: [commit.parent.sha] },
      schema: shaSchema,
      idempotent: true,
    });
    return { sha: made.data.sha, tree: tree.data.sha };
  }

  async createBranch(repo: Repository, branch: string, sha: string): Promise<void> {
    await this.transport.request({
      method: 'POST',
      path: `${repoPath(repo)}/git/refs`,
      body: { ref: `refs/heads/${branch}`, sha },
      schema: z.looseObject({}),
      idempotent: false,
    });
  }

  /** Point a branch at `sha`, whatever it pointed to (the caller checked it may). */
  async moveBranch(repo: Repository, branch: string, sha: string): Promise<void> {
    await this.transport.request({
      method: 'PATCH',
      path: `${repoPath(repo)}/git/refs/${refPath(branch)}`,
      body: { sha, force: true },
      schema: z.looseObject({}),
      idempotent: true,
    });
  }

  /** The open pull request from `branch` (of this repository) into `base`, if there is one. */
  async findOpenPullRequest(
    repo: Repository,
    branch: string,
    base: string,
  ): Promise<PullRequest | undefined> {
    const answer = await this.transport.request({
      method: 'GET',
      path: `${repoPath(repo)}/pulls`,
      query: { state: 'open', head: `${repo.owner}:${branch}`, base },
      schema: z.array(pullSchema),
      idempotent: true,
    });
    return answer.data[0];
  }

  async createPullRequest(
    repo: Repository,
    pull: { title: string; body: string; head: string; base: string },
  ): Promise<PullRequest> {
    const answer = await this.transport.request({
      method: 'POST',
      path: `${repoPath(repo)}/pulls`,
      body: pull,
      schema: pullSchema,
      idempotent: false,
    });
    return answer.data;
  }

  async updatePullRequest(
    repo: Repository,
    number: number,
    change: { title: string; body: string },
  ): Promise<PullRequest> {
    const answer = await this.transport.request({
      method: 'PATCH',
      path: `${repoPath(repo)}/pulls/${number}`,
      body: change,
      schema: pullSchema,
      idempotent: true,
    });
    return answer.data;
  }

  /**
   * The page the `Link` header names next, below the API URL. A link anywhere else is refused:
   * the token must only ever be sent to GITHUB_API_URL.
   */
  private nextPage(headers: ResponseHeaders): Page | undefined {
    const link = nextPageUrl(headerValue(headers, 'link'));
    if (link === undefined) return undefined;
    const url = new URL(link, this.apiUrl);
    const base = this.apiUrl.pathname.replace(/\/+$/, '');
    const refuse = (where: string) =>
      new ApiError(`GitHub sent a pagination link ${where}.`, {
        method: 'GET',
        path: url.pathname,
      });
    if (url.origin !== this.apiUrl.origin) throw refuse(`to another host (${url.origin})`);
    if (!url.pathname.startsWith(`${base}/`)) throw refuse(`outside ${this.apiUrl.href}`);
    return {
      path: url.pathname.slice(base.length),
      query: Object.fromEntries(url.searchParams),
    };
  }
}

/**
 * GitHub answers a rate limit with 429, or with 403 and `Retry-After` (secondary limits) or
 * `x-ratelimit-remaining: 0` (the hourly limit, which resets at `x-ratelimit-reset`, in epoch
 * seconds).
 */
function readRateLimit(status: number, headers: ResponseHeaders, now: number): RateLimit {
  const retryAfter = parseRetryAfter(headerValue(headers, 'retry-after'), now);
  const exhausted = headerValue(headers, 'x-ratelimit-remaining') === '0';
  const reset = Number(headerValue(headers, 'x-ratelimit-reset'));
  const untilReset = exhausted && reset > 0 ? Math.max(0, reset * 1000 - now) : undefined;
  return {
    rateLimited: status === 429 || (status === 403 && (retryAfter !== undefined || exhausted)),
    retryAfterMs: retryAfter ?? untilReset,
  };
}

/** `heads/<branch>`, each part of the name encoded and its slashes kept, as the git API wants. */
function refPath(branch: string): string {
  return `heads/${branch.split('/').map(encodeURIComponent).join('/')}`;
}

function repoPath(repo: Repository): string {
  return `/repos/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.repo)}`;
}
