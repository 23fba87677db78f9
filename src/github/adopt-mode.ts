import path from 'node:path';
import { ApiError } from '../api/errors.js';
import type { Io } from '../app/io.js';
import { configWithDirectories } from '../app/map-directories.js';
import { preparePull } from '../app/pull.js';
import {
  adoptionTitle,
  renderAdoptionBody,
  renderAdoptionCommit,
} from '../render/adopt-pull-request.js';
import { ExitCode, UserFacingError } from '../util/errors.js';
import type { GitHubClient, TreeChange } from './client.js';
import { pathFromRoot, type Repository } from './context.js';
import { findDriftIssue } from './drift-mode.js';
import { adoptOutputs, appendSummary, writeOutputs } from './outputs.js';
import { githubClientOf, startRun, withPlan, type ActionOptions } from './run.js';

/** The last line of every commit this mode makes: a branch whose head lacks it is someone's. */
const ADOPTED_TRAILER = 'Adopted-by: opencx-trainings';

/** The branch of a target's adoption: one per target and folder, reused by every run. */
export function adoptionBranch(target: string, directory: string): string {
  // Letters, digits, _ and - only: no dots, so never `..` or a name ending in `.lock`.
  const slug = (s: string) => s.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  const folder = directory === '.' ? '' : `-${slug(directory)}`;
  return `opencx-trainings/adopt-${slug(target) || 'target'}${folder}`;
}

/**
 * `mode: adopt`, started by hand from the drift issue: the files take what the target holds
 * where it differs from them (`pull --drifted`), committed on one branch through the API and
 * offered as one pull request into the branch the workflow runs on. A later run moves that
 * branch and updates the same pull request. Never writes to OpenCX; a training that no file
 * can hold stops it before anything is written on GitHub.
 */
