import type { Document, LineCounter } from 'yaml';
import type { z } from 'zod';
import { type Diagnostic, type DiagnosticCode, diagnose } from '../diagnostics/diagnostic.js';
import { suggest } from '../util/suggest.js';
import { locateKey, locateValue } from './locate.js';

/** Where the data came from, and what the schema allows where zod does not say. */
export interface IssueContext {
  file: string;
  document: Document.Parsed;
  lineCounter: LineCounter;
  data: unknown;
  /** Keys allowed in the mapping at `path`, for "did you mean" on unknown keys. */
  keysAt: (path: readonly PropertyKey[]) => readonly string[];
  /** How to describe the expected value at `path`, e.g. "a list of channels". */
  expectedAt: (path: readonly PropertyKey[]) => string | undefined;
}

/**
 * A refinement reports a catalogue diagnostic by raising a custom issue with these params.
 * The args are checked by the catalogue's types at the call site through `customIssue`.
 */
interface CustomParams {
  diagnostic: DiagnosticCode;
  args: unknown;
}

export function customIssue<C extends DiagnosticCode>(
  code: C,
  args: Parameters<typeof diagnose<C>>[1],
): { code: 'custom'; message: string; params: CustomParams } {
  return { code: 'custom', message: code, params: { diagnostic: code, args } };
}

/** Every zod issue as a diagnostic at the exact line and column of the offending node. */
export function issuesToDiagnostics(
  issues: readonly z.core.$ZodIssue[],
  ctx: IssueContext,
): Diagnostic[] {
  return issues.flatMap((issue) => issueToDiagnostics(issue, ctx));
}

function issueToDiagnostics(issue: z.core.$ZodIssue, ctx: IssueContext): Diagnostic[] {
  const { file, document, lineCounter } = ctx;
  const path = issue.path;
  const field = fieldName(path);
  const at = { file, field, position: locateValue(document, lineCounter, path) };
  const received = valueAt(ctx.data, path);

  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = ctx.keysAt(path);
      return issue.keys.map((key) =>
        diagnose(
          'unknown-key',
          { key, suggestion: suggest(key, allowed), allowed },
          {
            file,
            field: fieldName([...path, key]),
            position: locateKey(document, lineCounter, path, key),
          },
        ),
      );
    }
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      const text = describeScalar(received);
      return [
        diagnose(
          'invalid-value',
          { field: labelOf(path), received: text, allowed, suggestion: suggest(text, allowed) },
          at,
        ),
      ];
    }
    case 'too_small':
      if (issue.origin === 'string') return [diagnose('empty-value', { field }, at)];
      break;
    case 'too_big':
      if (issue.origin === 'string' && typeof received === 'string') {
        return [
          diagnose('too-long', { field, length: received.length, max: Number(issue.maximum) }, at),
        ];
      }
      break;
    case 'custom': {
      const params = issue.params as CustomParams | undefined;
      if (params !== undefined) {
        return [diagnose(params.diagnostic, params.args as never, at)];
      }
      break;
    }
    default:
      break;
  }
  if (received === undefined) return [diagnose('required', { field }, at)];
  const expected = ctx.expectedAt(path) ?? expectedFromIssue(issue);
  return [diagnose('invalid-type', { field, expected, received: describeValue(received) }, at)];
}

function expectedFromIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') {
    switch (issue.expected) {
      case 'string':
        return 'text';
      case 'boolean':
        return 'true or false';
      case 'array':
        return 'a list';
      case 'object':
      case 'record':
        return 'a set of `key: value` fields';
      default:
        return `a ${issue.expected}`;
    }
  }
  return 'a valid value';
}

function fieldName(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** "channels" for `['channels', 2]`: an enum value is named after its list. */
function labelOf(path: readonly PropertyKey[]): string {
  const names = path.filter((p) => typeof p !== 'number').map(String);
  const last = names.at(-1) ?? 'value';
  return last === 'channels' ? 'channel' : last;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

function describeScalar(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
}

/** How a received value reads in a message: `the number 42`, `a list`, `empty`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return `the date ${value.toISOString().slice(0, 10)}`;
  switch (typeof value) {
    case 'string':
      return `the text "${truncate(value)}"`;
    case 'number':
    case 'bigint':
      return `the number ${String(value)}`;
    case 'boolean':
      return `${String(value)}`;
    case 'object':
      return 'a set of `key: value` fields';
    default:
      return typeof value;
  }
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
