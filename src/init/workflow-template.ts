import { DEFAULT_TOKEN_ENV } from '../model/opencx-api.js';

/**
 * The workflow that syncs trainings from GitHub: plan on every pull request, apply on merge.
 * `init` writes it into a repository; this repository's own copy is checked against it by a
 * test, so the two never drift apart.
 */

export const SYNC_WORKFLOW_PATH = '.github/workflows/trainings-sync.yml';
/** The published action, at its major version tag. */
export const ACTION_REF = 'opencx/opencx-trainings@v1';
const DEFAULT_SYNC_TARGET = 'production';

export interface SyncWorkflowOptions {
  /** What the steps `uses:`; `./` runs the action of the checked-out repository itself. */
  action?: string;
  /** The target in opencx.yml to plan and apply. */
  target?: string;
  /** The target's token_env; the repository secret has the same name. */
  tokenEnv?: string;
  /** Merges into this branch are applied. */
  branch?: string;
  /** The folder of opencx.yml, from the repository root. */
  workingDirectory?: string;
}

/** The text of the workflow. Values that YAML could misread are quoted. */
export function renderSyncWorkflow(options: SyncWorkflowOptions = {}): string {
  const action = options.action ?? ACTION_REF;
  const target = options.target ?? DEFAULT_SYNC_TARGET;
  const tokenEnv = options.tokenEnv ?? DEFAULT_TOKEN_ENV;
  const branch = options.branch ?? 'main';
  const directory = options.workingDirectory ?? '.';
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(tokenEnv) || /^GITHUB_/i.test(tokenEnv)) {
    throw new RangeError(
      `"${tokenEnv}" cannot name a GitHub secret: use letters, digits and _, not starting with GITHUB_.`,
    );
  }
  const uses =
    action === './'
      ? `./ # this repository's own action; in yours: uses: ${ACTION_REF}`
      : scalar(action);
  const step = (mode: 'plan' | 'apply' | 'drift' | 'adopt'): string[] => [
    '      - uses: actions/checkout@v4',
    `      - uses: ${uses}`,
    '        with:',
    `          mode: ${mode}`,
    `          target: ${scalar(target)}`,
    ...(directory === '.' ? [] : [`          working-directory: ${scalar(directory)}`]),
    '        env:',
    `          ${tokenEnv}: \${{ secrets.${tokenEnv} }}`,
  ];
  return `${[
    '# OpenCX trainings: plan on every pull request, apply on merge, look for drift every day.',
    '#',
    '# On a pull request, the plan is posted as one comment, updated on every push, and problems in',
    '# the training files are marked on their lines. After a merge, the changes are applied and the',
    '# report is in the job summary. Every morning, a target that no longer matches the files (an',
    '# edit in the dashboard) gets an issue. To keep such an edit instead of reverting it, run this',
    '# workflow by hand with "adopt" ticked: it opens a pull request with what OpenCX holds. See',
    '# "Sync from GitHub" in the README of opencx-trainings.',
    '#',
    `# Needs the repository secret ${tokenEnv}: an OpenCX API key (Settings > Secrets and`,
    '# variables > Actions > New repository secret).',
    'name: OpenCX trainings',
    '',
    'on:',
    '  pull_request:',
    '  push:',
    `    branches: [${scalar(branch)}]`,
    '  workflow_dispatch:',
    '    inputs:',
    '      adopt:',
    "        description: 'Adopt the drift: open a pull request with what OpenCX holds, instead of applying the files'",
    '        type: boolean',
    '        default: false',
    '  schedule:',
    "    - cron: '17 6 * * *' # drift check, every day",
    '',
    'permissions:',
    '  contents: read',
    '',
    'jobs:',
    '  plan:',
    "    if: github.event_name == 'pull_request'",
    '    runs-on: ubuntu-latest',
    '    permissions:',
    '      contents: read',
    '      pull-requests: write # the plan comment',
    '    # A newer push to the pull request replaces a plan still running.',
    '    concurrency:',
    '      group: opencx-trainings-plan-${{ github.event.pull_request.number }}',
    '      cancel-in-progress: true',
    '    steps:',
    ...step('plan'),
    '',
    '  apply:',
    `    if: github.ref == 'refs/heads/${branch.replace(/'/g, "''")}' && (github.event_name == 'push' || (github.event_name == 'workflow_dispatch' && !inputs.adopt))`,
    '    runs-on: ubuntu-latest',
    '    permissions:',
    '      contents: read',
    '      deployments: write # the record of each apply, on the Deployments page',
    '    # Two applies never run at once: a later one waits for the running one, never cancels it.',
    '    concurrency:',
    `      group: ${scalar(`opencx-trainings-apply-${target}`)}`,
    '      cancel-in-progress: false',
    '    steps:',
    ...step('apply'),
    '',
    '  drift:',
    "    if: github.event_name == 'schedule'",
    '    runs-on: ubuntu-latest',
    '    permissions:',
    '      contents: read',
    '      issues: write # one issue per target that drifted',
    '    steps:',
    ...step('drift'),
    '',
    '  adopt:',
    "    if: github.event_name == 'workflow_dispatch' && inputs.adopt",
    '    runs-on: ubuntu-latest',
    '    permissions:',
    '      contents: write # the branch with the adopted files',
    '      pull-requests: write # the pull request that offers them',
    '      issues: write # a word on the drift issue',
    '    # Never while an apply runs: the files would be read from an org half-way through it.',
    '    concurrency:',
    `      group: ${scalar(`opencx-trainings-apply-${target}`)}`,
    '      cancel-in-progress: false',
    '    steps:',
    ...step('adopt'),
  ].join('\n')}\n`;
}

/** A plain YAML scalar when it is safe as one, else a double-quoted (JSON) string. */
function scalar(value: string): string {
  return /^[A-Za-z0-9_./@-]+$/.test(value) && !/^[-.@]/.test(value) ? value : JSON.stringify(value);
}

export const PROMOTE_WORKFLOW_PATH = '.github/workflows/trainings-promote.yml';
/** The target that pull requests and merges go to first, when init sets up promotion. */
export const STAGING_TARGET = 'staging';
export const STAGING_TOKEN_ENV = 'OPENCX_STAGING_KEY';

/**
 * The workflow that promotes what staging holds to production, started by hand and held by the
 * `production` environment's required reviewers. It runs the CLI at the version `init` was run
 * with, so that a promotion checks with the code that set it up until the repository upgrades.
 */
export function renderPromoteWorkflow(version: string): string {
  return `${[
    '# OpenCX trainings: promote to production what staging already holds.',
    '#',
    '# Merges to main apply to staging (trainings-sync.yml). Once staging has been checked, run this',
    '# workflow (Actions > OpenCX promotion > Run workflow): it applies the files to production only if',
    '# staging holds exactly what that would change, and otherwise says what staging lacks. Add',
    '# required reviewers to the "production" environment (Settings > Environments) so that someone',
    '# approves each promotion.',
    '#',
    `# Needs the repository secrets ${STAGING_TOKEN_ENV} and ${DEFAULT_TOKEN_ENV}.`,
    'name: OpenCX promotion',
    '',
    'on:',
    '  workflow_dispatch:',
    '',
    'permissions:',
    '  contents: read',
    '',
    'jobs:',
    '  promote:',
    '    runs-on: ubuntu-latest',
    '    environment: production',
    '    # One promotion at a time, never cancelled half-way.',
    '    concurrency:',
    '      group: opencx-trainings-apply-production',
    '      cancel-in-progress: false',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      - uses: actions/setup-node@v4',
    '        with:',
    '          node-version: 24',
    `      - run: npx --yes opencx-trainings@${version} promote --from ${STAGING_TARGET} --to ${DEFAULT_SYNC_TARGET} --yes`,
    '        env:',
    `          ${STAGING_TOKEN_ENV}: \${{ secrets.${STAGING_TOKEN_ENV} }}`,
    `          ${DEFAULT_TOKEN_ENV}: \${{ secrets.${DEFAULT_TOKEN_ENV} }}`,
  ].join('\n')}\n`;
}