export async function runAdoptMode(options: ActionOptions, io: Io): Promise<ExitCode> {
  const run = await startRun(io);
  const { repository, token, branch } = run.context;
  const sha = run.context.event.sha;
  if (repository === null || token === undefined || sha === null) {
    io.stderr.write(
      'Adopting a drift needs GITHUB_REPOSITORY, GITHUB_SHA and a token: nothing was adopted.\n',
    );
    return ExitCode.error;
  }
  if (branch === undefined) {
    io.stderr.write(
      'Adopting a drift opens a pull request into the branch the workflow runs on: run it on a branch, not a tag.\n',
    );
    return ExitCode.error;
  }
  const planned = await withPlan(options, io, run, (plan, _, state) =>
    Promise.resolve({ plan, state }),
  );
  const { plan } = planned;
  // Decided here and written through the API: nothing is written to the checkout.
  const prepared = await preparePull(
    {
      ...options,
      mode: 'drifted',
      dir: undefined,
      force: false,
      mapDirectories: true,
      dryRun: true,
    },
    io,
    { write: () => true },
    planned,
  );
  if (prepared.kind === 'unreadable') {
    run.show(prepared.diagnostics, { fatal: true });
    return ExitCode.error;
  }
  const pulled = prepared.plan;
  const target = plan.target.name;
  const refused = pulled.diagnostics.filter((d) => d.severity === 'error');
  if (refused.length > 0) {
    run.show(refused, { fatal: true });
    io.stderr.write(
      `Nothing was adopted: no file can hold ${refused.length === 1 ? 'this training' : 'these trainings'} as OpenCX has ${refused.length === 1 ? 'it' : 'them'}. Fix ${refused.length === 1 ? 'it' : 'them'} in the dashboard, or revert the drift with an apply.\n`,
    );
    return ExitCode.error;
  }
  const root = (file: string) => pathFromRoot(path.posix.join(pulled.folder, file), run.directory);
  const changes: TreeChange[] = [
    ...pulled.files
      .filter((f) => f.action !== 'skip')
      .map((f) => ({ path: root(f.path), text: f.text })),
    ...pulled.removals.map((r) => ({ path: root(r.path), text: null })),
  ];
  if (changes.length === 0) {
    const copies = pulled.leftOut.duplicates;
    io.stdout.write(
      copies === 0
        ? `No drift to adopt on target "${target}": OpenCX matches the files.\n`
        : `Nothing to adopt on target "${target}": its only drift is ${copies} extra ${copies === 1 ? 'copy' : 'copies'} of a training, which the next apply removes.\n`,
    );
    return ExitCode.ok;
  }
  // opencx.yml maps the directory names the adopted files use, in the same commit.
  const unmapped = pulled.unmappedDirectories;
  const config =
    Object.keys(unmapped).length === 0
      ? undefined
      : await configWithDirectories(prepared.config, unmapped);
  const configChange = config && {
    path: pathFromRoot(config.file, run.directory),
    text: config.text,
  };
  if (configChange !== undefined) changes.push(configChange);

  const client = githubClientOf(run, token, io, options.debug);
  try {
    const issue = await findDriftIssue(client, repository, target, run.directory);
    const body = renderAdoptionBody(pulled, {
      target,
      pathOf: root,
      configFile: configChange?.path,
      issue: issue?.number,
      runUrl: run.info.runUrl,
    });
    const adopt = adoptionBranch(target, run.directory);
    await commitOnBranch(client, repository, {
      branch: adopt,
      parent: sha,
      changes,
      message: renderAdoptionCommit(pulled, target, ADOPTED_TRAILER),
    });
    const title = adoptionTitle(target);
    const open = await client.findOpenPullRequest(repository, adopt, branch);
    const pull =
      open === undefined
        ? await createPullRequest(client, repository, { title, body, head: adopt, base: branch })
        : await client.updatePullRequest(repository, open.number, { title, body });
    if (open === undefined && issue !== undefined) {
      await client.createIssueComment(
        repository,
        issue.number,
        `Pull request #${pull.number} adopts this drift: merging it makes the files say what OpenCX holds.`,
      );
    }
    const verb = open === undefined ? 'opened' : 'updated';
    io.stdout.write(
      `Drift of target "${target}" adopted: pull request #${pull.number} ${verb}, ${pull.html_url}\n`,
    );
    await appendSummary(
      run.context.summaryFile,
      `### OpenCX drift of target ${target}: adopted in [pull request #${pull.number}](${pull.html_url})\n\n${body}`,
    );
    await writeOutputs(run.context.outputFile, adoptOutputs(pull));
    return ExitCode.ok;
  } finally {
    await client.close();
  }
}

/**
 * Commit `changes` on top of `parent` and point `branch` at the commit. A branch that exists is
 * moved only when its head is a commit of this mode: anything else there is someone's work.
 * When the branch already holds exactly these files, it is left as it is.
 */
async function commitOnBranch(
  client: GitHubClient,
  repo: Repository,
  commit: { branch: string; parent: string; changes: TreeChange[]; message: string },
): Promise<void> {
  const parent = await client.getCommit(repo, commit.parent);
  const made = await client.createCommit(repo, { ...commit, parent });
  const head = await client.getBranchHead(repo, commit.branch);
  if (head === undefined) return client.createBranch(repo, commit.branch, made.sha);
  const current = await client.getCommit(repo, head);
  if (!current.message.trimEnd().endsWith(ADOPTED_TRAILER)) {
    throw new UserFacingError(
      `The branch ${commit.branch} holds commits that opencx-trainings did not make: merge or close its pull request and delete the branch, then adopt again.`,
    );
  }
  if (current.tree.sha !== made.tree) await client.moveBranch(repo, commit.branch, made.sha);
}

/** Open the pull request, saying what to do when the repository does not let workflows do it. */
async function createPullRequest(
  client: GitHubClient,
  repo: Repository,
  pull: { title: string; body: string; head: string; base: string },
) {
  try {
    return await client.createPullRequest(repo, pull);
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) {
      throw new UserFacingError(
        `GitHub refused to open the pull request (${error.serverMessage ?? 'HTTP 403'}). The branch ${pull.head} holds the adopted files: open the pull request from it by hand, or let workflows open pull requests (Settings > Actions > General > "Allow GitHub Actions to create and approve pull requests") and give the job "pull-requests: write".`,
      );
    }
    throw error;
  }
}
