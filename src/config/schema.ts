import { z } from 'zod';
import { LINT_SEVERITIES } from '../lint/settings.js';
import { CHANNELS } from '../model/training.js';
import { customIssue } from '../yaml/schema-issues.js';

export const DEFAULT_MAX_DELETES = 10;
export const DEFAULT_MAX_DELETE_RATIO = 0.25;
export const DEFAULT_NAMESPACE = 'default';
/** What a namespace may be: it is written into the metadata of every training it owns. */
export const NAMESPACE_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;
export const DEFAULT_ROOT = 'trainings';
export const DEFAULT_LOCAL_DATA = '.opencx/emulator.json';

const directories = z
  .record(z.string().min(1), z.string().trim().min(1))
  .meta({ description: 'Directory names used in `directory:` mapped to OpenCX directory ids.' });

const rateLimit = z
  .strictObject({
    requests_per_minute: z
      .number()
      .int()
      .positive()
      .optional()
      .meta({ description: "The API's limit for the org, in requests a minute. Default: 100" }),
    share: z.number().gt(0).max(1).optional().meta({
      description:
        'The part of the limit this tool may use, leaving the rest to other clients of the org. Default: 1',
    }),
    concurrency: z.number().int().min(1).max(32).optional(),
  })
  .meta({
    description:
      'The rate limit the requests keep to. On a local target, also the limit its emulator enforces.',
  });

const severity = z
  .enum(LINT_SEVERITIES)
  .optional()
  .meta({ description: 'off, info, warning or error (an error fails `lint`).' });
const share = z.number().gt(0).max(1).optional();
const phrase = z.strictObject({ phrase: z.string().trim().min(1), message: z.string().min(1) });

const lint = z
  .strictObject({
    'overlapping-triggers': z
      .strictObject({
        severity,
        threshold: share.meta({ description: 'Similarity of two triggers, 0 to 1. Default: 0.8' }),
      })
      .optional(),
    'duplicate-instructions': z
      .strictObject({
        severity,
        threshold: share.meta({ description: 'Share of the text in common, 0 to 1. Default: 0.8' }),
      })
      .optional(),
    'always-on-budget': z
      .strictObject({
        severity,
        max_characters: z.number().int().positive().optional().meta({
          description: 'BEHAVIORAL characters one conversation may get. Default: 8000',
        }),
      })
      .optional(),
    size: z
      .strictObject({
        severity,
        max_factor: z.number().gt(1).optional(),
        min_characters: z.number().int().min(0).optional(),
      })
      .optional(),
    placeholders: z.strictObject({ severity }).optional(),
    phrases: z
      .strictObject({
        severity,
        banned: z.array(phrase).optional(),
        required: z
          .array(
            phrase.extend({
              type: z.enum(['BEHAVIORAL', 'SCENARIO_SPECIFIC']).optional(),
              channels: z.array(z.enum(CHANNELS)).optional(),
              segments: z.array(z.string().min(1)).optional(),
            }),
          )
          .optional(),
      })
      .optional(),
    contradictions: z.strictObject({ severity }).optional(),
  })
  .meta({
    description: 'The rules of `opencx-trainings lint`, each with its severity and settings.',
  });

const target = z
  .strictObject({
    url: z
      .url({ protocol: /^https?$/ })
      .optional()
      .meta({ description: 'Base URL of the OpenCX API.' }),
    token_env: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/)
      .optional()
      .meta({
        description: 'Name of the environment variable holding the API key (never the key itself).',
      }),
    emulator: z
      .union([z.literal(true), z.string().min(1)])
      .optional()
      .meta({
        description: 'Use the embedded local emulator: `true`, or the path of its data file.',
      }),
    directories: directories.optional(),
    rate_limit: rateLimit.optional(),
  })
  .superRefine((t, ctx) => {
    if ((t.url === undefined) === (t.emulator === undefined)) {
      ctx.addIssue(customIssue('target-kind', {}));
    }
    if (t.emulator !== undefined && t.token_env !== undefined) {
      ctx.addIssue({ ...customIssue('target-kind', {}), path: ['token_env'] });
    }
    // Refused here, before anything (the target's line, a plan) could print them.
    if (t.url !== undefined && hasCredentials(t.url)) {
      ctx.addIssue({ ...customIssue('url-credentials', {}), path: ['url'] });
    }
  });

function hasCredentials(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.username !== '' || parsed.password !== '';
  } catch {
    return false;
  }
}

/** opencx.yml as written. Every field is optional; see config/load.ts for the defaults. */
export const configSchema = z
  .strictObject({
    root: z
      .string()
      .min(1)
      .optional()
      .meta({ description: 'Folder holding the training files. Default: trainings' }),
    namespace: z.string().regex(NAMESPACE_PATTERN).optional().meta({
      description:
        'Owner name recorded on every training this repository creates, so several repositories can share an org.',
    }),
    prune: z
      .boolean()
      .optional()
      .meta({ description: 'Delete managed trainings whose file is gone. Default: true' }),
    max_deletes: z.number().int().min(0).optional(),
    max_delete_ratio: z.number().min(0).max(1).optional(),
    rate_limit: rateLimit.optional(),
    directories: directories.optional(),
    targets: z.record(z.string().regex(/^[A-Za-z0-9_.-]+$/), target).optional(),
    default_target: z.string().optional(),
    lint: lint.optional(),
  })
  .superRefine((c, ctx) => {
    if (c.default_target !== undefined && c.targets?.[c.default_target] === undefined) {
      ctx.addIssue({
        ...customIssue('unknown-target', {
          name: c.default_target,
          known: Object.keys(c.targets ?? {}),
        }),
        path: ['default_target'],
      });
    }
  })
  .meta({ title: 'opencx-trainings configuration (opencx.yml)' });

export type WrittenConfig = z.infer<typeof configSchema>;
export type WrittenTarget = z.infer<typeof target>;

const CONFIG_KEYS = Object.keys(configSchema.shape) as readonly string[];
const TARGET_KEYS = Object.keys(target.shape) as readonly string[];
const RATE_LIMIT_KEYS = Object.keys(rateLimit.shape) as readonly string[];

export function configKeysAt(path: readonly PropertyKey[]): readonly string[] {
  if (path[0] === 'targets' && path.length === 2) return TARGET_KEYS;
  if (path.at(-1) === 'rate_limit') return RATE_LIMIT_KEYS;
  return CONFIG_KEYS;
}

export function expectedConfigValue(path: readonly PropertyKey[]): string | undefined {
  const last = path.at(-1);
  switch (last) {
    case 'namespace':
      return 'a lower-case name (letters, digits, ".", "_", "-"; at most 64)';
    case 'max_deletes':
    case 'requests_per_minute':
      return 'a whole number';
    case 'concurrency':
      return 'a whole number from 1 to 32';
    case 'max_delete_ratio':
      return 'a number from 0 to 1';
    case 'share':
      return 'a number above 0, at most 1';
    case 'url':
      return 'an http(s) URL';
    case 'token_env':
      return 'the name of an environment variable';
    case 'emulator':
      return 'true or the path of a data file';
    case 'prune':
      return 'true or false';
    default:
      return undefined;
  }
}
