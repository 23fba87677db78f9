import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parsePlan } from '../reconcile/plan-schema.js';
import type { Plan } from '../reconcile/plan-types.js';
import { comparePlans } from '../reconcile/saved-plan.js';
import { planJsonChunks } from '../render/plan-json.js';
import { ConfigError } from '../util/errors.js';

/**
 * Plan files: what `plan --out FILE` saves and `apply --plan FILE` reads back. A saved plan is a
 * promise, not a program: apply plans again and goes on only when the fresh plan is the saved
 * one, so nothing read here ever decides what is written. `file` is the path as the user typed
 * it (relative to `cwd`), and messages name it that way.
 */

/** The plan as the documented JSON (docs/plan-format.md), which `readPlanFile` reads back. */
export async function writePlanFile(plan: Plan, file: string, cwd: string): Promise<void> {
  await writeFile(path.resolve(cwd, file), planJsonChunks(plan));
}

/** A plan saved by `plan --out`; a ConfigError says why a file cannot be one. */
export async function readPlanFile(file: string, cwd: string): Promise<Plan> {
  let text: string;
  try {
    text = await readFile(path.resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new ConfigError(cannotRead(file, error));
  }
  const parsed = parsePlanFile(text, file);
  if (!parsed.ok) throw new ConfigError(parsed.message);
  return parsed.plan;
}

/**
 * The text of a plan file as a plan of this version, checked field by field, or a message that
 * names the first wrong fields and how to make the file again. Pure.
 */
export function parsePlanFile(
  text: string,
  file: string,
): { ok: true; plan: Plan } | { ok: false; message: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: cannotRead(file, error) };
  }
  const result = parsePlan(value);
  if (result.ok) return result;
  return {
    ok: false,
    message: `${file} is not a plan saved by this version of opencx-trainings:\n${result.problems.map((p) => `  ${p}`).join('\n')}\nMake it again with "opencx-trainings plan --out ${file}".`,
  };
}

/**
 * Whether the saved plan (what the reviewer agreed to) still holds against the fresh one (what
 * would be written now): only when they are the same may apply go on, and then with the fresh
 * one. Otherwise the message lists every difference and says how to start again. Pure.
 */
export function checkSavedPlan(
  saved: Plan,
  fresh: Plan,
  file: string,
): { ok: true } | { ok: false; message: string } {
  const differences = comparePlans(saved, fresh);
  if (differences.length === 0) return { ok: true };
  return {
    ok: false,
    message: `The saved plan ${file} no longer holds; nothing was changed.\n${differences.map((d) => `  - ${d}`).join('\n')}\nRun "opencx-trainings plan --out ${file}" again, review it, then apply it.`,
  };
}

function cannotRead(file: string, error: unknown): string {
  return `Cannot read the plan ${file}: ${(error as Error).message}`;
}
