import type { Plan } from '../reconcile/plan-types.js';

/** About how much text a piece of the JSON plan holds. */
const CHUNK = 1 << 16;
const EMPTY_ACTIONS = '\n  "actions": []';
/** `[\n  [\n` and `\n  ]\n]` around an action in `JSON.stringify([[action]], null, 2)`. */
const NESTED_OPEN = 6;
const NESTED_CLOSE = 6;

/** The plan as documented JSON (see docs/plan-format.md). The plan is already plain data. */
export function renderPlanJson(plan: Plan): string {
  return [...planJsonChunks(plan)].join('');
}

/**
 * The same JSON, `JSON.stringify(plan, null, 2)` and a newline, in pieces of about 64 KiB, so
 * that the plan of a large org is written out without ever being one string in memory: the
 * plan around an empty list of actions, with the actions written into it one by one.
 */
export function* planJsonChunks(plan: Plan): Generator<string> {
  const frame = JSON.stringify({ ...plan, actions: [] }, null, 2);
  const at = frame.indexOf(EMPTY_ACTIONS);
  if (plan.actions.length === 0 || at === -1) {
    yield `${frame}\n`;
    return;
  }
  let piece = `${frame.slice(0, at)}\n  "actions": [\n`;
  const last = plan.actions.length - 1;
  for (const [i, action] of plan.actions.entries()) {
    // Nested twice, JSON.stringify indents the action as the plan's list holds it.
    piece += JSON.stringify([[action]], null, 2).slice(NESTED_OPEN, -NESTED_CLOSE);
    piece += i === last ? '\n' : ',\n';
    if (piece.length >= CHUNK) {
      yield piece;
      piece = '';
    }
  }
  yield `${piece}  ]${frame.slice(at + EMPTY_ACTIONS.length)}\n`;
}
