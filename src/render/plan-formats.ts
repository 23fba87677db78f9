import type { Plan } from '../reconcile/plan-types.js';
import { planJsonChunks } from './plan-json.js';
import { renderPlanMarkdown } from './plan-markdown.js';
import { renderPlanText } from './plan-text.js';

export const PLAN_FORMATS = ['text', 'json', 'markdown'] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];

/**
 * A plan in the format `plan --format` names, in pieces to write one after the other (a JSON
 * plan of a large org is never one string). Pure. Only the text is set off from what was
 * printed before it (the target line); JSON and Markdown are whole documents.
 */
export function renderPlan(
  plan: Plan,
  format: PlanFormat,
  options: { color: boolean; verbose: boolean },
): Iterable<string> {
  switch (format) {
    case 'json':
      return planJsonChunks(plan);
    case 'markdown':
      return [renderPlanMarkdown(plan)];
    case 'text':
      return [`\n${renderPlanText(plan, options)}`];
  }
}
