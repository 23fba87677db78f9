import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { PullPlan } from '../pull/assemble.js';
import { cell, codeCell } from './markdown.js';
import { plural } from './style.js';

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
 * the pull (a pending edit that merging publishes), and what merging does. Pure; the caller
 * adds the hidden marker.
 */
export function renderAdoptionBody(plan: PullPlan, context: AdoptionContext): string {
  const { target, pathOf } = context;
  const found =
    context.issue === undefined ? 'The drift check found' : `The drift in #${context.issue} is`;
  const rows = [
    ...plan.files
      .filter((f) => f.action !== 'skip')
      .map((f) => ({
        path: pathOf(f.path),
        title: f.title,
        what:
          f.action === 'create'
            ? 'new: managed here, with no file'
            : 'rewritten with what OpenCX holds',
      })),
    ...plan.removals.map((r) => ({
      path: pathOf(r.path),
      title: r.title,
      what: 'removed: deleted in OpenCX',
    })),
  ].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const out = [
    `${found} adopted here: the training files take what OpenCX target \`${target}\` holds where it differs from them.`,
    '',
    '| file | change | training |',
    '|---|---|---|',
    ...rows.map((r) => `| ${codeCell(r.path)} | ${r.what} | ${cell(r.title)} |`),
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
  const lines = [
    ...plan.files
      .filter((f) => f.action !== 'skip')
      .map((f) => `- ${f.action === 'create' ? 'new' : 'rewritten'}: ${f.path} (${f.title})`),
    ...plan.removals.map((r) => `- removed: ${r.path} (${r.title}, deleted in OpenCX)`),
  ];
  return `${adoptionTitle(target)}\n\n${lines.join('\n')}\n\n${trailer}\n`;
}

function noteOf(d: Diagnostic): string {
  return `${d.file === undefined ? '' : `${codeCell(d.file)}: `}${d.message}`;
}
