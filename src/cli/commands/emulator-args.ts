import type { FaultOptions } from '../../emulator/faults.js';
import type { RateLimit } from '../../emulator/rate-limit.js';
import { UsageError } from '../../util/errors.js';

/** Flag values of `emulator` that are numbers, ranges or lists; each error says what to type. */

type Flag = string | boolean | undefined;

export function integerFlag(
  flag: string,
  value: Flag,
  { min, max = Number.MAX_SAFE_INTEGER }: { min: number; max?: number },
): number | undefined {
  if (typeof value !== 'string') return undefined;
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (Number.isSafeInteger(n) && n >= min && n <= max) return n;
  const range = max === Number.MAX_SAFE_INTEGER ? `${min} or more` : `from ${min} to ${max}`;
  throw new UsageError(`--${flag} must be a whole number ${range}, not "${value}".`);
}

/** A fraction such as 0.1; "10%" is accepted too. */
export function fractionFlag(flag: string, value: Flag): number | undefined {
  if (typeof value !== 'string') return undefined;
  const percent = value.endsWith('%');
  const n = Number(percent ? value.slice(0, -1) : value) / (percent ? 100 : 1);
  if (value.trim() !== '' && n >= 0 && n <= 1) return n;
  throw new UsageError(
    `--${flag} must be a fraction from 0 to 1 (e.g. 0.1 or 10%), not "${value}".`,
  );
}

/** `N/SECONDS` (e.g. 100/60), or `off`. */
export function rateLimitFlag(value: Flag): RateLimit | false | undefined {
  if (typeof value !== 'string') return undefined;
  if (value === 'off') return false;
  const match = /^(\d+)\/(\d+(?:\.\d+)?)$/.exec(value);
  const requests = Number(match?.[1]);
  const seconds = Number(match?.[2]);
  if (match !== null && requests > 0 && seconds > 0) {
    return { requests, windowMs: Math.round(seconds * 1000) };
  }
  throw new UsageError(
    `--rate-limit must be REQUESTS/SECONDS (e.g. 100/60 for the real API's limit) or off, not "${value}".`,
  );
}

/** `MIN-MAX` in ms (e.g. 20-200), or one number for a fixed delay. */
export function latencyFlag(value: Flag): FaultOptions['latencyMs'] {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d+)(?:-(\d+))?$/.exec(value);
  const min = Number(match?.[1]);
  const max = match?.[2] === undefined ? min : Number(match[2]);
  if (match !== null && max >= min) return { min, max };
  throw new UsageError(`--latency must be MIN-MAX in milliseconds (e.g. 20-200), not "${value}".`);
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

export function methodsFlag(value: Flag): string[] | undefined {
  if (typeof value !== 'string') return undefined;
  const methods = value.split(',').map((m) => m.trim().toUpperCase());
  const wrong = methods.find((m) => !METHODS.includes(m));
  if (wrong === undefined) return methods;
  throw new UsageError(
    `--fault-methods must list methods among ${METHODS.join(', ')} (e.g. POST,PUT), not "${wrong}".`,
  );
}
