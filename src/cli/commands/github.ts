import { choice, commonOptions, COMMON_OPTIONS, parseFlags, stringValue } from '../args.js';
import { UsageError, type ExitCode } from '../../util/errors.js';
import type { Io } from '../../app/io.js';
import type { ActionOptions } from '../../github/run.js';

const GITHUB_MODES = ['plan', 'apply'] as const;
const SWITCH_VALUES = ['on', 'off', 'true', 'false'] as const;

export const githubUsage = `Usage: opencx-trainings github --mode plan|apply [--target NAME] [--comment on|off]

What the GitHub action (action.yml) runs, inside a GitHub Actions job. It reads the event and
the GITHUB_* environment variables, and writes the job summary, the step outputs, annotations
and the pull request comment.

  --mode plan    on a pull request: validate and plan. The plan goes to the job summary and to
                 one comment on the pull request, updated on every push; problems in the files
                 become annotations on their lines. Exit status 0 with or without changes.
  --mode apply   after a merge (push): apply without asking. The report goes to the job summary;
                 exit status 1 when an action failed or the mass-delete guard refused the plan.

Options:
  --target NAME          target from opencx.yml (default: default_target, else the local emulator)
  --comment on|off       comment on the pull request (default: on; needs GITHUB_TOKEN)
  --plan-out FILE        where to save the plan JSON (default: $RUNNER_TEMP/opencx-trainings-plan.json)
  --allow-mass-delete    apply: let the plan delete more than max_deletes / max_delete_ratio allow
  --root DIR, --config FILE, --no-color, --debug (print every OpenCX API request)

Environment: GITHUB_EVENT_NAME, GITHUB_EVENT_PATH, GITHUB_REPOSITORY, GITHUB_API_URL,
GITHUB_TOKEN, GITHUB_STEP_SUMMARY, GITHUB_OUTPUT, GITHUB_WORKSPACE, RUNNER_TEMP; and the API key
of the target, in the variable its token_env names.
`;

export function parseGithubArgs(args: readonly string[]): ActionOptions | 'help' {
  const { values } = parseFlags(
    {
      ...COMMON_OPTIONS,
      mode: { type: 'string' },
      comment: { type: 'string' },
      'plan-out': { type: 'string' },
      'allow-mass-delete': { type: 'boolean' },
      debug: { type: 'boolean' },
    },
    args,
  );
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
    debug: values.debug === true,
  };
}

export async function github(options: ActionOptions, io: Io): Promise<ExitCode> {
  if (options.mode === 'apply') {
    const { runApplyMode } = await import('../../github/apply-mode.js');
    return runApplyMode(options, io);
  }
  const { runPlanMode } = await import('../../github/plan-mode.js');
  return runPlanMode(options, io);
}
