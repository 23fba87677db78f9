import { randomUUID } from 'node:crypto';
import { appendFile } from 'node:fs/promises';
import type { ApplyReport } from '../reconcile/apply-types.js';
import { ACTION_KINDS, hasChanges, type Plan } from '../reconcile/plan-types.js';

/** Step outputs by name; see action.yml for what each means. */
export type Outputs = Record<string, string>;

/** `changes`, `counts` (JSON), one count per action kind, and where the plan was saved. */
export function planOutputs(plan: Plan, planFile: string): Outputs {
  const outputs: Outputs = {
    changes: String(hasChanges(plan)),
    counts: JSON.stringify(plan.summary),
    'plan-json': planFile,
  };
  for (const kind of ACTION_KINDS) outputs[kind] = String(plan.summary[kind]);
  return outputs;
}

export function applyOutputs(
  plan: Plan,
  planFile: string,
  report: ApplyReport,
  reportFile: string,
): Outputs {
  return {
    ...planOutputs(plan, planFile),
    'report-json': reportFile,
    failed: String(report.counts.failed),
  };
}

/** adopt: the pull request that offers the adopted files. */
export function adoptOutputs(pull: { number: number; html_url: string }): Outputs {
  return { 'pull-request-number': String(pull.number), 'pull-request-url': pull.html_url };
}

/**
 * The `GITHUB_OUTPUT` file format, in its multiline form (`name<<DELIMITER`) for every value, so
 * that no value, whatever it holds, can end its own entry early or set another output.
 */
export function formatOutputs(outputs: Outputs, delimiter: () => string = randomDelimiter): string {
  return Object.entries(outputs)
    .map(([name, value]) => {
      const end = delimiter();
      if (name.includes(end) || value.includes(end) || /[\r\n]/.test(name)) {
        throw new Error(`Output "${name}" cannot be written safely.`);
      }
      return `${name}<<${end}\n${value}\n${end}\n`;
    })
    .join('');
}

/** Append the outputs to GITHUB_OUTPUT; nothing to do outside GitHub Actions. */
export async function writeOutputs(file: string | undefined, outputs: Outputs): Promise<void> {
  if (file !== undefined) await appendFile(file, formatOutputs(outputs));
}

/** Append Markdown to the job summary (GITHUB_STEP_SUMMARY), which other steps share. */
export async function appendSummary(file: string | undefined, markdown: string): Promise<void> {
  if (file !== undefined) await appendFile(file, `${markdown.trimEnd()}\n\n`);
}

function randomDelimiter(): string {
  return `ghadelimiter_${randomUUID()}`;
}
