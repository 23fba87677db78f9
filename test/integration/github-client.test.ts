import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/api/errors.js';
import { GitHubClient, type GitHubClientOptions } from '../../src/github/client.js';
import { GITHUB_TOKEN } from '../helpers/action.js';
import { collect } from '../helpers/client.js';
import { useGitHub, type FakeGitHub } from '../helpers/github-server.js';

const REPO = { owner: 'Codertocat', repo: 'Hello-World' };
const open: GitHubClient[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.close()));
});

/** A client of the stand-in with short backoff, closed after the test. */
function clientOf(github: FakeGitHub, options: Partial<GitHubClientOptions> = {}): GitHubClient {
  const client = new GitHubClient({
    apiUrl: github.url,
    token: GITHUB_TOKEN,
    backoffBaseMs: 1,
    backoffCapMs: 5,
    ...options,
  });
  open.push(client);
  return client;
}

const methods = (github: FakeGitHub): string[] => github.requests.map((r) => r.method);

describe('the GitHub client', () => {
  it('retries a read after a server error, but never a create whose outcome is unknown', async () => {
    const github = await useGitHub({ token: GITHUB_TOKEN });
    const client = clientOf(github);
    github.seedComments(1, ['first']);

    github.failNext(502);
    expect((await collect(client.listIssueComments(REPO, 1))).map((c) => c.body)).toEqual([
      'first',
    ]);
    expect(methods(github)).toEqual(['GET', 'GET']);

    github.requests.length = 0;
    github.failNext(502);
    await expect(client.createIssueComment(REPO, 1, 'plan')).rejects.toMatchObject({
      status: 502,
    });
    expect(methods(github)).toEqual(['POST']);
  });

  it('waits out a rate limit, and gives up at once on a refusal or a limit that resets too late', async () => {
    const github = await useGitHub({ token: GITHUB_TOKEN });
    const client = clientOf(github);

    github.failNext(429, { headers: { 'retry-after': '0' } });
    github.failNext(403, { headers: { 'retry-after': '0' } });
    await client.createIssueComment(REPO, 1, 'plan');
    expect(methods(github)).toEqual(['POST', 'POST', 'POST']);

    github.requests.length = 0;
    const inAnHour = String(Math.floor(Date.now() / 1000) + 3600);
    github.failNext(403, {
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': inAnHour },
    });
    await expect(client.createIssueComment(REPO, 1, 'plan')).rejects.toMatchObject({
      status: 403,
    });
    github.failWrites(403);
    await expect(client.updateIssueComment(REPO, 1000, 'plan')).rejects.toBeInstanceOf(ApiError);
    expect(methods(github)).toEqual(['POST', 'PATCH']);
  });

  it('follows page links only to GITHUB_API_URL, so that the token goes nowhere else', async () => {
    const github = await useGitHub({ token: GITHUB_TOKEN, linkOrigin: 'http://127.0.0.2:9' });
    const client = clientOf(github);
    github.seedComments(
      1,
      Array.from({ length: 101 }, (_, i) => `comment ${i}`),
    );

    await expect(collect(client.listIssueComments(REPO, 1))).rejects.toThrow(
      'GitHub sent a pagination link to another host (http://127.0.0.2:9).',
    );
    expect(github.requests).toHaveLength(1);
  });

  it('refuses plain http to anything but this machine', () => {
    expect(
      () => new GitHubClient({ apiUrl: 'http://github.example', token: GITHUB_TOKEN }),
    ).toThrow(/Refusing plain http:\/\//);
  });
});
