import { ApiError } from '../api/errors.js';
import type { Io } from '../app/io.js';
import { formatAnnotation } from '../render/workflow-commands.js';
import { githubClientOf, type ActionRun } from './run.js';
import { upsertStickyComment, type CommentScope } from './sticky-comment.js';

const TITLE = 'opencx-trainings comment';

/**
 * Put `content` in the sticky comment of the pull request. Where commenting is impossible (no
 * pull request, no token, a read-only token on a fork's pull request) the plan is still in the
 * job summary: a warning says why, and the job goes on. Other failures are thrown, so that a
 * stale comment is never left looking current.
 */
export async function publishComment(
  io: Io,
  run: ActionRun,
  scope: CommentScope,
  content: string,
  { debug }: { debug: boolean },
): Promise<string | undefined> {
  const { event, repository, token } = run.context;
  const warn = (message: string): void =>
    void io.stdout.write(formatAnnotation('warning', message, { title: TITLE }));
  if (event.pullRequest === null) {
    io.stdout.write(`No comment: the "${event.name}" event is not a pull request.\n`);
    return undefined;
  }
  const issue = event.pullRequest.number;
  if (repository === null || token === undefined) {
    warn(
      `Not commenting on pull request #${issue}: ${repository === null ? 'GITHUB_REPOSITORY is not set' : 'no github-token was given'}. The plan is in the job summary.`,
    );
    return undefined;
  }
  const client = githubClientOf(run, token, io, debug);
  try {
    const result = await upsertStickyComment(client, { repository, issue, scope }, content);
    io.stdout.write(
      `Comment ${result.action} on pull request #${issue}: ${result.comment.html_url}\n`,
    );
    return result.comment.html_url;
  } catch (error) {
    // A 403 is also how GitHub says "rate limited": that one is no question of permissions.
    const refused = error instanceof ApiError && !error.rateLimited;
    if (refused && (error.status === 403 || error.status === 404)) {
      warn(
        `Could not comment on pull request #${issue}: ${error.message}. The token has no write access to pull requests: pull requests from forks get a read-only token, and the workflow needs "permissions: pull-requests: write". The plan is in the job summary.`,
      );
      return undefined;
    }
    throw error;
  } finally {
    await client.close();
  }
}
