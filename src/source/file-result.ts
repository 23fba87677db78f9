import { catalog } from '../diagnostics/catalog.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { CHANNELS, TRAINING_TYPES, type Desired } from '../model/training.js';

/** What reading one file gives: the training, or every problem found in it. */
export type FileResult = { training: Desired } | { diagnostics: Diagnostic[] };

/**
 * The shape of a cached parse result. The cache file is written by this tool but lives where
 * anyone may edit it, so an entry that is not exactly a result is dropped and its file parsed
 * again, rather than trusted. Checked by hand rather than with zod: a warm run checks every
 * entry, and zod would take back a good part of the time the cache saves.
 */
export function asFileResult(value: unknown): FileResult | undefined {
  if (!isRecord(value)) return undefined;
  if (hasOnly(value, TRAINING_RESULT)) {
    return isDesired(value.training) ? { training: value.training } : undefined;
  }
  if (hasOnly(value, DIAGNOSTICS_RESULT)) {
    const { diagnostics } = value;
    return Array.isArray(diagnostics) && diagnostics.every(isDiagnostic)
      ? { diagnostics }
      : undefined;
  }
  return undefined;
}

const TRAINING_RESULT = ['training'] as const;
const DIAGNOSTICS_RESULT = ['diagnostics'] as const;

const DESIRED_FIELDS = [
  'key',
  'file',
  'id',
  'title',
  'content',
  'type',
  'channels',
  'segments',
  'directory',
  'draft',
  'metadata',
  'positions',
] as const satisfies readonly (keyof Desired)[];

function isDesired(value: unknown): value is Desired {
  return (
    isRecord(value) &&
    hasOnly(value, DESIRED_FIELDS) &&
    typeof value.key === 'string' &&
    typeof value.file === 'string' &&
    isNullableString(value.id) &&
    typeof value.title === 'string' &&
    typeof value.content === 'string' &&
    (TRAINING_TYPES as readonly unknown[]).includes(value.type) &&
    Array.isArray(value.channels) &&
    value.channels.every((c) => (CHANNELS as readonly unknown[]).includes(c)) &&
    Array.isArray(value.segments) &&
    value.segments.every((s) => typeof s === 'string') &&
    isNullableString(value.directory) &&
    typeof value.draft === 'boolean' &&
    isRecord(value.metadata) &&
    Object.values(value.metadata).every((v) =>
      ['string', 'number', 'boolean'].includes(typeof v),
    ) &&
    isRecord(value.positions) &&
    Object.values(value.positions).every(isPosition)
  );
}

const OPTIONAL_TEXT = ['hint', 'file', 'field'] as const satisfies readonly (keyof Diagnostic)[];
const OPTIONAL_NUMBERS = ['line', 'column'] as const satisfies readonly (keyof Diagnostic)[];
const DIAGNOSTIC_FIELDS: readonly string[] = [
  ...(['severity', 'code', 'message'] as const satisfies readonly (keyof Diagnostic)[]),
  ...OPTIONAL_TEXT,
  ...OPTIONAL_NUMBERS,
];

function isDiagnostic(value: unknown): value is Diagnostic {
  return (
    isRecord(value) &&
    Object.keys(value).every((k) => DIAGNOSTIC_FIELDS.includes(k)) &&
    (value.severity === 'error' || value.severity === 'warning') &&
    typeof value.code === 'string' &&
    Object.hasOwn(catalog, value.code) &&
    typeof value.message === 'string' &&
    OPTIONAL_TEXT.every((k) => value[k] === undefined || typeof value[k] === 'string') &&
    OPTIONAL_NUMBERS.every((k) => value[k] === undefined || Number.isInteger(value[k]))
  );
}

function isPosition(value: unknown): boolean {
  return (
    isRecord(value) &&
    hasOnly(value, ['line', 'column']) &&
    Number.isInteger(value.line) &&
    Number.isInteger(value.column)
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Exactly these keys, no more and no fewer. */
function hasOnly(value: Record<string, unknown>, keys: readonly string[]): boolean {
  const own = Object.keys(value);
  return own.length === keys.length && keys.every((k) => Object.hasOwn(value, k));
}

function isNullableString(value: unknown): boolean {
  return value === null || typeof value === 'string';
}
