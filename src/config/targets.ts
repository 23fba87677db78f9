import { DEFAULT_LOCAL_DATA } from './schema.js';
import { DEFAULT_TOKEN_ENV, OPENCX_API_URL } from '../model/opencx-api.js';
import type { Config, Target } from './config.js';
import { ConfigError } from '../util/errors.js';
import { redactUrlCredentials } from '../util/redact.js';
import { suggest } from '../util/suggest.js';

/**
 * Which target a command talks to, in order: `--target`, the config's `default_target`, then
 * OpenCX itself when there is no config but the default API key variable is set, and otherwise
 * the embedded local emulator, so that a first run needs no account and touches nothing real.
 */
export function selectTarget(
  config: Config,
  env: Readonly<Record<string, string | undefined>>,
  requested?: string,
): Target {
  const base = { directories: config.directories, rateLimit: config.rateLimit };
  const name = requested ?? config.defaultTarget ?? undefined;
  if (name !== undefined) {
    const target = config.targets[name];
    if (target !== undefined) return target;
    if (name === 'local') return localTarget(base);
    const known = Object.keys(config.targets);
    const guess = suggest(name, known);
    throw new ConfigError(
      `Target "${name}" is not defined in ${config.file ?? 'opencx.yml'}.${guess === undefined ? '' : ` Did you mean "${guess}"?`}` +
        (known.length > 0
          ? ` Defined targets: ${known.join(', ')}.`
          : ' Define it under `targets:`.'),
    );
  }
  if (Object.keys(config.targets).length === 0 && nonEmpty(env[DEFAULT_TOKEN_ENV])) {
    return {
      ...base,
      name: 'opencx',
      kind: 'remote',
      url: OPENCX_API_URL,
      tokenEnv: DEFAULT_TOKEN_ENV,
    };
  }
  return localTarget(base);
}

/**
 * The first line of every command that talks to a target: where the changes go. Credentials in
 * the URL are refused when the config is read; masking them here too means no other way in
 * (a target built in code) can print them.
 */
export function describeTarget(target: Target): string {
  return target.kind === 'local'
    ? `Target: ${target.name} (the embedded OpenCX emulator, data in ${target.dataFile})`
    : `Target: ${target.name} (${redactUrlCredentials(target.url)}, API key from $${target.tokenEnv})`;
}

/** The API key of a remote target, from its environment variable. */
export function readToken(
  target: Extract<Target, { kind: 'remote' }>,
  env: Readonly<Record<string, string | undefined>>,
): string {
  const token = env[target.tokenEnv];
  if (!nonEmpty(token)) {
    throw new ConfigError(
      `The API key for target "${target.name}" is missing: set the environment variable ${target.tokenEnv} (an API key from the OpenCX dashboard).`,
    );
  }
  return token.trim();
}

function nonEmpty(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}

/** The embedded emulator with its default data file, without a rate limit. */
function localTarget(base: Pick<Target, 'directories' | 'rateLimit'>): Target {
  return {
    ...base,
    name: 'local',
    kind: 'local',
    dataFile: DEFAULT_LOCAL_DATA,
    emulatedLimit: null,
  };
}
