import { execFile } from 'node:child_process';
import { cp, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readGitHubYaml } from './helpers/github-yaml.js';
import { workflowSchema, type WorkflowFile } from './helpers/github-yaml-schema.js';
import { tempDir } from './helpers/temp.js';

const REPO = path.resolve(import.meta.dirname, '..');
const run = promisify(execFile);

interface Manifest {
  version: string;
  license: string;
  scripts: Record<string, string>;
  repository: { url: string };
  bugs: { url: string };
  homepage: string;
  publishConfig: { access: string; provenance: boolean };
}

const manifest = JSON.parse(await readFile(path.join(REPO, 'package.json'), 'utf8')) as Manifest;

async function releaseJob() {
  const { data, problems } = await readGitHubYaml('.github/workflows/release.yml', workflowSchema);
  expect(problems).toEqual([]);
  const workflow = data as WorkflowFile;
  const job = workflow.jobs.release;
  if (job === undefined) throw new Error('release.yml has no job "release"');
  return { workflow, job };
}

describe('the release', () => {
  it('runs on main alone, after the checks of CI, with the permissions it needs', async () => {
    const { workflow, job } = await releaseJob();
    expect(workflow.on).toEqual({ push: { branches: ['main'] } });
    expect(job.permissions).toEqual({
      contents: 'write',
      'pull-requests': 'write',
      'id-token': 'write',
    });
    const steps = job.steps.map((s) => s.run ?? s.uses);
    expect(steps.indexOf('bash .ci/run')).toBeLessThan(steps.indexOf('changesets/action@v1'));
  });

  it('versions and publishes with scripts the package has, with provenance', async () => {
    const { job } = await releaseJob();
    const changesets = job.steps.find((s) => s.uses === 'changesets/action@v1');
    expect(changesets?.with).toMatchObject({
      version: 'npm run release:version',
      publish: 'npm run release:publish',
    });
    expect(changesets?.env).toMatchObject({ NPM_CONFIG_PROVENANCE: 'true' });
    expect(manifest.scripts['release:version']).toBe('changeset version && npm run bundle');
    expect(manifest.scripts['release:publish']).toContain('changeset publish');
    expect(manifest.publishConfig).toEqual({ access: 'public', provenance: true });
  });

  it('moves the major tag to the version just published', async () => {
    const { job } = await releaseJob();
    const step = job.steps.find((s) => s.name === 'Move the major tag to the release');
    expect(step?.if).toBe("steps.changesets.outputs.published == 'true'");
    // The script, run as the runner would, in a clone whose origin is a local bare repository.
    const dir = await tempDir('opencx-release-');
    const origin = path.join(dir, 'origin.git');
    const clone = path.join(dir, 'clone');
    const git = (cwd: string, ...args: string[]) => run('git', args, { cwd });
    await git(dir, 'init', '--bare', '--quiet', origin);
    await git(dir, 'clone', '--quiet', origin, clone);
    const commit = async (message: string) => {
      await git(
        clone,
        '-c',
        'user.name=t',
        '-c',
        'user.email=t@t',
        'commit',
        '--quiet',
        '--allow-empty',
        '-m',
        message,
      );
      return (await git(clone, 'rev-parse', 'HEAD')).stdout.trim();
    };
    await commit('1.0.0');
    await git(clone, 'tag', 'v1.0.0');
    await git(clone, 'tag', 'v1');
    const released = await commit('1.1.0');
    await git(clone, 'tag', 'v1.1.0');
    await git(clone, 'push', '--quiet', '--tags', 'origin', 'HEAD:main');

    await run('bash', ['-eo', 'pipefail', '-c', step?.run ?? 'false'], {
      cwd: clone,
      env: {
        PATH: process.env.PATH ?? '',
        PUBLISHED: JSON.stringify([{ name: 'opencx-trainings', version: '1.1.0' }]),
      },
    });
    const tagged = await git(origin, 'rev-parse', 'v1^{commit}');
    expect(tagged.stdout.trim()).toBe(released);
  });

  it('turns the pending changesets into the version and its CHANGELOG entry', async () => {
    // A copy of what `changeset version` reads and writes, as the release pull request does.
    const dir = await tempDir('opencx-version-');
    for (const file of ['package.json', 'CHANGELOG.md', '.changeset']) {
      await cp(path.join(REPO, file), path.join(dir, file), { recursive: true });
    }
    await symlink(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'));
    await mkdir(path.join(dir, '.changeset'), { recursive: true });
    await writeFile(
      path.join(dir, '.changeset', 'a-test-change.md'),
      "---\n'opencx-trainings': patch\n---\n\nA change made by the test.\n",
    );
    const cli = path.join(REPO, 'node_modules', '@changesets', 'cli', 'bin.js');
    await run(process.execPath, [cli, 'version'], { cwd: dir });

    const versioned = JSON.parse(
      await readFile(path.join(dir, 'package.json'), 'utf8'),
    ) as Manifest;
    expect(versioned.version).not.toBe(manifest.version);
    const changelog = await readFile(path.join(dir, 'CHANGELOG.md'), 'utf8');
    expect(changelog).toMatch(
      new RegExp(`^# opencx-trainings\\n\\n## ${versioned.version.replaceAll('.', '\\.')}\\n`),
    );
    expect(changelog).toContain('- A change made by the test.');
  });

  it('has the package metadata and the licence a registry shows', async () => {
    expect(manifest.license).toBe('MIT');
    expect(await readFile(path.join(REPO, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n/);
    expect(manifest.repository.url).toBe('git+https://github.com/opencx/opencx-trainings.git');
    expect(manifest.bugs.url).toBe('https://github.com/opencx/opencx-trainings/issues');
    expect(manifest.homepage).toBe('https://github.com/opencx/opencx-trainings#readme');
  });
});
