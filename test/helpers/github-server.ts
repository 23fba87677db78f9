import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createHash, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';

/** A request as the stand-in received it. */
export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. `/repos/o/r/issues/1/comments?per_page=100`. */
  path: string;
  body: unknown;
  /** Whether the Authorization header carried the expected token. */
  authorized: boolean;
}

export interface StoredComment {
  id: number;
  issue: number;
  body: string;
  html_url: string;
  user: { login: string };
}

export interface StoredDeployment {
  id: number;
  ref: string;
  environment: string;
  description: string;
  statuses: { state: string; description: string; log_url?: string }[];
}

export interface StoredIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  html_url: string;
}

export interface StoredPull {
  number: number;
  title: string;
  body: string;
  head: string;
  base: string;
  state: 'open' | 'closed';
  html_url: string;
}

/** A commit of the stand-in's object store, its tree as the files it holds. */
export interface StoredCommit {
  sha: string;
  message: string;
  parents: string[];
  files: Record<string, string>;
}

export interface FakeGitHub {
  /** `http://127.0.0.1:<port>`: the GITHUB_API_URL of the tests. */
  url: string;
  requests: RecordedRequest[];
  /** The comments of every issue, in creation order. */
  comments: StoredComment[];
  /** The deployments created, with their statuses in order. */
  deployments: StoredDeployment[];
  /** The issues created (numbers from 100; pull requests are 1 to 99). */
  issues: StoredIssue[];
  /** The pull requests opened through the API (numbers from 50). */
  pulls: StoredPull[];
  /** A commit the repository has, with the files of its tree (paths from the root). */
  seedCommit(sha: string, files: Record<string, string>, message?: string): void;
  /** Point a branch at a commit, as a push does. */
  setBranch(branch: string, sha: string): void;
  /** The commit a branch points to, or undefined. */
  headOf(branch: string): StoredCommit | undefined;
  commentsOf(issue: number): StoredComment[];
  /** Comments by others (people, other bots), as already on the pull request. */
  seedComments(issue: number, bodies: readonly string[]): void;
  /** The pull requests GitHub names for a commit (GET /commits/{sha}/pulls): merged ones. */
  mergedAs(sha: string, pullRequest: number): void;
  /** Answer writes (POST, PATCH) with this status, as GitHub does for a read-only token. */
  failWrites(status: number | null): void;
  /** Answer every request of this method whose path (below the repository) matches, as GitHub refuses it. */
  refuse(method: string, route: RegExp, status: number, message: string): void;
  /** Answer the next `times` requests with this status and headers (a 502, a rate limit). */
  failNext(status: number, options?: { times?: number; headers?: Record<string, string> }): void;
}

