import { openSession, planSession, type SyncOptions } from '../../app/session.js';
import { wantsColor, type Io } from '../../app/io.js';
import { hasChanges } from '../../reconcile/plan-types.js';
import { promotionGaps } from '../../reconcile/promotion.js';
import { renderPlanText } from '../../render/plan-text.js';
import { ExitCode, UsageError } from '../../util/errors.js';
import { commonOptions, COMMON_OPTIONS, parseFlags, stringValue, type Flags } from '../args.js';
import { renderUsage, SESSION_ROWS } from '../usage.js';
import { confirmAndApply } from './apply.js';

export interface PromoteOptions extends SyncOptions {
  from: string;
  to: string;
  yes: boolean;
  allowMassDelete: boolean;
}

const { target: _target, ...REPOSITORY_FLAGS } = COMMON_OPTIONS;

const PROMOTE_FLAGS = {
  from: { type: 'string', value: 'TARGET', required: true },
  to: { type: 'string', value: 'TARGET', required: true },
  yes: { type: 'boolean', short: 'y' },
  'allow-mass-delete': { type: 'boolean' },
  debug: { type: 'boolean' },
  ...REPOSITORY_FLAGS,
} as const satisfies Flags;

export const promoteUsage = renderUsage({
  command: 'promote',
  flags: PROMOTE_FLAGS,
  about: `Apply the files to one target (production) only if another (staging) already holds exactly
what that would change: for every training it would create, change or delete, the same text
and settings by key (segments and directories by each target's own ids), or the same absence.
Otherwise it lists what the first target lacks and writes nothing. Reads both; writes only --to.`,
  sections: [
    {
      title: 'Options',
      rows: [
        ['--from TARGET', 'the target that was tried first (staging)'],
        ['--to TARGET', 'the target to apply to (production)'],
        ['-y, --yes', 'do not ask (required when not run from a terminal)'],
        [
          '--allow-mass-delete',
          'let the plan delete more than max_deletes / max_delete_ratio allow',
        ],
        ...SESSION_ROWS,
      ],
    },
  ],
  examples: [
    'opencx-trainings apply --target staging',
    'opencx-trainings promote --from staging --to production',
  ],
});

export function parsePromoteArgs(args: readonly string[]): PromoteOptions | 'help' {
  const { values } = parseFlags(PROMOTE_FLAGS, args);
  if (values.help === true) return 'help';
  const from = stringValue(values.from);
  const to = stringValue(values.to);
  if (from === undefined || to === undefined) {
    throw new UsageError('--from and --to are required: the target tried first, and the next one.');
  }
  if (from === to) throw new UsageError(`--from and --to name the same target, "${from}".`);
  return {
    ...commonOptions(values),
    target: undefined,
    debug: values.debug === true,
    from,
    to,
    yes: values.yes === true,
    allowMassDelete: values['allow-mass-delete'] === true,
  };
}

export async function promote(options: PromoteOptions, io: Io): Promise<ExitCode> {
  const staging = await planOf(options.from, options, io);
  const session = await openSession({ ...options, target: options.to }, io, io.stdout);
  try {
    const { plan } = await planSession(session, io, options);
    io.stdout.write(`\n${renderPlanText(plan, { color: wantsColor(io, options.color) })}`);
    const gaps = promotionGaps(staging, plan);
    if (gaps.length > 0) {
      io.stderr.write(
        `\nNot promoted: target "${options.from}" does not hold what this would change on "${options.to}"; nothing was written.\n${gaps.map((g) => `  - ${g}`).join('\n')}\nApply to "${options.from}" first, check it, then promote.\n`,
      );
      return ExitCode.error;
    }
    if (!hasChanges(plan)) return ExitCode.ok;
    return await confirmAndApply(plan, session, { ...options, format: 'text' }, io, io.stdout);
  } finally {
    await session.connection.close();
  }
}

/** The plan of a target, read and let go of. */
async function planOf(target: string, options: PromoteOptions, io: Io) {
  const session = await openSession({ ...options, target }, io, io.stdout);
  try {
    return (await planSession(session, io, options)).plan;
  } finally {
    await session.connection.close();
  }
}
