import type { Plan } from '../reconcile/plan-types.js';

/** The plan as documented JSON (see docs/plan-format.md). The plan is already plain data. */
export function renderPlanJson(plan: Plan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}
