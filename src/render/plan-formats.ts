import type { Plan } from '../reconcile/plan-types.js';
import { renderPlanJson } from './plan-json.js';
import { renderPlanMarkdown } from './plan-markdown.js';
import { renderPlanText } from './plan-text.js';

export const PLAN_FORMATS = ['text', 'json', 'markdown'] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];

/**
 * A plan in the format `plan --format` names. Pure. Only the text is set off from what was
 * printed before it (the target line); JSON and Markdown are whole documents.
 */
export function renderPlan(
  plan: Plan,
  format: PlanFormat,
  options: { color: boolean; verbose: boolean },
): string {
  switch (format) {
    case 'json':
      return renderPlanJson(plan);
    case 'markdown':
      return renderPlanMarkdown(plan);
    case 'text':
      return `\n${renderPlanText(plan, options)}`;
  }
}
