import { MassDeleteRefusedError, refusingGuard, type ApplyOptions } from '../reconcile/apply.js';
import type { Plan } from '../reconcile/plan-types.js';
import { ExitCode, ExitError } from '../util/errors.js';
import type { Io, Writer } from './io.js';

/**
 * Permission to apply `plan`, or an ExitError already explained. On a terminal only "yes"
 * says yes; elsewhere only `--yes` may. A plan the engine would refuse (the mass-delete guard)
 * is refused before the question, which it would make useless; `applyPlan` still checks it.
 */
export async function confirmApply(
  plan: Plan,
  options: { yes: boolean } & Pick<ApplyOptions, 'limits' | 'allowMassDelete'>,
  io: Io,
  info: Writer,
): Promise<void> {
  const refused = refusingGuard(plan, options);
  if (refused !== null) throw new MassDeleteRefusedError(refused);
  if (options.yes) return;
  if (!io.interactive) {
    io.stderr.write(
      '\nRefusing to apply without confirmation: not running in a terminal. Pass --yes to apply.\n',
    );
    throw new ExitError(ExitCode.error);
  }
  const answer = await io.ask(
    `\nApply these changes to target "${plan.target.name}"? Only "yes" is accepted: `,
  );
  if (answer.trim().toLowerCase() !== 'yes') {
    info.write('Apply cancelled; nothing was changed.\n');
    throw new ExitError(ExitCode.error);
  }
}
