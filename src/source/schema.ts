import { z } from 'zod';
import { RESERVED_METADATA_PREFIX } from '../model/ownership.js';
import { CHANNELS, TRAINING_TYPES } from '../model/training.js';
import { customIssue } from '../yaml/schema-issues.js';

const MAX_KEY_LENGTH = 200;

/** A refinement that reports each entry of a list that already appeared earlier in it. */
function noRepeats(field: string) {
  return (list: readonly string[], ctx: z.RefinementCtx): void => {
    for (const [index, value] of list.entries()) {
      if (list.indexOf(value) !== index) {
        ctx.addIssue({ ...customIssue('duplicate-entry', { field, value }), path: [index] });
      }
    }
  };
}

const channels = z
  .array(z.enum(CHANNELS))
  .meta({ description: 'Channels this training is restricted to. Empty or absent: every channel.' })
  .superRefine(noRepeats('channels'));

const segments = z
  .array(z.string().trim().min(1))
  .meta({
    description:
      'Contact segments (names or ids) this training is restricted to. Empty or absent: every segment.',
  })
  .superRefine(noRepeats('segments'));

const key = z
  .string()
  .meta({
    description:
      'Stable identity of the training within the namespace. Default: the path under the trainings folder, without .md.',
  })
  .superRefine((value, ctx) => {
    const reason = keyProblem(value);
    if (reason !== undefined) ctx.addIssue(customIssue('invalid-key', { reason }));
  });

const metadata = z
  .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
  .meta({
    description:
      'Free-form metadata stored with the training: flat text, number or boolean values.',
  })
  .superRefine((record, ctx) => {
    for (const name of Object.keys(record)) {
      if (name.startsWith(RESERVED_METADATA_PREFIX)) {
        ctx.addIssue({
          ...customIssue('reserved-metadata', { key: name, prefix: RESERVED_METADATA_PREFIX }),
          path: [name],
        });
      }
    }
  });

/** The frontmatter as an author writes it. Unknown keys are errors, never silently dropped. */
export const frontmatterSchema = z
  .strictObject({
    title: z.string().trim().min(1).meta({
      description: 'The trigger phrase: what a customer says or asks that this training covers.',
    }),
    type: z.enum(TRAINING_TYPES).optional().meta({
      description:
        'BEHAVIORAL: always active (tone, guardrails). SCENARIO_SPECIFIC (default): used when the conversation matches the title.',
    }),
    channels: channels.optional(),
    segments: segments.optional(),
    directory: z.string().trim().min(1).nullable().optional().meta({
      description: 'Directory id, or a directory name mapped under `directories:` in opencx.yml.',
    }),
    draft: z.boolean().optional().meta({
      description: 'true: saved in OpenCX but not used by the AI. Default false (published).',
    }),
    key: key.optional(),
    id: z.string().trim().min(1).optional().meta({
      description: 'Pins this file to an existing OpenCX training id (written by `pull`).',
    }),
    metadata: metadata.optional(),
  })
  .meta({
    title: 'OpenCX training frontmatter',
    description: 'Frontmatter of a training file managed by opencx-trainings.',
  });

export type WrittenFrontmatter = z.infer<typeof frontmatterSchema>;
export const FRONTMATTER_KEYS = Object.keys(frontmatterSchema.shape) as readonly string[];

/** Why a key cannot be used, or undefined when it can. Derived keys are checked the same way. */
export function keyProblem(value: string): string | undefined {
  if (value.trim() === '') return 'it is empty';
  if (value !== value.trim()) return 'it starts or ends with a space';
  if (value.length > MAX_KEY_LENGTH) return `it is longer than ${MAX_KEY_LENGTH} characters`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) return 'it contains a control character';
  if (value.startsWith('/') || value.endsWith('/')) return 'it starts or ends with "/"';
  return undefined;
}

/** How to describe the expected value of a frontmatter field in a message. */
export function expectedFrontmatterValue(path: readonly PropertyKey[]): string | undefined {
  const [field, index] = path;
  if (index !== undefined) {
    if (field === 'segments') return 'a segment name';
    if (field === 'metadata') return 'text, a number or true/false';
    return undefined;
  }
  switch (field) {
    case 'title':
    case 'key':
    case 'id':
      return 'text';
    case 'directory':
      return 'a directory name or id';
    case 'channels':
      return 'a list of channels';
    case 'segments':
      return 'a list of segment names';
    case 'draft':
      return 'true or false';
    case 'metadata':
      return 'a set of `key: value` fields';
    default:
      return undefined;
  }
}
