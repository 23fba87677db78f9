import { readFile } from 'node:fs/promises';
import path from 'node:path';
import YAML from 'yaml';
import type { z } from 'zod';
import type { ActionFile, WorkflowFile } from './github-yaml-schema.js';

/**
 * A check of GitHub Actions files in the spirit of actionlint, without it: the shapes of
 * github-yaml-schema.ts, plus the rules that a schema cannot say (expressions that name inputs
 * and steps that exist, pinned actions, no expression inside a script). Each check returns a
 * list of problems, empty when all is well.
 */

export const REPO = path.resolve(import.meta.dirname, '../..');

/** Parse a YAML file of the repository with a schema; YAML or schema errors are problems. */
export async function readGitHubYaml<T>(
  relative: string,
  schema: z.ZodType<T>,
): Promise<{ data: T | undefined; text: string; problems: string[] }> {
  const text = await readFile(path.join(REPO, relative), 'utf8');
  const document = YAML.parseDocument(text);
  if (document.errors.length > 0) {
    return {
      data: undefined,
      text,
      problems: document.errors.map((e) => `${relative}: ${e.message}`),
    };
  }
  const parsed = schema.safeParse(document.toJS());
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (i) => `${relative}: ${i.path.join('.')}: ${i.message}`,
    );
    return { data: undefined, text, problems };
  }
  return { data: parsed.data, text, problems: [] };
}

/** Every `${{ ... }}` expression in a value, however deep. */
function expressionsIn(value: unknown): string[] {
  if (typeof value === 'string')
    return [...value.matchAll(/\$\{\{(.*?)\}\}/gs)].map((m) => (m[1] ?? '').trim());
  if (Array.isArray(value)) return value.flatMap(expressionsIn);
  if (value !== null && typeof value === 'object')
    return Object.values(value).flatMap(expressionsIn);
  return [];
}

/** `owner/repo@v4` or a full commit sha; a local `./path`. Never a branch such as `@main`. */
function checkPinned(uses: string): string | undefined {
  if (uses.startsWith('./')) return undefined;
  const match = /^[\w.-]+\/[\w./-]+@(.+)$/.exec(uses);
  if (match === null) return `"${uses}" names no version`;
  const ref = match[1] as string;
  return /^v\d+(\.\d+){0,2}$/.test(ref) || /^[0-9a-f]{40}$/.test(ref)
    ? undefined
    : `"${uses}" is not pinned to a version tag or a commit`;
}

/** The rules of action.yml beyond its shape: its expressions name only inputs it has. */
export function checkAction(action: ActionFile): string[] {
  const inputs = new Set(Object.keys(action.inputs));
  return expressionsIn(action).flatMap((expression) =>
    [...expression.matchAll(/\binputs\.([\w-]+)/g)]
      .filter(([, name]) => !inputs.has(name as string))
      .map(() => `\${{ ${expression} }} names an input that does not exist`),
  );
}

/** The rules of a workflow beyond its shape; `action` checks the `with:` of steps using `./`. */
export function checkWorkflow(workflow: WorkflowFile, action?: ActionFile): string[] {
  const problems: string[] = [];
  for (const [name, job] of Object.entries(workflow.jobs)) {
    if (workflow.permissions === undefined && job.permissions === undefined) {
      problems.push(`job ${name} has no permissions, so it gets the repository's defaults`);
    }
    let checkedOut = false;
    for (const step of job.steps) {
      if (step.run?.match(/\$\{\{\s*(github\.event\.|inputs\.)/)) {
        problems.push(
          `job ${name}: a script uses an event or input value directly: pass it through env`,
        );
      }
      if (step.uses === undefined) continue;
      if (step.uses.startsWith('actions/checkout@')) checkedOut = true;
      const unpinned = checkPinned(step.uses);
      if (unpinned !== undefined) problems.push(`job ${name}: ${unpinned}`);
      if (!step.uses.startsWith('./')) continue;
      if (!checkedOut) problems.push(`job ${name}: uses ./ before actions/checkout`);
      if (action === undefined) continue;
      for (const key of Object.keys(step.with ?? {})) {
        if (!(key in action.inputs))
          problems.push(`job ${name}: input "${key}" is not in action.yml`);
      }
      for (const [key, input] of Object.entries(action.inputs)) {
        if (input.required === true && !(key in (step.with ?? {})))
          problems.push(`job ${name}: required input "${key}" is missing`);
      }
    }
  }
  for (const expression of expressionsIn(workflow)) {
    if (/\$\{\{/.test(expression)) problems.push(`nested expression: ${expression}`);
  }
  return problems;
}
