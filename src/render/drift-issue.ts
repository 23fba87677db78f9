import type { Action, Plan } from '../reconcile/plan-types.js';
import { cell, codeCell } from './markdown.js';
import { renderPlanMarkdown } from './plan-markdown.js';

/**
 * The issue that says a target drifted from the files: what differs in OpenCX, where the change
 * came from, and the two ways out. Pure; the caller adds the hidden marker.
 */
export function renderDriftIssue(
  plan: Plan,
  runUrl: string | undefined,
  workflow?: { name: string; url: string | undefined },
): string {
  const drifted = plan.actions.filter((a) => a.kind !== 'no-op');
  const out = [
    `OpenCX target \`${plan.target.name}\` no longer matches the training files: ${drifted.length} training(s) differ. The next apply (the next merge) would revert them.`,
    '',
    '| training | key | in OpenCX |',
    '|---|---|---|',
    ...drifted.map((a) => `| ${cell(a.title)} | ${codeCell(a.key)} | ${cell(originOf(a))} |`),
    '',
    '<details><summary>The plan that would revert it</summary>',
    '',
    renderPlanMarkdown(plan),
    '</details>',
    '',
    '**Two ways out:**',
    `- **Revert**: apply the files again (\`opencx-trainings apply --target ${plan.target.name}\`, or run the apply workflow). OpenCX gets the files' text back.`,
    `- **Adopt**: keep what OpenCX holds. ${adoptByWorkflow(workflow)}Or locally: \`opencx-trainings pull --target ${plan.target.name} --drifted\` writes it into the files (and removes those of deleted trainings); open a pull request with them.`,
    '',
    `This issue is updated on every drift check and closed when the drift is gone.${runUrl === undefined ? '' : ` [Last check](${runUrl}).`}`,
  ];
  return `${out.join('\n')}\n`;
}

/** How to start the workflow's adopt job, when the workflow is known. */
function adoptByWorkflow(workflow: { name: string; url: string | undefined } | undefined): string {
  if (workflow === undefined) return '';
  const name =
    workflow.url === undefined
      ? `**${cell(workflow.name)}**`
      : `[${cell(workflow.name)}](${workflow.url})`;
  return `Run the workflow ${name} by hand with **adopt** ticked (Run workflow): it opens a pull request with the dashboard's text. `;
}

/** Where a difference came from, as drift: what someone did in OpenCX. */
function originOf(a: Action): string {
  switch (a.kind) {
    case 'update':
      return a.reason === 'pending-edit' ? 'edited in the dashboard, not published' : 'edited';
    case 'publish':
    case 'unpublish':
      return a.kind === 'publish' ? 'turned into a draft' : 'published';
    case 'create':
      return 'deleted';
    case 'delete':
      return 'has no file';
    case 'repair-duplicate':
      return 'duplicated';
    case 'no-op':
      return '';
  }
}
