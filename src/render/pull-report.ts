import { stringify } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { PullPlan } from '../pull/assemble.js';
import type { PullResult } from '../pull/result.js';
import { renderDiagnostics } from './diagnostics.js';
import { plural, styleFor, type Style } from './style.js';

/** What a pull did (or would do, on a dry run), file by file, then what to do next. Pure. */
export function renderPullReport(result: PullResult, options: { color: boolean }): string {
  const { plan, dryRun } = result;
  const s = styleFor(options.color);
  const lines: string[] = [`\n${describeSelection(plan)}`];
  const shown = (p: string): string => `${plan.folder}/${p}`;
  const outcome = new Map(result.results.map((r) => [r.path, r.outcome]));
  const done = (action: 'create' | 'overwrite', wanted: 'created' | 'overwritten'): string[] =>
    plan.files
      .filter((f) => f.action === action && (dryRun || outcome.get(f.path) === wanted))
      .map((f) => f.path);
  const exists = plan.files
    .filter((f) => f.action === 'skip' || outcome.get(f.path) === 'exists')
    .map((f) => f.path);

  const verb = dryRun ? 'Would write' : 'Wrote';
  section(
    lines,
    `${verb} ${plural(done('create', 'created').length, 'new file')} in ${plan.folder}/:`,
    done('create', 'created').map((p) => `  ${s.green('+')} ${shown(p)}`),
  );
  section(
    lines,
    `${dryRun ? 'Would overwrite' : 'Overwrote'} ${plural(done('overwrite', 'overwritten').length, 'file')} ${plan.mode === 'drifted' ? 'with what OpenCX holds' : '(--force)'}:`,
    done('overwrite', 'overwritten').map((p) => `  ${s.yellow('~')} ${shown(p)}`),
  );
  const removed = plan.removals
    .filter((f) => dryRun || outcome.get(f.path) === 'removed')
    .map((f) => f.path);
  section(
    lines,
    `${dryRun ? 'Would remove' : 'Removed'} ${plural(removed.length, 'file')} whose training was deleted in OpenCX:`,
    removed.map((p) => `  ${s.red('-')} ${shown(p)}`),
  );
  section(
    lines,
    `Skipped ${plural(exists.length, 'file')} that already exist (--force overwrites them):`,
    exists.map((p) => `  ${s.dim('=')} ${shown(p)}`),
  );

  const all = [...plan.diagnostics, ...result.diagnostics];
  const errors = all.filter((d) => d.severity === 'error');
  const notes = all.filter((d) => d.severity === 'warning');
  if (errors.length > 0) {
    lines.push('', s.red(`Not written: ${plural(errors.length, 'training')}.`));
    lines.push(renderGrouped(errors, options.color));
  }
  if (notes.length > 0) {
    lines.push('', `${plural(notes.length, 'note')}:`, renderGrouped(notes, options.color));
  }
  lines.push(...renderDirectories(plan.unmappedDirectories, result.mappedIn, s));

  const written = plan.files.some((f) => f.action !== 'skip') || plan.removals.length > 0;
  if (written) {
    lines.push(
      '',
      `Next: review the files, then run "opencx-trainings validate" and "opencx-trainings plan".`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Why nothing was pulled: the files that must be readable first. Pure. */
export function renderPullRefused(
  diagnostics: readonly Diagnostic[],
  options: { color: boolean },
): string {
  return `${renderDiagnostics(diagnostics, options)}Nothing was pulled: every file must be readable first, since one may already stand for a training (opencx-trainings validate).\n`;
}

function describeSelection(plan: PullPlan): string {
  if (plan.mode === 'drifted') return describeDrift(plan);
  const { hasFile, otherNamespace, ownWithoutFile } = plan.leftOut;
  const reasons = [
    hasFile > 0 ? `${hasFile} already ${hasFile === 1 ? 'has a file' : 'have a file'} here` : '',
    otherNamespace > 0
      ? `${otherNamespace} ${otherNamespace === 1 ? 'is' : 'are'} managed by another repository (--all takes them)`
      : '',
    ownWithoutFile > 0
      ? `${ownWithoutFile} ${ownWithoutFile === 1 ? 'is' : 'are'} managed by this repository without a file (taken without --unmanaged)`
      : '',
  ].filter((r) => r !== '');
  const read = `Read ${plural(plan.total, 'training')} from OpenCX`;
  if (plan.files.length === 0 && plan.diagnostics.length === 0) {
    return `${read}. Nothing to pull${reasons.length > 0 ? `: ${reasons.join('; ')}` : ''}.`;
  }
  return reasons.length === 0 ? `${read}.` : `${read}; left out: ${reasons.join('; ')}.`;
}

/** What adopting the drift reads: the trainings that differ from their file, and the deleted ones. */
function describeDrift(plan: PullPlan): string {
  const { duplicates } = plan.leftOut;
  const copies =
    duplicates === 0
      ? ''
      : ` Left out: ${plural(duplicates, 'extra copy', 'extra copies')} of a key, which the next apply removes.`;
  if (plan.total === 0 && plan.removals.length === 0) {
    return `No drift to adopt: OpenCX matches the files.${copies}`;
  }
  const deleted =
    plan.removals.length === 0 ? '' : `; ${plural(plan.removals.length, 'training')} deleted there`;
  return `Adopting the drift: ${plural(plan.total, 'training')} in OpenCX ${plan.total === 1 ? 'differs' : 'differ'} from ${plan.total === 1 ? 'its file' : 'their files'}${deleted}.${copies}`;
}

/** Diagnostics grouped by code, the hint once per group: ten pending edits need one hint. */
function renderGrouped(diagnostics: readonly Diagnostic[], color: boolean): string {
  const groups = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) groups.set(d.code, [...(groups.get(d.code) ?? []), d]);
  return [...groups.values()]
    .map((group) => {
      const text = renderDiagnostics(
        group.map(({ hint: _hint, ...d }) => d),
        { color },
      );
      const hint = group[0]?.hint;
      return hint === undefined ? text : `${text}  ${styleFor(color).dim('hint:')} ${hint}\n`;
    })
    .join('')
    .trimEnd();
}

function section(lines: string[], title: string, items: readonly string[]): void {
  if (items.length > 0) lines.push('', title, ...items);
}

/** The `directories:` block to paste into opencx.yml, or where it was added. */
function renderDirectories(
  unmapped: Readonly<Record<string, string>>,
  mappedIn: string | null,
  s: Style,
): string[] {
  const names = Object.keys(unmapped).sort();
  if (names.length === 0) return [];
  if (mappedIn !== null) {
    return [
      '',
      `Added ${plural(names.length, 'directory', 'directories')} to \`directories:\` in ${mappedIn}: ${names.join(', ')}.`,
    ];
  }
  const block = stringify({ directories: Object.fromEntries(names.map((n) => [n, unmapped[n]])) });
  return [
    '',
    s.yellow(
      `The files name ${plural(names.length, 'directory', 'directories')} that opencx.yml does not map: validate reports them until they are added to opencx.yml, by hand or with "opencx-trainings pull --map-directories":`,
    ),
    block.trimEnd(),
  ];
}
