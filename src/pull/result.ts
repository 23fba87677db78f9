import { diagnose, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { PullPlan } from './assemble.js';
import type { FileResult } from './files.js';

/** What a pull did: the plan, then what became of each file and of opencx.yml. Plain data. */
export interface PullResult {
  plan: PullPlan;
  /** Nothing was written: the plan says what would be. */
  dryRun: boolean;
  /** One per file written or attempted; empty on a dry run. */
  results: FileResult[];
  /** Problems found while writing: paths that turned out to leave the folder, failed writes. */
  diagnostics: Diagnostic[];
  /** The config file the unmapped directory names were added to, or null. */
  mappedIn: string | null;
  /** False when a training was refused or a file could not be written. */
  complete: boolean;
}

/**
 * The result of a pull from its plan and what writing did. Pure. A write that did not happen
 * is an error on its file, so that it is reported with the trainings the plan refused and the
 * pull is not complete.
 */
export function pullResult(
  plan: PullPlan,
  done: { dryRun: boolean; results: FileResult[]; mappedIn: string | null },
): PullResult {
  const diagnostics = done.results.flatMap((r) => diagnoseWrite(r, plan.folder));
  const refused = plan.diagnostics.some((d) => d.severity === 'error');
  return { plan, ...done, diagnostics, complete: !refused && diagnostics.length === 0 };
}

function diagnoseWrite(result: FileResult, folder: string): Diagnostic[] {
  const where = { file: `${folder}/${result.path}` };
  if (result.outcome === 'outside')
    return [diagnose('path-outside-folder', { folder, symlink: true }, where)];
  if (result.outcome === 'failed')
    return [diagnose('write-failed', { reason: result.reason ?? 'unknown error' }, where)];
  return [];
}
