import { slugify } from '../util/slug.js';
import {
  BEHAVIORAL_EXAMPLE,
  GITIGNORE_LINE,
  REMARK_CONFIG,
  SCENARIO_EXAMPLE,
  VSCODE_EXTENSIONS,
  VSCODE_SETTINGS,
  configTemplate,
} from './templates.js';
import {
  PROMOTE_WORKFLOW_PATH,
  STAGING_TARGET,
  STAGING_TOKEN_ENV,
  SYNC_WORKFLOW_PATH,
  renderPromoteWorkflow,
  renderSyncWorkflow,
} from './workflow-template.js';

export interface ScaffoldFile {
  /** Relative to the repository, with `/`. */
  path: string;
  text: string;
  /** What it is for, shown next to it. */
  purpose: string;
}

export const EXAMPLES_DIR = 'trainings';

/**
 * The files of a new repository. Pure. The examples are only part of it when the trainings
 * folder holds no training yet: they are for a first look, not for a repository in use.
 */
export function scaffoldFiles(options: {
  namespace: string;
  version: string;
  withExamples: boolean;
  /** Merges go to a staging target, and a workflow promotes to production. */
  promotion?: boolean;
}): ScaffoldFile[] {
  const promotion = options.promotion === true;
  const examples: ScaffoldFile[] = options.withExamples
    ? [
        {
          path: `${EXAMPLES_DIR}/orders/where-is-my-order.md`,
          text: SCENARIO_EXAMPLE,
          purpose: 'an example scenario training (a draft)',
        },
        {
          path: `${EXAMPLES_DIR}/tone-of-voice.md`,
          text: BEHAVIORAL_EXAMPLE,
          purpose: 'an example behavioural training (a draft)',
        },
      ]
    : [];
  return [
    {
      path: 'opencx.yml',
      text: configTemplate(options.namespace, { promotion }),
      purpose: `configuration: namespace "${options.namespace}", targets ${promotion ? 'staging, ' : ''}production and local`,
    },
    ...examples,
    {
      // The same workflow as this project's own, through the published action.
      path: SYNC_WORKFLOW_PATH,
      text: renderSyncWorkflow(
        promotion ? { target: STAGING_TARGET, tokenEnv: STAGING_TOKEN_ENV } : {},
      ),
      purpose: `plan on pull requests (one sticky comment), apply on pushes to main${promotion ? ', to staging' : ''}`,
    },
    ...(promotion
      ? [
          {
            path: PROMOTE_WORKFLOW_PATH,
            text: renderPromoteWorkflow(options.version),
            purpose:
              'promote to production what staging holds, approved in the production environment',
          },
        ]
      : []),
    {
      path: '.vscode/settings.json',
      text: VSCODE_SETTINGS,
      purpose: 'schema of opencx.yml for the YAML extension',
    },
    {
      path: '.vscode/extensions.json',
      text: VSCODE_EXTENSIONS,
      purpose: 'recommended editor extensions',
    },
    { path: '.remarkrc.mjs', text: REMARK_CONFIG, purpose: 'schema of training frontmatter' },
  ];
}

/** The namespace a repository gets from its folder's name: `My Repo` → `my-repo`. */
export function namespaceFor(folderName: string): string {
  return slugify(folderName, 'default').slice(0, 64);
}

/**
 * What `.gitignore` needs: nothing when it already ignores `.opencx/`, else the line, appended
 * to what is there (never rewritten) or as a new file.
 */
export function gitignoreChange(
  existing: string | null,
): { kind: 'create' | 'append'; text: string } | null {
  if (existing === null) return { kind: 'create', text: `${GITIGNORE_LINE}\n` };
  const ignored = existing
    .split(/\r?\n/)
    .map((line) => line.trim())
    .some((line) => ['.opencx', '.opencx/', '/.opencx', '/.opencx/', '.opencx/*'].includes(line));
  if (ignored) return null;
  const separator = existing === '' || existing.endsWith('\n') ? '' : '\n';
  return { kind: 'append', text: `${separator}${GITIGNORE_LINE}\n` };
}
