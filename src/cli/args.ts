import { parseArgs, type ParseArgsConfig } from 'node:util';
import { suggest } from '../util/suggest.js';
import type { CommonOptions } from '../app/options.js';
import { UsageError } from '../util/errors.js';

type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** Flags every command that reads the repository understands. */
export const COMMON_OPTIONS = {
  config: { type: 'string' },
  root: { type: 'string' },
  target: { type: 'string', short: 't' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  // Read by validate alone; the other commands accept it and never use the cache.
  'no-cache': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies OptionSpec;

/** Parse flags strictly: an unknown flag is a usage error with a suggestion. */
export function parseFlags<S extends OptionSpec>(
  spec: S,
  args: readonly string[],
  { positionals = 0 }: { positionals?: number } = {},
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const parsed = parseArgs({
      args: [...args],
      options: spec,
      strict: true,
      allowPositionals: true,
    });
    if (parsed.positionals.length > positionals) {
      throw new UsageError(`Unexpected argument "${parsed.positionals[positionals]}".`);
    }
    return {
      values: parsed.values,
      positionals: parsed.positionals,
    };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(explainParseError(error, Object.keys(spec)));
  }
}

function explainParseError(error: unknown, known: readonly string[]): string {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /Unknown option '(-{1,2})([^']+)'/.exec(message);
  if (unknown !== null) {
    const guess = suggest(unknown[2] ?? '', known);
    return `Unknown option "${unknown[1]}${unknown[2]}".${guess === undefined ? '' : ` Did you mean "--${guess}"?`}`;
  }
  return message.replace(/\s*To specify a positional argument.*$/s, '');
}

export function commonOptions(values: Record<string, string | boolean | undefined>): CommonOptions {
  return {
    config: stringValue(values.config),
    root: stringValue(values.root),
    target: stringValue(values.target),
    color: values['no-color'] === true ? false : values.color === true ? true : undefined,
  };
}

export function stringValue(value: string | boolean | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A flag restricted to a few values, e.g. `--format text|json`. */
export function choice<T extends string>(
  flag: string,
  value: string | boolean | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined || typeof value === 'boolean') return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  const guess = suggest(value, allowed);
  throw new UsageError(
    `--${flag} must be one of ${allowed.join(', ')}, not "${value}".${guess === undefined ? '' : ` Did you mean "${guess}"?`}`,
  );
}
