import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { PullPlan } from '../pull/assemble.js';
import { cell, codeCell } from './markdown.js';
import { plural } from './style.js';
import { byPath } from '../util/compare.js';

/** What the pull request that adopts a drift is about, besides the files. */
export interface AdoptionContext {
  target: string;
  /** Files and opencx.yml as the repository names them (from its root). */
  pathOf: (file: string) => string;
  /** opencx.yml, when the pull request adds directory names to it. */
  configFile: string | undefined;
  /** The open drift issue of the target, when there is one. */
  issue: number | undefined;
  runUrl: string | undefined;
}

/** The title of the pull request that adopts a target's drift. */
export function adoptionTitle(target: string): string {
  return `Adopt the OpenCX drift of target ${target}`;
}

/**
 * The body of the pull request that adopts a drift: each file and why it changes, the notes of
 * the pull (a pending edit that merging publishes), and what merging does. Pure. The branch
 * it comes from is what identifies it: no hidden marker.
 */
export function renderAdoptionBody(plan: PullPlan, context: AdoptionContext): string {
  const { target, pathOf } = context;
  const found =
    context.issue === undefined ? 'The drift check found' : `The drift in #${context.issue} is`;
  const why = {
    new: 'new: managed here, with no file',
    rewritten: 'rewritten with what OpenCX holds',
    removed: 'removed: deleted in OpenCX',
  };
  const out = [
    `${found} adopted here: the training files take what OpenCX target \`${target}\` holds where it differs from them.`,
    '',
    '| file | change | training |',
    '|---|---|---|',
    ...adoptedFiles(plan).map(
      (f) => `| ${codeCell(pathOf(f.path))} | ${why[f.change]} | ${cell(f.title)} |`,
    ),
  ];
  if (context.configFile !== undefined) {
    out.push(
      '',
      `${codeCell(context.configFile)} maps the directory names the files use: ${Object.keys(
        plan.unmappedDirectories,
      )
        .sort()
        .map((name) => codeCell(name))
        .join(', ')}.`,
    );
  }
  const notes = plan.diagnostics.filter((d) => d.severity === 'warning');
  if (notes.length > 0) out.push('', '**Notes:**', ...notes.map((d) => `- ${noteOf(d)}`));
  if (plan.leftOut.duplicates > 0) {
    out.push(
      '',
      `Not adopted: ${plural(plan.leftOut.duplicates, 'extra copy', 'extra copies')} of a training, which no file can stand for; the apply after the merge removes ${plan.leftOut.duplicates === 1 ? 'it' : 'them'}.`,
    );
  }
  out.push(
    '',
    `**Merging** applies these files: OpenCX keeps the dashboard's text, and the drift issue closes at the next check. **Closing** this pull request leaves the drift, which the next apply reverts.`,
    '',
    `Opened by opencx-trainings${context.runUrl === undefined ? '' : ` ([run](${context.runUrl}))`}; a later adopt run of the same target updates this pull request.`,
  );
  return `${out.join('\n')}\n`;
}

/** The commit's message: the title, one line per file, and the trailer that marks it. Pure. */
export function renderAdoptionCommit(plan: PullPlan, target: string, trailer: string): string {
  const lines = adoptedFiles(plan).map(
    (f) =>
      `- ${f.change}: ${f.path} (${f.title}${f.change === 'removed' ? ', deleted in OpenCX' : ''})`,
  );
  return `${adoptionTitle(target)}\n\n${lines.join('\n')}\n\n${trailer}\n`;
}

/** Each file the adoption changes, and how, in path order. */
function adoptedFiles(
  plan: PullPlan,
): { path: string; title: string; change: 'new' | 'rewritten' | 'removed' }[] {
  return [
    ...plan.files
      .filter((f) => f.action !== 'skip')
      .map((f) => ({
        path: f.path,
        title: f.title,
        change: f.action === 'create' ? ('new' as const) : ('rewritten' as const),
      })),
    ...plan.removals.map((r) => ({ ...r, change: 'removed' as const })),
  ].sort(byPath);
}

function noteOf(d: Diagnostic): string {
  return `${d.file === undefined ? '' : `${codeCell(d.file)}: `}${d.message}`;
}
