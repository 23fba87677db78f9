import { ExitCode, ExitError } from '../../util/errors.js';
import { applyPlan } from '../../reconcile/apply.js';
import { emptyReport, type ApplyReport } from '../../reconcile/apply-types.js';
import { hasChanges, type Plan } from '../../reconcile/plan-types.js';
import { progressRenderer, renderApplyOutput } from '../../render/apply-report.js';
import { planJsonChunks } from '../../render/plan-json.js';
import { renderPlanText } from '../../render/plan-text.js';
import { choice, commonOptions, parseFlags, stringValue, type Flags } from '../args.js';
import { renderUsage, SESSION_ROWS, TARGET_ROW } from '../usage.js';
import { confirmApply } from '../../app/confirm.js';
import { abortOnInterrupt } from '../../app/interrupt.js';
import { wantsColor, writePieces, type Io, type Writer } from '../../app/io.js';
import { checkSavedPlan, readPlanFile } from '../../app/plan-file.js';
import {
  jsonDiagnostics,
  openSession,
  planSession,
  type Session,
  type SyncOptions,
} from '../../app/session.js';
import { SYNC_FLAGS } from './plan.js';

export interface ApplyOptions extends SyncOptions {
  yes: boolean;
  planFile: string | undefined;
  allowMassDelete: boolean;
  dryRun: boolean;
  format: 'text' | 'json';
}

const APPLY_FLAGS = {
  yes: { type: 'boolean', short: 'y' },
  plan: { type: 'string', value: 'FILE' },
  'allow-mass-delete': { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  format: { type: 'string', value: 'text|json' },
  ...SYNC_FLAGS,
} as const satisfies Flags;

export const applyUsage = renderUsage({
  command: 'apply',
  flags: APPLY_FLAGS,
  about: `Make OpenCX match the files: plan from the live state, show the plan, ask, then create, update,
publish and delete. Safe to run again at any time; a second run changes nothing. Interrupted
(Ctrl+C), it finishes the requests under way, prints what was done and exits 130.`,
  sections: [
    {
      title: 'Options',
      rows: [
        TARGET_ROW,
        ['-y, --yes', 'do not ask (required when not run from a terminal)'],
        ['--plan FILE', 'apply a plan saved with "plan --out FILE", if nothing changed since'],
        [
          '--allow-mass-delete',
          'let the plan delete more than max_deletes / max_delete_ratio allow',
        ],
        ['--dry-run', 'show the plan and stop (same as "plan"; with --format json, the plan JSON)'],
        ['--format FORMAT', 'text (default) or json (the apply report)'],
        ...SESSION_ROWS,
      ],
    },
  ],
  examples: [
    'opencx-trainings apply',
    'opencx-trainings apply --target production --yes',
    'opencx-trainings plan --out plan.json && opencx-trainings apply --plan plan.json --yes',
  ],
});

export function parseApplyArgs(args: readonly string[]): ApplyOptions | 'help' {
  const { values } = parseFlags(APPLY_FLAGS, args);
  if (values.help === true) return 'help';
  return {
    ...commonOptions(values),
    debug: values.debug === true,
    yes: values.yes === true,
    planFile: stringValue(values.plan),
    allowMassDelete: values['allow-mass-delete'] === true,
    dryRun: values['dry-run'] === true,
    format: choice('format', values.format, ['text', 'json'] as const, 'text'),
  };
}

export async function apply(options: ApplyOptions, io: Io): Promise<ExitCode> {
  // Machine-readable output keeps stdout for the report alone.
  const info = options.format === 'json' ? io.stderr : io.stdout;
  const color = wantsColor(io, options.color);
  const output = { format: options.format, color };
  const file = options.planFile;
  const saved = file === undefined ? undefined : { file, plan: await readPlanFile(file, io.cwd) };
  const target = options.target ?? saved?.plan.target.name;
  const show = options.format === 'json' ? jsonDiagnostics(io, options) : undefined;
  const session = await openSession({ ...options, target }, io, info, show);
  try {
    const { plan } = await planSession(session, io, options, show);
    if (saved !== undefined) {
      const check = checkSavedPlan(saved.plan, plan, saved.file);
      if (!check.ok) {
        io.stderr.write(`${check.message}\n`);
        throw new ExitError(ExitCode.error);
      }
    }
    info.write(`\n${renderPlanText(plan, { color })}`);
    if (options.dryRun) {
      // What a dry run has to show is the plan: in JSON, that is the document on stdout.
      if (options.format === 'json') await writePieces(io.stdout, planJsonChunks(plan));
      return ExitCode.ok;
    }
    if (!hasChanges(plan)) return done(io, emptyReport(), output);
    return await confirmAndApply(plan, session, options, io, info);
  } finally {
    await session.connection.close();
  }
}

/**
 * Ask (unless --yes), apply with progress on `info`, and print the report last, on stdout: what
 * apply and promote share. An action that failed fails the command; Ctrl+C exits 130.
 */
export async function confirmAndApply(
  plan: Plan,
  session: Session,
  options: Pick<ApplyOptions, 'yes' | 'allowMassDelete' | 'format' | 'color'>,
  io: Io,
  info: Writer,
): Promise<ExitCode> {
  const color = wantsColor(io, options.color);
  const applyOptions = {
    limits: session.config,
    allowMassDelete: options.allowMassDelete,
    onEvent: progressRenderer((text) => info.write(text), {
      color,
      tty: io.isTTY && options.format === 'text',
    }),
  };
  await confirmApply(plan, { ...applyOptions, yes: options.yes }, io, info);
  const report = await applyPlan(plan, session.connection.client, {
    ...applyOptions,
    signal: abortOnInterrupt(io),
  });
  return done(io, report, { format: options.format, color });
}

/** The report last, on stdout; an action that failed fails the command. */
function done(
  io: Io,
  report: ApplyReport,
  output: Parameters<typeof renderApplyOutput>[1],
): ExitCode {
  io.stdout.write(renderApplyOutput(report, output));
  if (report.interrupted) return ExitCode.interrupted;
  return report.counts.failed > 0 ? ExitCode.error : ExitCode.ok;
}
