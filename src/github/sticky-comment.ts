import type { GitHubClient, IssueComment } from './client.js';
import type { Repository } from './context.js';

/** What one sticky comment stands for: one target planned from one folder of the repository. */
export interface CommentScope {
  target: string;
  /** The working directory from the repository root; `.` for the root. */
  directory: string;
}

/**
 * The hidden first line that identifies our comment among the others of a pull request. Two
 * targets, or two folders of one repository, each get their own comment.
 */
export function commentMarker(scope: CommentScope): string {
  return `<!-- opencx-trainings:plan target=${markerValue(scope.target)} working-directory=${markerValue(scope.directory)} -->`;
}

/**
 * The comment that starts with the marker. Starting with it, not just containing it, keeps a
 * reply that quotes our comment from being taken for it. The oldest wins if there are several.
 */
export function findStickyComment(
  comments: Iterable<IssueComment>,
  marker: string,
): IssueComment | undefined {
  for (const comment of comments) {
    if ((comment.body ?? '').trimStart().startsWith(marker)) return comment;
  }
  return undefined;
}

export interface StickyResult {
  action: 'created' | 'updated' | 'unchanged';
  comment: IssueComment;
}

/** Update our comment on the pull request, or create it the first time. */
export async function upsertStickyComment(
  client: GitHubClient,
  where: { repository: Repository; issue: number; scope: CommentScope },
  content: string,
): Promise<StickyResult> {
  const marker = commentMarker(where.scope);
  const body = `${marker}\n${content}`;
  const existing = await findInPages(
    client.listIssueComments(where.repository, where.issue),
    marker,
  );
  if (existing === undefined) {
    const comment = await client.createIssueComment(where.repository, where.issue, body);
    return { action: 'created', comment };
  }
  if (existing.body === body) return { action: 'unchanged', comment: existing };
  const comment = await client.updateIssueComment(where.repository, existing.id, body);
  return { action: 'updated', comment };
}

/** Stops reading pages as soon as the comment is found. */
async function findInPages(
  pages: AsyncIterable<IssueComment>,
  marker: string,
): Promise<IssueComment | undefined> {
  for await (const comment of pages) {
    if (findStickyComment([comment], marker) !== undefined) return comment;
  }
  return undefined;
}

/** Marker values stay on one line and can never close the HTML comment early. */
function markerValue(value: string): string {
  return value.replace(/[^\w./@+-]/g, (c) => encodeURIComponent(c)).replace(/--/g, '-%2D');
}
