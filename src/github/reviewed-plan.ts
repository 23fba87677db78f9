import { z } from 'zod';
import type { Io } from '../app/io.js';
import type { Plan } from '../reconcile/plan-types.js';
import { compareWithReview } from '../reconcile/review-record.js';
import { reviewRecordJson } from '../render/github-markdown.js';
import { UserFacingError } from '../util/errors.js';
import { githubClientOf, type ActionRun } from './run.js';
import { commentMarker, findStickyComment, type CommentScope } from './sticky-comment.js';

/** What the merge's plan is, next to the plan last shown on its pull request. */
export type ReviewOutcome =
  | { kind: 'same'; pullRequest: number }
  | { kind: 'differs'; pullRequest: number; differences: string[] }
  | { kind: 'unknown'; reason: string };

const recordSchema = z.looseObject({
  format: z.literal(1),
  head: z.string().nullable(),
  base: z.string().nullable(),
  remote_fingerprint: z.string(),
  source_fingerprint: z.string(),
  count: z.number().int().min(0),
  digest: z.string(),
  actions: z.array(z.string()).nullable(),
});

/**
 * Find the pull request the pushed commit came from, the plan comment of this scope on it, and
 * the review record in that comment; then compare the plan about to be applied with it. Any
 * step that finds nothing (a direct push, no token, no comment) says so instead.
 */
export async function compareWithReviewedPlan(
  io: Io,
  run: ActionRun,
  scope: CommentScope,
  plan: Plan,
  { debug }: { debug: boolean },
): Promise<ReviewOutcome> {
  const { repository, token, event } = run.context;
  if (repository === null || token === undefined || event.sha === null) {
    return { kind: 'unknown', reason: 'no token or commit to find the pull request with' };
  }
  const client = githubClientOf(run, token, io, debug);
  try {
    const pulls = await client.listPullRequestsOfCommit(repository, event.sha);
    const merged =
      pulls.find((p) => p.merge_commit_sha === event.sha) ??
      pulls.find((p) => p.merged_at != null) ??
      pulls[0];
    if (merged === undefined) {
      return {
        kind: 'unknown',
        reason: `commit ${event.sha.slice(0, 7)} came from no pull request`,
      };
    }
    const comments = [];
    for await (const c of client.listIssueComments(repository, merged.number)) comments.push(c);
    const comment = findStickyComment(comments, commentMarker(scope));
    const parsed = recordSchema.safeParse(reviewRecordJson(comment?.body ?? ''));
    if (!parsed.success) {
      return {
        kind: 'unknown',
        reason: `pull request #${merged.number} shows no plan of this tool for this target`,
      };
    }
    const differences = compareWithReview(parsed.data, plan);
    return differences.length === 0
      ? { kind: 'same', pullRequest: merged.number }
      : { kind: 'differs', pullRequest: merged.number, differences };
  } catch (error) {
    // A check that cannot be made is said, never a reason to leave the merge unapplied.
    if (!(error instanceof UserFacingError)) throw error;
    return { kind: 'unknown', reason: `GitHub could not be asked (${error.message})` };
  } finally {
    await client.close();
  }
}

/** Tell the pull request that what is applied is not what it showed. */
export async function commentPlanChanged(
  io: Io,
  run: ActionRun,
  pullRequest: number,
  body: string,
  { debug }: { debug: boolean },
): Promise<void> {
  const { repository, token } = run.context;
  if (repository === null || token === undefined) return;
  const client = githubClientOf(run, token, io, debug);
  try {
    await client.createIssueComment(repository, pullRequest, body);
  } finally {
    await client.close();
  }
}