const running: { close: () => Promise<void> }[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

/**
 * A stand-in for the GitHub REST API on 127.0.0.1, stopped after the test: issue comments,
 * issues, deployments, the pull requests of a commit, and the git data (commits, trees, branch
 * refs) and pull requests that an adopt writes. It
 * records every request, pages lists as GitHub does (`per_page`, `page`, a `Link` header with
 * absolute URLs) and can refuse writes like a fork's read-only token.
 */
export async function useGitHub(options: {
  token: string;
  maxPerPage?: number;
  /** The origin of the page links; another host's, to check that the client refuses them. */
  linkOrigin?: string;
}): Promise<FakeGitHub> {
  const maxPerPage = options.maxPerPage ?? 100;
  const comments: StoredComment[] = [];
  const deployments: StoredDeployment[] = [];
  const merges = new Map<string, number>();
  const issues: StoredIssue[] = [];
  const pulls: StoredPull[] = [];
  const commits = new Map<string, StoredCommit>();
  const trees = new Map<string, Record<string, string>>();
  const branches = new Map<string, string>();
  const requests: RecordedRequest[] = [];
  let failWrites: number | null = null;
  const failures: { status: number; headers: Record<string, string> }[] = [];
  const refusals: { method: string; route: RegExp; status: number; message: string }[] = [];
  let nextId = 1000;
  let url = '';

  const add = (issue: number, body: string, login: string): StoredComment => {
    const id = nextId++;
    const comment = {
      id,
      issue,
      body,
      html_url: `https://github.test/o/r/pull/${issue}#issuecomment-${id}`,
      user: { login },
    };
    comments.push(comment);
    return comment;
  };

  const newSha = (): string => randomBytes(20).toString('hex');
  // Trees are content-addressed, as in git: the same files make the same tree.
  const treeOf = (files: Record<string, string>): string => {
    const sorted = Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1));
    const sha = createHash('sha1').update(JSON.stringify(sorted)).digest('hex');
    if (!trees.has(sha)) trees.set(sha, files);
    return sha;
  };
  const gitCommit = (c: StoredCommit) => ({
    sha: c.sha,
    message: c.message,
    tree: { sha: treeOf(c.files) },
    parents: c.parents.map((sha) => ({ sha })),
  });

  /** The git data and pull request endpoints, or undefined when the path is none of them. */
  const git = (method: string, route: string, body: unknown, search: URLSearchParams) => {
    const commit = /^\/git\/commits\/([0-9a-f]+)$/.exec(route);
    if (commit !== null && method === 'GET') {
      const found = commits.get(commit[1] ?? '');
      return found === undefined ? [404, { message: 'Not Found' }] : [200, gitCommit(found)];
    }
    if (route === '/git/trees' && method === 'POST') {
      const { base_tree, tree } = body as {
        base_tree: string;
        tree: { path: string; content?: string; sha?: null }[];
      };
      const base = trees.get(base_tree);
      if (base === undefined) return [422, { message: 'Invalid tree info' }];
      const files = { ...base };
      for (const entry of tree) {
        if (entry.content === undefined) delete files[entry.path];
        else files[entry.path] = entry.content;
      }
      return [201, { sha: treeOf(files) }];
    }
    if (route === '/git/commits' && method === 'POST') {
      const { message, tree, parents } = body as {
        message: string;
        tree: string;
        parents: string[];
      };
      const files = trees.get(tree);
      if (files === undefined || parents.some((p) => !commits.has(p)))
        return [422, { message: 'Tree SHA does not exist' }];
      const made = { sha: newSha(), message, parents, files: { ...files } };
      commits.set(made.sha, made);
      return [201, gitCommit(made)];
    }
    const ref = /^\/git\/ref\/heads\/(.+)$/.exec(route);
    if (ref !== null && method === 'GET') {
      const branch = decodeURIComponent(ref[1] ?? '');
      const sha = branches.get(branch);
      return sha === undefined
        ? [404, { message: 'Not Found' }]
        : [200, { ref: `refs/heads/${branch}`, object: { sha, type: 'commit' } }];
    }
    if (route === '/git/refs' && method === 'POST') {
      const { ref: name, sha } = body as { ref: string; sha: string };
      const branch = name.replace(/^refs\/heads\//, '');
      if (branches.has(branch)) return [422, { message: 'Reference already exists' }];
      branches.set(branch, sha);
      return [201, { ref: name, object: { sha } }];
    }
    const move = /^\/git\/refs\/heads\/(.+)$/.exec(route);
    if (move !== null && method === 'PATCH') {
      const branch = decodeURIComponent(move[1] ?? '');
      if (!branches.has(branch)) return [422, { message: 'Reference does not exist' }];
      branches.set(branch, (body as { sha: string }).sha);
      return [200, { ref: `refs/heads/${branch}`, object: { sha: branches.get(branch) } }];
    }
    if (route === '/pulls' && method === 'GET') {
      const head = search.get('head')?.replace(/^[^:]+:/, '');
      const base = search.get('base');
      return [
        200,
        pulls.filter(
          (p) =>
            p.state === (search.get('state') ?? 'open') &&
            (head === undefined || p.head === head) &&
            (base === null || p.base === base),
        ),
      ];
    }
    if (route === '/pulls' && method === 'POST') {
      const {
        title,
        body: text,
        head,
        base,
      } = body as Omit<StoredPull, 'number' | 'state' | 'html_url'>;
      if (!branches.has(head)) return [422, { message: `No commits between ${base} and ${head}` }];
      const number = 50 + pulls.length;
      const pull: StoredPull = {
        number,
        title,
        body: text,
        head,
        base,
        state: 'open',
        html_url: `https://github.test/o/r/pull/${number}`,
      };
      pulls.push(pull);
      return [201, pull];
    }
    const edit = /^\/pulls\/(\d+)$/.exec(route);
    const pull = pulls.find((p) => p.number === Number(edit?.[1]));
    if (pull !== undefined && method === 'PATCH') {
      Object.assign(pull, body);
      return [200, pull];
    }
    return undefined;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body: unknown = text === '' ? undefined : JSON.parse(text);
    const method = req.method ?? 'GET';
    const target = new URL(req.url ?? '/', url);
    const authorized = req.headers.authorization === `Bearer ${options.token}`;
    requests.push({ method, path: `${target.pathname}${target.search}`, body, authorized });
    const send = (status: number, json: unknown, headers: Record<string, string> = {}): void => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(JSON.stringify(json));
    };
    if (!authorized) return send(401, { message: 'Bad credentials' });
    const failure = failures.shift();
    if (failure !== undefined)
      return send(failure.status, { message: 'Failure on request' }, failure.headers);
    if (method !== 'GET' && failWrites !== null) {
      return send(failWrites, {
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest/issues/comments',
        status: String(failWrites),
      });
    }
    const route = /^\/repos\/[^/]+\/[^/]+(\/.*)$/.exec(target.pathname)?.[1] ?? '';
    const refusal = refusals.find((r) => r.method === method && r.route.test(route));
    if (refusal !== undefined) return send(refusal.status, { message: refusal.message });
    const answer = git(method, route, body, target.searchParams);
    if (answer !== undefined) return send(answer[0] as number, answer[1]);
    const list = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/.exec(target.pathname);
    const one = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(target.pathname);
    if (list !== null && method === 'GET') {
      const issue = Number(list[1]);
      const all = comments.filter((c) => c.issue === issue);
      const perPage = Math.min(maxPerPage, Number(target.searchParams.get('per_page') ?? 30));
      const page = Number(target.searchParams.get('page') ?? 1);
      const last = Math.max(1, Math.ceil(all.length / perPage));
      const link = (n: number, rel: string) =>
        `<${options.linkOrigin ?? url}${target.pathname}?per_page=${perPage}&page=${n}>; rel="${rel}"`;
      const links = [
        ...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : []),
        ...(page > 1 ? [link(1, 'first'), link(page - 1, 'prev')] : []),
      ];
      return send(
        200,
        all.slice((page - 1) * perPage, page * perPage),
        links.length > 0 ? { link: links.join(', ') } : {},
      );
    }
    if (list !== null && method === 'POST') {
      return send(
        201,
        add(Number(list[1]), (body as { body: string }).body, 'github-actions[bot]'),
      );
    }
    if (/^\/repos\/[^/]+\/[^/]+\/issues$/.test(target.pathname)) {
      if (method === 'GET') {
        const state = target.searchParams.get('state') ?? 'open';
        return send(200, state === 'all' ? issues : issues.filter((i) => i.state === state));
      }
      const { title, body: text } = body as { title: string; body: string };
      const number = 100 + issues.length;
      const issue: StoredIssue = {
        number,
        title,
        body: text,
        state: 'open',
        html_url: `https://github.test/o/r/issues/${number}`,
      };
      issues.push(issue);
      return send(201, issue);
    }
    const editIssue = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)$/.exec(target.pathname);
    const issue = issues.find((i) => i.number === Number(editIssue?.[1]));
    if (issue !== undefined && method === 'PATCH') {
      Object.assign(issue, body);
      return send(200, issue);
    }
    const pulls = /^\/repos\/[^/]+\/[^/]+\/commits\/([0-9a-f]+)\/pulls$/.exec(target.pathname);
    if (pulls !== null && method === 'GET') {
      const sha = pulls[1] ?? '';
      const number = merges.get(sha);
      return send(
        200,
        number === undefined
          ? []
          : [{ number, merged_at: '2026-11-30T08:00:00Z', merge_commit_sha: sha, state: 'closed' }],
      );
    }
    if (/^\/repos\/[^/]+\/[^/]+\/deployments$/.test(target.pathname) && method === 'POST') {
      const { ref, environment, description } = body as Omit<StoredDeployment, 'id' | 'statuses'>;
      const deployment = { id: nextId++, ref, environment, description, statuses: [] };
      deployments.push(deployment);
      return send(201, deployment);
    }
    const status = /^\/repos\/[^/]+\/[^/]+\/deployments\/(\d+)\/statuses$/.exec(target.pathname);
    const deployment = deployments.find((d) => d.id === Number(status?.[1]));
    if (deployment !== undefined && method === 'POST') {
      deployment.statuses.push(body as StoredDeployment['statuses'][number]);
      return send(201, { id: nextId++, ...(body as object) });
    }
    const found = one === null ? undefined : comments.find((c) => c.id === Number(one[1]));
    if (found !== undefined && method === 'PATCH') {
      found.body = (body as { body: string }).body;
      return send(200, found);
    }
    send(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  running.push({
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
  return {
    url,
    requests,
    comments,
    deployments,
    issues,
    pulls,
    seedCommit: (sha, files, message = 'A commit') => {
      commits.set(sha, { sha, message, parents: [], files: { ...files } });
      treeOf(files);
    },
    setBranch: (branch, sha) => {
      branches.set(branch, sha);
    },
    headOf: (branch) => commits.get(branches.get(branch) ?? ''),
    commentsOf: (issue) => comments.filter((c) => c.issue === issue),
    seedComments: (issue, bodies) => {
      for (const body of bodies) add(issue, body, 'a-reviewer');
    },
    mergedAs: (sha, pullRequest) => {
      merges.set(sha, pullRequest);
    },
    failWrites: (status) => {
      failWrites = status;
    },
    refuse: (method, route, status, message) => {
      refusals.push({ method, route, status, message });
    },
    failNext: (status, { times = 1, headers = {} } = {}) => {
      for (let i = 0; i < times; i++) failures.push({ status, headers });
    },
  };
}
