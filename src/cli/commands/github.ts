import {
  choice,
  commonOptions,
  COMMON_OPTIONS,
  parseFlags,
  stringValue,
  type Flags,
} from '../args.js';
import { renderUsage, SESSION_ROWS, TARGET_ROW } from '../usage.js';
import { UsageError, type ExitCode } from '../../util/errors.js';
import type { Io } from '../../app/io.js';
import type { ActionOptions } from '../../github/run.js';

const GITHUB_MODES = ['plan', 'apply', 'drift', 'adopt'] as const;
const SWITCH_VALUES = ['on', 'off', 'true', 'false'] as const;

const GITHUB_FLAGS = {
  mode: { type: 'string', value: GITHUB_MODES.join('|'), required: true },
  comment: { type: 'string', value: 'on|off' },
  'plan-out': { type: 'string', value: 'FILE' },
  'allow-mass-delete': { type: 'boolean' },
  'plan-changed': { type: 'string', value: 'warn|refuse' },
  debug: { type: 'boolean' },
  ...COMMON_OPTIONS,
} as const satisfies Flags;

export const githubUsage = renderUsage({
  command: 'github',
  flags: GITHUB_FLAGS,
  about: `What the GitHub action (action.yml) runs, inside a GitHub Actions job. It reads the event and
the GITHUB_* environment variables, and writes the job summary, the step outputs, annotations
and the pull request comment.`,
  sections: [
    {
      title: 'Modes',
      rows: [
        [
          '--mode plan',
          'on a pull request: validate and plan. The plan goes to the job summary and to one comment on the pull request, updated on every push; problems in the files become annotations on their lines. Exit status 0 with or without changes.',
        ],
        [
          '--mode drift',
          'on a schedule: plan every target of opencx.yml (or --target); one issue per target that differs from the files, updated on every run and closed when the drift is gone. Never writes to OpenCX.',
        ],
        [
          '--mode adopt',
          'by hand, after a drift: the files take what the target holds where it differs from them (as pull --drifted), committed on the branch opencx-trainings/adopt-<target> and offered as one pull request, updated by later runs. Never writes to OpenCX.',
        ],
        [
          '--mode apply',
          'after a merge (push): apply without asking. The report goes to the job summary; exit status 1 when an action failed or the mass-delete guard refused the plan.',
        ],
      ],
    },
    {
      title: 'Options',
      rows: [
        TARGET_ROW,
        ['--comment on|off', 'comment on the pull request (default: on; needs GITHUB_TOKEN)'],
        [
          '--plan-out FILE',
          'where to save the plan JSON (default: $RUNNER_TEMP/opencx-trainings-plan.json)',
        ],
        ['--allow-mass-delete', 'apply: let the plan delete more than max_deletes allow'],
        [
          '--plan-changed warn|refuse',
          'apply: when the plan differs from the one shown on the merged pull request, say so and apply (warn, default), or apply nothing (refuse)',
        ],
        ...SESSION_ROWS,
      ],
    },
  ],
  examples: [
    'opencx-trainings github --mode plan --target production',
    'opencx-trainings github --mode apply --target production --comment off',
    'opencx-trainings github --mode adopt --target production',
  ],
  footer: `Environment: GITHUB_EVENT_NAME, GITHUB_EVENT_PATH, GITHUB_REPOSITORY, GITHUB_SHA,
GITHUB_REF, GITHUB_WORKFLOW, GITHUB_WORKFLOW_REF, GITHUB_API_URL, GITHUB_TOKEN,
GITHUB_STEP_SUMMARY, GITHUB_OUTPUT, GITHUB_WORKSPACE, RUNNER_TEMP; and the API key of the
target, in the variable its token_env names.`,
});

export function parseGithubArgs(args: readonly string[]): ActionOptions | 'help' {
  const { values } = parseFlags(GITHUB_FLAGS, args);
  if (values.help === true) return 'help';
  if (typeof values.mode !== 'string') {
    throw new UsageError('--mode is required: "plan" on pull requests, "apply" after a merge.');
  }
  const comment = choice('comment', values.comment, SWITCH_VALUES, 'on');
  return {
    ...commonOptions(values),
    mode: choice('mode', values.mode, GITHUB_MODES, 'plan'),
    comment: comment === 'on' || comment === 'true',
    planOut: stringValue(values['plan-out']),
    allowMassDelete: values['allow-mass-delete'] === true,
    planChanged: choice(
      'plan-changed',
      values['plan-changed'],
      ['warn', 'refuse'] as const,
      'warn',
    ),
    debug: values.debug === true,
  };
}

export async function github(options: ActionOptions, io: Io): Promise<ExitCode> {
  if (options.mode === 'apply') {
    const { runApplyMode } = await import('../../github/apply-mode.js');
    return runApplyMode(options, io);
  }
  if (options.mode === 'adopt') {
    const { runAdoptMode } = await import('../../github/adopt-mode.js');
    return runAdoptMode(options, io);
  }
  if (options.mode === 'drift') {
    const { runDriftMode } = await import('../../github/drift-mode.js');
    return runDriftMode(options, io);
  }
  const { runPlanMode } = await import('../../github/plan-mode.js');
  return runPlanMode(options, io);
}
