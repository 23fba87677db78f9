import { describe, expect, it } from 'vitest';
import { examplePayload } from '../../test/helpers/action.js';
import {
  directoryInWorkspace,
  parseEvent,
  parseRepository,
  readGitHubContext,
  type GitHubContext,
} from './context.js';

describe('the GitHub context', () => {
  it('reads the pull request of a pull_request payload', () => {
    const event = parseEvent('pull_request', examplePayload('pull_request', 'synchronize'));
    expect(event).toEqual({
      name: 'pull_request',
      pullRequest: {
        number: 2,
        headSha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
        baseSha: 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e',
      },
      sha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
    });
    expect(
      parseEvent('pull_request_target', examplePayload('pull_request', 'opened')).pullRequest,
    ).toMatchObject({ number: 2 });
  });

  it('reads the pushed commit of a push payload, and has no pull request', () => {
    expect(parseEvent('push', examplePayload('push'))).toEqual({
      name: 'push',
      pullRequest: null,
      sha: expect.stringMatching(/^[0-9a-f]{40}$/) as string,
    });
    expect(parseEvent('workflow_dispatch', {}, 'abc')).toEqual({
      name: 'workflow_dispatch',
      pullRequest: null,
      sha: 'abc',
    });
    expect(parseEvent('pull_request', { pull_request: { number: 'x' } }).pullRequest).toBeNull();
  });

  it('reads the repository from GITHUB_REPOSITORY, else from the payload', () => {
    const payload = examplePayload('push');
    expect(parseRepository('octo/cat', payload)).toEqual({ owner: 'octo', repo: 'cat' });
    expect(parseRepository(undefined, payload)).toEqual({
      owner: 'Codertocat',
      repo: 'Hello-World',
    });
    expect(parseRepository('not-a-repo', undefined)).toBeNull();
  });

  it('names the working directory from the repository root', () => {
    const at = (workspace: string | undefined) => ({ workspace }) as GitHubContext;
    expect(directoryInWorkspace(at('/w/repo'), '/w/repo')).toBe('.');
    expect(directoryInWorkspace(at('/w/repo'), '/w/repo/apps/support')).toBe('apps/support');
    expect(directoryInWorkspace(at('/w/repo'), '/elsewhere')).toBe('.');
    expect(directoryInWorkspace(at(undefined), '/w/repo/apps')).toBe('.');
  });

  it('reads the branch and the workflow the job runs for', async () => {
    const env = {
      GITHUB_REPOSITORY: 'octo/cat',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REF: 'refs/heads/release/2026',
      GITHUB_WORKFLOW: 'OpenCX trainings',
      GITHUB_WORKFLOW_REF: 'octo/cat/.github/workflows/trainings-sync.yml@refs/heads/main',
    };
    const context = await readGitHubContext(env);
    expect(context.branch).toBe('release/2026');
    expect(context.workflow).toEqual({
      name: 'OpenCX trainings',
      url: 'https://github.com/octo/cat/actions/workflows/trainings-sync.yml',
    });
    const onTag = await readGitHubContext({
      ...env,
      GITHUB_REF: 'refs/tags/v1',
      GITHUB_WORKFLOW_REF: '',
    });
    expect(onTag.branch).toBeUndefined();
    expect(onTag.workflow).toEqual({ name: 'OpenCX trainings', url: undefined });
  });
});
