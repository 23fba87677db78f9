import type { Io } from '../app/io.js';
import { loadProject } from '../app/project.js';
import type { Session } from '../app/session.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { impactByScope, newFindings } from '../lint/compare.js';
import { lintTrainings } from '../lint/lint.js';
import type { Desired } from '../model/training.js';
import type { LintSections } from '../render/lint-comment.js';
import { withBaseFiles } from './base-files.js';
import type { ActionOptions, ActionRun } from './run.js';

/**
 * What the pull request changes in what the agent is told: its trainings linted and compared
 * with those of its base (read with git, linted with the same settings), so that only the
 * findings it introduces are listed.
 */
export async function lintChange(
  session: Session,
  options: ActionOptions,
  io: Io,
  run: ActionRun,
): Promise<LintSections> {
  const head = lintTrainings(session.desired, session.config.lint);
  const baseSha = run.context.event.pullRequest?.baseSha ?? null;
  const base =
    baseSha === null
      ? undefined
      : await withBaseFiles(io.cwd, baseSha, (dir) => trainingsIn(dir, options, io));
  if (base === undefined) return { impact: null, added: head, existing: 0 };
  const { added, existing } = newFindings(head, lintTrainings(base, session.config.lint));
  return { impact: impactByScope(base, session.desired), added, existing };
}

/** The valid trainings of the project in `dir` (a base with errors counts as empty). */
async function trainingsIn(dir: string, options: ActionOptions, io: Io): Promise<Desired[]> {
  const project = await loadProject(options, { ...io, cwd: dir });
  return project.source === null || hasErrors(project.diagnostics) ? [] : project.source.trainings;
}
