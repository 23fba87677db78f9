import type { Io } from '../app/io.js';
import { ApiError } from '../api/errors.js';
import { formatAnnotation } from '../render/workflow-commands.js';
import { UserFacingError } from '../util/errors.js';
import type { DeploymentState } from './client.js';
import { githubClientOf, type ActionRun } from './run.js';

const TITLE = 'opencx-trainings deployment';

/** A deployment under way: `finish` records how the apply ended. */
export interface Deployment {
  finish(state: Exclude<DeploymentState, 'in_progress'>, description: string): Promise<void>;
}

/**
 * The record of an apply on GitHub: a deployment of the commit to an environment named after
 * the target, in progress while apply runs, then its outcome, with a link to the workflow run
 * whose summary holds the report. So "what was applied where, when, from which commit" is the
 * repository's Deployments page. It records and never decides: a token that may not write
 * deployments, or GitHub failing, gets a warning, and the apply goes on.
 */
export async function startDeployment(
  io: Io,
  run: ActionRun,
  environment: string,
  { debug }: { debug: boolean },
): Promise<Deployment | undefined> {
  const { repository, token, event } = run.context;
  const warn = (message: string): void =>
    void io.stdout.write(formatAnnotation('warning', message, { title: TITLE }));
  if (repository === null || token === undefined || event.sha === null) {
    io.stdout.write(
      `No deployment recorded: ${repository === null ? 'GITHUB_REPOSITORY is not set' : token === undefined ? 'no github-token was given' : 'the event names no commit'}.\n`,
    );
    return undefined;
  }
  const client = githubClientOf(run, token, io, debug);
  const log = { log_url: run.info.runUrl };
  const failed = async (error: unknown): Promise<undefined> => {
    if (!(error instanceof UserFacingError)) throw error;
    const permissions =
      error instanceof ApiError &&
      !error.rateLimited &&
      (error.status === 403 || error.status === 404)
        ? ' The workflow job needs "permissions: deployments: write".'
        : '';
    warn(`Could not record the deployment to "${environment}": ${error.message}.${permissions}`);
    await client.close();
    return undefined;
  };
  let id: number;
  try {
    ({ id } = await client.createDeployment(repository, {
      ref: event.sha,
      environment,
      description: `opencx-trainings apply to ${environment}`,
    }));
    await client.createDeploymentStatus(repository, id, {
      state: 'in_progress',
      description: 'Applying the training files',
      ...log,
    });
  } catch (error) {
    return failed(error);
  }
  io.stdout.write(`Deployment ${id} to "${environment}" recorded for ${event.sha.slice(0, 7)}.\n`);
  return {
    finish: async (state, description) => {
      try {
        await client.createDeploymentStatus(repository, id, {
          state,
          // GitHub keeps 140 characters of a status's description.
          description: description.length > 140 ? `${description.slice(0, 139)}…` : description,
          ...log,
        });
        await client.close();
      } catch (error) {
        await failed(error);
      }
    },
  };
}
