import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/api/errors.js';
import type { RequestEvent } from '../../src/api/transport.js';
import { GitHubClient, type GitHubClientOptions } from '../../src/github/client.js';
import { GITHUB_TOKEN } from '../helpers/action.js';
import { collect } from '../helpers/client.js';
import { useGitHub, type FakeGitHub } from '../helpers/github-server.js';
import { SteppingClock } from '../helpers/stepping-clock.js';

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
    // The answer said no request is left for an hour: the next call is not even sent.
    await expect(client.updateIssueComment(REPO, 1000, 'plan')).rejects.toThrow(
      /try again after that/,
    );
    expect(methods(github)).toEqual(['POST']);

    const fresh = clientOf(github);
    github.failWrites(403);
    await expect(fresh.updateIssueComment(REPO, 1000, 'plan')).rejects.toBeInstanceOf(ApiError);
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

describe('the GitHub client at the shared HTTP edge', () => {
  const COMMENTS = '/repos/Codertocat/Hello-World/issues/1/comments';

  /** The stand-in, and a client of it on a stepping clock at 2030-01-01T12:00:00Z. */
  async function onTheClock(options: Partial<GitHubClientOptions> = {}) {
    const clock = new SteppingClock(Date.UTC(2030, 0, 1, 12, 0, 0));
    const github = await useGitHub({ token: GITHUB_TOKEN });
    return { clock, github, client: clientOf(github, { clock, ...options }) };
  }

  /** GitHub's headers for an hourly limit spent until `seconds` after `clock`'s time. */
  const spentFor = (clock: SteppingClock, seconds: number) => ({
    'x-ratelimit-remaining': '0',
    'x-ratelimit-reset': String(clock.now() / 1000 + seconds),
  });

  it('reports every attempt for --debug, with the request id GitHub gave it', async () => {
    const github = await useGitHub({ token: GITHUB_TOKEN });
    const events: RequestEvent[] = [];
    const client = clientOf(github, { onRequest: (e) => events.push(e) });
    github.seedComments(1, ['first']);

    github.failNext(502, { headers: { 'x-github-request-id': 'CAFE:0001' } });
    await collect(client.listIssueComments(REPO, 1));
    expect(events).toMatchObject([
      { method: 'GET', path: COMMENTS, attempt: 1, status: 502, requestId: 'CAFE:0001' },
      { method: 'GET', path: COMMENTS, attempt: 2, status: 200, requestId: undefined },
    ]);
    expect(events[0]?.error).toMatch(/^GET \/repos\/.* failed with HTTP 502/);

    github.failNext(422, { headers: { 'x-github-request-id': 'CAFE:0002' } });
    const error = (await client
      .createIssueComment(REPO, 1, 'plan')
      .catch((e: unknown) => e)) as ApiError;
    expect(error).toMatchObject({ status: 422, requestId: 'CAFE:0002' });
    expect(error.message).toContain('(request id CAFE:0002)');
    expect(events.at(-1)).toMatchObject({ method: 'POST', status: 422, requestId: 'CAFE:0002' });
  });

  it('follows every page through its Link, asking for the largest pages', async () => {
    const github = await useGitHub({ token: GITHUB_TOKEN });
    const client = clientOf(github);
    github.seedComments(
      1,
      Array.from({ length: 150 }, (_, i) => `comment ${i}`),
    );
    const bodies = (await collect(client.listIssueComments(REPO, 1))).map((c) => c.body);
    expect(bodies).toEqual(Array.from({ length: 150 }, (_, i) => `comment ${i}`));
    expect(github.requests.map((r) => r.path)).toEqual([
      `${COMMENTS}?per_page=100`,
      `${COMMENTS}?per_page=100&page=2`,
    ]);
  });

  it('backs off and waits out rate limits on the injected clock', async () => {
    const { clock, github, client } = await onTheClock({
      random: () => 0.5,
      backoffBaseMs: 1000,
      backoffCapMs: 1000,
    });

    github.failNext(502);
    await collect(client.listIssueComments(REPO, 1));
    github.failNext(403, { headers: { 'retry-after': '7' } });
    await client.createIssueComment(REPO, 1, 'plan');
    // The hourly limit resets at an epoch second, read against the injected clock's time.
    github.failNext(403, { headers: spentFor(clock, 30) });
    await client.updateIssueComment(REPO, 1000, 'plan v2');

    expect(clock.sleeps).toEqual([500, 7000, 30_000]);
    expect(methods(github)).toEqual(['GET', 'GET', 'POST', 'POST', 'PATCH', 'PATCH']);
  });

  it('fails at once on a limit that resets too late, saying when to try again', async () => {
    const { clock, github, client } = await onTheClock();
    github.failNext(403, { headers: spentFor(clock, 3600) });

    const error = (await client
      .createIssueComment(REPO, 1, 'plan')
      .catch((e: unknown) => e)) as ApiError;
    expect(error.message).toBe(
      `POST ${COMMENTS} was rate limited: the server asks to wait 3600 s (until 2030-01-01T13:00:00Z); try again after that.`,
    );
    expect(error).toMatchObject({ status: 403, rateLimited: true, attempts: 1 });
    expect(clock.sleeps).toEqual([]);
    expect(methods(github)).toEqual(['POST']);
  });

  it('sends nothing more while a spent limit resets later than a minute from now', async () => {
    const { clock, github, client } = await onTheClock();
    github.failNext(403, { headers: spentFor(clock, 180) });

    await expect(client.createIssueComment(REPO, 1, 'plan')).rejects.toThrow(/wait 180 s/);
    // Within the call's deadline, but longer than the client waits: the next call is not sent.
    await expect(client.updateIssueComment(REPO, 1000, 'plan')).rejects.toThrow(
      `PATCH /repos/Codertocat/Hello-World/issues/comments/1000 was rate limited: the server asks to wait 180 s (until 2030-01-01T12:03:00Z); try again after that.`,
    );
    expect(clock.sleeps).toEqual([]);
    expect(methods(github)).toEqual(['POST']);
  });

  it('fails at once on a Retry-After longer than a minute, though the deadline would allow it', async () => {
    const { clock, github, client } = await onTheClock();
    github.failNext(429, { headers: { 'retry-after': '120' } });

    const error = (await client
      .createIssueComment(REPO, 1, 'plan')
      .catch((e: unknown) => e)) as ApiError;
    expect(error.message).toBe(
      `POST ${COMMENTS} was rate limited: the server asks to wait 120 s (until 2030-01-01T12:02:00Z); try again after that.`,
    );
    expect(clock.sleeps).toEqual([]);
    expect(methods(github)).toEqual(['POST']);
  });
});
