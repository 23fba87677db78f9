import type { Io } from '../app/io.js';
import { loadProject } from '../app/project.js';
import { renderDriftIssue } from '../render/drift-issue.js';
import { ExitCode } from '../util/errors.js';
import type { GitHubClient, Issue } from './client.js';
import type { Repository } from './context.js';
import { githubClientOf, startRun, withPlan, type ActionOptions } from './run.js';

/** Marks the drift issue of one target planned from one folder, as the comment marker does. */
function driftMarker(target: string, directory: string): string {
  return `<!-- opencx-trainings:drift target=${encodeURIComponent(target)} working-directory=${encodeURIComponent(directory)} -->`;
}

function isDriftIssue(issue: Issue, target: string, directory: string): boolean {
  return (issue.body ?? '').trimStart().startsWith(driftMarker(target, directory));
}

/** The open drift issue of a target planned from a folder, if there is one. */
export async function findDriftIssue(
  client: GitHubClient,
  repo: Repository,
  target: string,
  directory: string,
): Promise<Issue | undefined> {
  for await (const issue of client.listOpenIssues(repo)) {
    if (isDriftIssue(issue, target, directory)) return issue;
  }
  return undefined;
}

/**
 * `mode: drift`, on a schedule: plan each target (the one named, else every remote target of
 * opencx.yml); a target that differs from the files gets one open issue, updated on every run
 * and found again by its hidden marker; once it matches again, the issue is closed with a
 * comment. Never writes to OpenCX.
 */
export async function runDriftMode(options: ActionOptions, io: Io): Promise<ExitCode> {
  const run = await startRun(io);
  const { repository, token } = run.context;
  // Every remote target when none is named: an embedded emulator holds nothing to drift from.
  // Read from opencx.yml alone: planning a target only to learn the names would read it twice.
  const targets =
    options.target !== undefined
      ? [options.target]
      : Object.entries((await loadProject(options, io)).config?.targets ?? {})
          .filter(([, target]) => target.kind === 'remote')
          .map(([name]) => name);
  const plans = [];
  for (const target of targets.length === 0 ? [undefined] : targets) {
    plans.push(await withPlan({ ...options, target }, io, run, (plan) => Promise.resolve(plan)));
  }
  if (repository === null || token === undefined) {
    io.stderr.write('Drift found is not reported as an issue: no GITHUB_REPOSITORY or token.\n');
    return ExitCode.error;
  }
  const client = githubClientOf(run, token, io, options.debug);
  try {
    const open = [];
    for await (const issue of client.listOpenIssues(repository)) open.push(issue);
    for (const plan of plans) {
      const marker = driftMarker(plan.target.name, run.directory);
      const existing = open.find((i) => isDriftIssue(i, plan.target.name, run.directory));
      const drifted = plan.actions.some((a) => a.kind !== 'no-op');
      if (drifted) {
        const body = `${marker}\n${renderDriftIssue(plan, run.info.runUrl, run.context.workflow)}`;
        const title = `OpenCX drift: target ${plan.target.name}`;
        const issue =
          existing === undefined
            ? await client.createIssue(repository, { title, body })
            : await client.updateIssue(repository, existing.number, { body });
        io.stdout.write(
          `Drift on target "${plan.target.name}": issue #${issue.number} ${existing === undefined ? 'opened' : 'updated'}, ${issue.html_url}\n`,
        );
      } else if (existing !== undefined) {
        await client.createIssueComment(
          repository,
          existing.number,
          `The drift is gone: OpenCX target \`${plan.target.name}\` matches the training files again.`,
        );
        await client.updateIssue(repository, existing.number, { state: 'closed' });
        io.stdout.write(
          `No drift on target "${plan.target.name}": issue #${existing.number} closed.\n`,
        );
      } else {
        io.stdout.write(`No drift on target "${plan.target.name}".\n`);
      }
    }
    return ExitCode.ok;
  } finally {
    await client.close();
  }
}
