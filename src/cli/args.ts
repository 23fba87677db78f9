import { parseArgs, type ParseArgsConfig } from 'node:util';
import { suggest } from '../util/suggest.js';
import type { CommonOptions } from '../app/options.js';
import { UsageError } from '../util/errors.js';

/** A flag of a command: how it is read, and how the command's usage line shows it. */
export interface Flag {
  type: 'string' | 'boolean';
  short?: string;
  /** What the value looks like in the usage line: NAME, FILE, text|json. */
  value?: string;
  /** Shown without brackets in the usage line: the command needs it. */
  required?: boolean;
}
export type Flags = Readonly<Record<string, Flag>>;

/** Flags every command that reads the repository understands. */
export const COMMON_OPTIONS = {
  target: { type: 'string', short: 't', value: 'NAME' },
  root: { type: 'string', value: 'DIR' },
  config: { type: 'string', value: 'FILE' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  // Read by validate alone; the other commands accept it and never use the cache.
  'no-cache': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Flags;

/**
 * Parse flags strictly: an unknown flag, a missing value or a stray argument is a usage error
 * in the tool's own words, with a suggestion where one helps.
 */
export function parseFlags(
  flags: Flags,
  args: readonly string[],
  { positionals = 0 }: { positionals?: number } = {},
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  const options: NonNullable<ParseArgsConfig['options']> = {};
  for (const [name, { type, short }] of Object.entries(flags)) {
    options[name] = short === undefined ? { type } : { type, short };
  }
  try {
    const parsed = parseArgs({ args: [...args], options, strict: true, allowPositionals: true });
    if (parsed.positionals.length > positionals) {
      throw new UsageError(`Unexpected argument "${parsed.positionals[positionals]}".`);
    }
    // No flag is `multiple`: every value is one string or boolean.
    const values = parsed.values as Record<string, string | boolean | undefined>;
    return { values, positionals: parsed.positionals };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(explainParseError(error, flags));
  }
}

function explainParseError(error: unknown, flags: Flags): string {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /Unknown option '(-{1,2})([^']+)'/.exec(message);
  if (unknown !== null) {
    const guess = suggest(unknown[2] ?? '', Object.keys(flags));
    return `Unknown option "${unknown[1]}${unknown[2]}".${guess === undefined ? '' : ` Did you mean "--${guess}"?`}`;
  }
  const needy =
    /Option '(?:-\w, )?(--[\w-]+) <value>' argument missing/.exec(message) ??
    /Option '(-\w|--[\w-]+)' argument is ambiguous/.exec(message);
  if (needy !== null) {
    const name = longName(needy[1] ?? '', flags);
    const shown = `--${name} ${flags[name]?.value ?? 'VALUE'}`;
    // "Ambiguous": what follows the flag starts with "-", so it was not taken as the value.
    return message.includes('ambiguous')
      ? `--${name} needs a value: ${shown} (a value that starts with "-" is written --${name}=-…).`
      : `--${name} needs a value: ${shown}.`;
  }
  const extra = /Option '(?:-\w, )?--([\w-]+)' does not take an argument/.exec(message);
  if (extra !== null) return `--${extra[1]} takes no value.`;
  return message.replace(/\s*To specify a positional argument.*$/s, '');
}

/** `target` for `--target`, and for `-t` when that is its short form. */
function longName(token: string, flags: Flags): string {
  if (token.startsWith('--')) return token.slice(2);
  const short = Object.entries(flags).find(([, flag]) => `-${flag.short}` === token);
  return short?.[0] ?? token.slice(1);
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
