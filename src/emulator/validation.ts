import type { z } from 'zod';
import type { CreateTrainingBody } from '../api/contract.js';
import type { EmulatorState } from './state.js';

/**
 * Request bodies are checked with the contract's zod schemas, and each problem becomes one
 * sentence that names the field and says what it must be, in the words of NestJS's
 * class-validator (`title must be a non-empty string`, `property foo should not exist`). Every
 * problem of a body is reported at once.
 */

/** What a field must be, by path with list indexes and metadata keys as `*`. */
const EXPECTED: Readonly<Record<string, string>> = {
  '': 'a JSON object',
  title: 'a non-empty string',
  content: 'a non-empty string',
  is_draft: 'a boolean (true or false)',
  directory_id: 'a directory id (a non-empty string) or null',
  restricted_to_channels: 'an array of channels',
  restricted_to_segments: 'an array of segment ids',
  'restricted_to_segments.*': 'a non-empty string (a segment id)',
  metadata: 'an object',
  'metadata.*': 'a string, a number, a boolean or null',
};

const GENERIC: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  boolean: 'a boolean (true or false)',
  array: 'an array',
  object: 'an object',
  record: 'an object',
  null: 'null',
};

export type Checked<T> = { ok: true; value: T } | { ok: false; messages: string[] };

export function checkBody<S extends z.ZodType>(schema: S, body: unknown): Checked<z.infer<S>> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, messages: parsed.error.issues.flatMap(describeIssue) };
}

function describeIssue(issue: z.core.$ZodIssue): string[] {
  const path = issue.path.map(String).join('.');
  const name = path === '' ? 'body' : path;
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map(
        (key) => `property ${path === '' ? key : `${path}.${key}`} should not exist`,
      );
    case 'invalid_value':
      return [`${name} must be one of: ${issue.values.map(String).join(', ')}`];
    default: {
      const pattern = issue.path.map((p) => (typeof p === 'number' ? '*' : String(p)));
      const wildcardKey = pattern.length > 1 ? [pattern[0], '*'].join('.') : pattern.join('.');
      const expected =
        EXPECTED[pattern.join('.')] ?? EXPECTED[wildcardKey] ?? genericExpectation(issue);
      return [`${name} must be ${expected}`];
    }
  }
}

function genericExpectation(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return GENERIC[issue.expected] ?? issue.expected;
  if (issue.code === 'too_small' && issue.origin === 'string') return 'a non-empty string';
  return issue.message.toLowerCase();
}

export interface TextLimits {
  titleMaxLength: number;
  contentMaxLength: number;
}

/** [inferred] The real limits are not documented; these are configurable. */
export function checkLengths(
  body: { title: string; content: string },
  limits: TextLimits,
): string[] {
  const problems: string[] = [];
  for (const [field, max] of [
    ['title', limits.titleMaxLength],
    ['content', limits.contentMaxLength],
  ] as const) {
    if (lengthOf(body[field]) > max) {
      problems.push(`${field} must be shorter than or equal to ${max} characters`);
    }
  }
  return problems;
}

/** Characters as a person counts them (code points), not UTF-16 units. */
function lengthOf(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** Directory and segment ids must name what exists; the message says where to find them. */
export function checkReferences(
  body: Pick<CreateTrainingBody, 'directory_id' | 'restricted_to_segments'>,
  state: {
    directories: readonly Pick<EmulatorState['directories'][number], 'id'>[];
    segments: readonly Pick<EmulatorState['segments'][number], 'id'>[];
  },
): string[] {
  const problems: string[] = [];
  const directory = body.directory_id;
  if (directory != null && !state.directories.some((d) => d.id === directory)) {
    problems.push(unknownDirectory(directory));
  }
  (body.restricted_to_segments ?? []).forEach((id, index) => {
    if (!state.segments.some((s) => s.id === id)) {
      problems.push(
        `restricted_to_segments.${index} must be the id of an existing segment; "${id}" is not one (see GET /contacts/segments)`,
      );
    }
  });
  return problems;
}

export function unknownDirectory(id: string): string {
  return `directory_id must be the id of an existing directory; "${id}" is not one`;
}
