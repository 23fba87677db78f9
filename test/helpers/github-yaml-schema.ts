import { z } from 'zod';

/**
 * The shapes of action.yml and of workflow files, strict, so that a misspelt key is an error.
 * Only what this repository uses is allowed; widen it when a workflow needs more.
 */

const scalar = z.union([z.string(), z.number(), z.boolean()]);
const env = z.record(z.string(), scalar);

export const actionSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().min(1),
  author: z.string().optional(),
  branding: z.strictObject({ icon: z.string(), color: z.string() }).optional(),
  inputs: z.record(
    z.string().regex(/^[a-z][a-z0-9-]*$/),
    z.strictObject({
      description: z.string().min(1),
      required: z.boolean().optional(),
      default: z.string().optional(),
      deprecationMessage: z.string().optional(),
    }),
  ),
  // A JavaScript action's outputs are what its program writes to GITHUB_OUTPUT: no `value`.
  outputs: z.record(
    z.string().regex(/^[a-z][a-z0-9-]*$/),
    z.strictObject({ description: z.string().min(1) }),
  ),
  runs: z.strictObject({
    using: z.enum(['node20', 'node24']),
    main: z.string(),
    pre: z.string().optional(),
    post: z.string().optional(),
  }),
});
export type ActionFile = z.infer<typeof actionSchema>;

const PERMISSION_SCOPES = [
  'actions',
  'attestations',
  'checks',
  'contents',
  'deployments',
  'discussions',
  'id-token',
  'issues',
  'packages',
  'pages',
  'pull-requests',
  'repository-projects',
  'security-events',
  'statuses',
] as const;
const permissions = z.union([
  z.enum(['read-all', 'write-all']),
  z.partialRecord(z.enum(PERMISSION_SCOPES), z.enum(['read', 'write', 'none'])),
]);
const concurrency = z.union([
  z.string(),
  z.strictObject({
    group: z.string(),
    'cancel-in-progress': z.union([z.boolean(), z.string()]).optional(),
  }),
]);
const workflowStep = z
  .strictObject({
    name: z.string().optional(),
    id: z.string().optional(),
    if: z.string().optional(),
    uses: z.string().optional(),
    run: z.string().optional(),
    shell: z.string().optional(),
    with: env.optional(),
    env: env.optional(),
    'working-directory': z.string().optional(),
    'continue-on-error': z.union([z.boolean(), z.string()]).optional(),
    'timeout-minutes': z.number().optional(),
  })
  .refine((s) => (s.run === undefined) !== (s.uses === undefined), 'a step has run or uses');
const job = z.strictObject({
  name: z.string().optional(),
  'runs-on': z.union([z.string(), z.array(z.string())]),
  if: z.string().optional(),
  needs: z.union([z.string(), z.array(z.string())]).optional(),
  permissions: permissions.optional(),
  concurrency: concurrency.optional(),
  environment: z
    .union([z.string(), z.strictObject({ name: z.string(), url: z.string().optional() })])
    .optional(),
  strategy: z
    .strictObject({
      matrix: z.record(z.string(), z.unknown()),
      'fail-fast': z.boolean().optional(),
      'max-parallel': z.number().optional(),
    })
    .optional(),
  env: env.optional(),
  'timeout-minutes': z.number().optional(),
  outputs: z.record(z.string(), z.string()).optional(),
  steps: z.array(workflowStep).min(1),
});
const TRIGGERS = [
  'push',
  'pull_request',
  'pull_request_target',
  'workflow_dispatch',
  'schedule',
  'release',
] as const;
export const workflowSchema = z.strictObject({
  name: z.string().min(1),
  on: z.union([
    z.enum(TRIGGERS),
    z.array(z.enum(TRIGGERS)),
    z.partialRecord(
      z.enum(TRIGGERS),
      z.union([z.null(), z.record(z.string(), z.unknown()), z.array(z.unknown())]),
    ),
  ]),
  permissions: permissions.optional(),
  concurrency: concurrency.optional(),
  env: env.optional(),
  jobs: z.record(z.string().regex(/^[A-Za-z_][\w-]*$/), job),
});
export type WorkflowFile = z.infer<typeof workflowSchema>;
