import { DEFAULT_LINT_SETTINGS, type LintSettings } from '../lint/settings.js';
import {
  DEFAULT_CONCURRENCY,
  DEFAULT_REQUESTS_PER_MINUTE,
  DEFAULT_TOKEN_ENV,
} from '../model/opencx-api.js';
import type { WrittenConfig, WrittenTarget } from './schema.js';
import {
  DEFAULT_LOCAL_DATA,
  DEFAULT_MAX_DELETE_RATIO,
  DEFAULT_MAX_DELETES,
  DEFAULT_NAMESPACE,
  DEFAULT_ROOT,
} from './schema.js';

export interface RateLimit {
  /** The API's limit for the org. */
  requestsPerMinute: number;
  /** The part of it this tool may use, in (0, 1]. */
  share: number;
  concurrency: number;
}

interface TargetBase {
  name: string;
  /** Directory names mapped to ids: the config's map, overridden by the target's own. */
  directories: Record<string, string>;
  rateLimit: RateLimit;
}

export type Target =
  | (TargetBase & { kind: 'remote'; url: string; tokenEnv: string })
  | (TargetBase & {
      kind: 'local';
      dataFile: string;
      /** A limit the embedded emulator enforces (its own `rate_limit`), or none. */
      emulatedLimit: number | null;
    });

/** The configuration with every default applied. */
export interface Config {
  /** Path of the opencx.yml it came from, or null when there is none. */
  file: string | null;
  root: string;
  namespace: string;
  prune: boolean;
  maxDeletes: number;
  maxDeleteRatio: number;
  rateLimit: RateLimit;
  directories: Record<string, string>;
  targets: Record<string, Target>;
  defaultTarget: string | null;
  /** The lint rules' settings, defaults filled in. */
  lint: LintSettings;
}

export function normalizeConfig(written: WrittenConfig, file: string | null): Config {
  const rateLimit = rateLimitOf(written.rate_limit, {
    requestsPerMinute: DEFAULT_REQUESTS_PER_MINUTE,
    share: 1,
    concurrency: DEFAULT_CONCURRENCY,
  });
  const directories = written.directories ?? {};
  const targets: Record<string, Target> = {};
  for (const [name, t] of Object.entries(written.targets ?? {})) {
    targets[name] = normalizeTarget(name, t, directories, rateLimit);
  }
  return {
    file,
    root: written.root ?? DEFAULT_ROOT,
    namespace: written.namespace ?? DEFAULT_NAMESPACE,
    prune: written.prune ?? true,
    maxDeletes: written.max_deletes ?? DEFAULT_MAX_DELETES,
    maxDeleteRatio: written.max_delete_ratio ?? DEFAULT_MAX_DELETE_RATIO,
    rateLimit,
    directories,
    targets,
    defaultTarget: written.default_target ?? null,
    lint: lintSettingsOf(written.lint),
  };
}

/** Each rule's written settings over its defaults. */
function lintSettingsOf(written: WrittenConfig['lint']): LintSettings {
  const d = DEFAULT_LINT_SETTINGS;
  const w = written ?? {};
  return {
    'overlapping-triggers': { ...d['overlapping-triggers'], ...defined(w['overlapping-triggers']) },
    'duplicate-instructions': {
      ...d['duplicate-instructions'],
      ...defined(w['duplicate-instructions']),
    },
    'always-on-budget': { ...d['always-on-budget'], ...defined(w['always-on-budget']) },
    size: { ...d.size, ...defined(w.size) },
    placeholders: { ...d.placeholders, ...defined(w.placeholders) },
    phrases: { ...d.phrases, ...defined(w.phrases) },
    contradictions: { ...d.contradictions, ...defined(w.contradictions) },
  };
}

/** The fields of a written object that are set: absent ones keep their defaults. */
function defined<T extends object>(value: T | undefined): Partial<T> {
  return Object.fromEntries(
    Object.entries(value ?? {}).filter(([, v]) => v !== undefined),
  ) as Partial<T>;
}

/** A written `rate_limit:`, each field it leaves out taken from `fallback`. */
function rateLimitOf(written: WrittenConfig['rate_limit'], fallback: RateLimit): RateLimit {
  return {
    requestsPerMinute: written?.requests_per_minute ?? fallback.requestsPerMinute,
    share: written?.share ?? fallback.share,
    concurrency: written?.concurrency ?? fallback.concurrency,
  };
}

function normalizeTarget(
  name: string,
  t: WrittenTarget,
  directories: Record<string, string>,
  rateLimit: RateLimit,
): Target {
  const base: TargetBase = {
    name,
    directories: { ...directories, ...t.directories },
    rateLimit: rateLimitOf(t.rate_limit, rateLimit),
  };
  if (t.url !== undefined) {
    return { ...base, kind: 'remote', url: t.url, tokenEnv: t.token_env ?? DEFAULT_TOKEN_ENV };
  }
  return {
    ...base,
    kind: 'local',
    dataFile: typeof t.emulator === 'string' ? t.emulator : DEFAULT_LOCAL_DATA,
    emulatedLimit: t.rate_limit?.requests_per_minute ?? null,
  };
}

export const defaultConfig = (): Config => normalizeConfig({}, null);
