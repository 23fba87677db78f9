import { describe, expect, it } from 'vitest';
import { renderSyncWorkflow } from './workflow-template.js';
import { parse } from 'yaml';
import { parseConfig } from '../config/load.js';
import { parseTrainingFile } from '../source/parse.js';
import { gitignoreChange, namespaceFor, scaffoldFiles } from './scaffold.js';

const files = scaffoldFiles({ namespace: 'acme-support', version: '1.2.3', withExamples: true });
const textOf = (p: string): string => files.find((f) => f.path === p)?.text ?? '';

describe('scaffoldFiles with promotion', () => {
  const promoted = scaffoldFiles({
    namespace: 'acme',
    version: '1.2.3',
    withExamples: false,
    promotion: true,
  });
  const text = (p: string): string => promoted.find((f) => f.path === p)?.text ?? '';

  it('adds a staging target, where merges are applied', () => {
    const parsed = parseConfig('opencx.yml', text('opencx.yml'));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.diagnostics));
    expect(parsed.config.targets.staging).toMatchObject({
      kind: 'remote',
      tokenEnv: 'OPENCX_STAGING_KEY',
    });
    expect(text('.github/workflows/trainings-sync.yml')).toBe(
      renderSyncWorkflow({ target: 'staging', tokenEnv: 'OPENCX_STAGING_KEY' }),
    );
  });

  it('adds the promotion workflow, held by the production environment', () => {
    const workflow = parse(text('.github/workflows/trainings-promote.yml')) as {
      on: Record<string, unknown>;
      jobs: { promote: { environment: string; steps: { run?: string }[] } };
    };
    expect(Object.keys(workflow.on)).toEqual(['workflow_dispatch']);
    expect(workflow.jobs.promote.environment).toBe('production');
    expect(workflow.jobs.promote.steps.at(-1)?.run).toBe(
      'npx --yes opencx-trainings@1.2.3 promote --from staging --to production --yes',
    );
  });
});

describe('scaffoldFiles', () => {
  it('writes a configuration with a production target and a local one', () => {
    const parsed = parseConfig('opencx.yml', textOf('opencx.yml'));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.diagnostics));
    expect(parsed.config).toMatchObject({
      root: 'trainings',
      namespace: 'acme-support',
      defaultTarget: 'local',
      targets: {
        production: { kind: 'remote', url: 'https://api.open.cx', tokenEnv: 'OPENCX_API_KEY' },
        local: { kind: 'local', dataFile: '.opencx/emulator.json' },
      },
    });
  });

  it('writes one valid example of each type, both drafts', () => {
    const examples = files.filter((f) => f.path.startsWith('trainings/'));
    const parsed = examples.map((f) => parseTrainingFile(f.path, f.text));
    expect(
      parsed.map((p) => p.ok && [p.training.frontmatter.type, p.training.frontmatter.draft]),
    ).toEqual([
      ['SCENARIO_SPECIFIC', true],
      ['BEHAVIORAL', true],
    ]);
    expect(
      scaffoldFiles({ namespace: 'x', version: '1.2.3', withExamples: false }).some((f) =>
        f.path.startsWith('trainings/'),
      ),
    ).toBe(false);
  });

  it('writes the sync workflow of the action: plan on pull requests, apply on main', () => {
    expect(textOf('.github/workflows/trainings-sync.yml')).toBe(renderSyncWorkflow());
    const workflow = parse(textOf('.github/workflows/trainings-sync.yml')) as {
      jobs: Record<
        string,
        { concurrency: unknown; steps: { uses?: string; with?: { mode?: string } }[] }
      >;
    };
    const modes = (job: string) =>
      workflow.jobs[job]?.steps.flatMap((s) => (s.with?.mode === undefined ? [] : [s.with.mode]));
    expect(modes('plan')).toEqual(['plan']);
    expect(modes('apply')).toEqual(['apply']);
    expect(workflow.jobs.apply?.concurrency).toEqual({
      group: 'opencx-trainings-apply-production',
      'cancel-in-progress': false,
    });
  });

  it('maps the schemas for editors', () => {
    expect(JSON.parse(textOf('.vscode/settings.json'))).toEqual({
      'yaml.schemas': { './node_modules/opencx-trainings/schema/opencx.schema.json': 'opencx.yml' },
    });
    expect(textOf('.remarkrc.mjs')).toContain(
      "'./node_modules/opencx-trainings/schema/training.schema.json': ['./trainings/**/*.md']",
    );
  });
});

describe('namespaceFor', () => {
  it('makes a valid namespace of any folder name', () => {
    expect(namespaceFor('Lumen Bikes Support')).toBe('lumen-bikes-support');
    expect(namespaceFor('🚲')).toBe('default');
    expect(namespaceFor('x'.repeat(100))).toHaveLength(64);
  });
});

describe('gitignoreChange', () => {
  it('creates, appends a line, or leaves the file alone', () => {
    expect(gitignoreChange(null)).toEqual({ kind: 'create', text: '.opencx/\n' });
    expect(gitignoreChange('node_modules/\n')).toEqual({ kind: 'append', text: '.opencx/\n' });
    expect(gitignoreChange('node_modules/')).toEqual({ kind: 'append', text: '\n.opencx/\n' });
    expect(gitignoreChange('dist\r\n/.opencx\r\n')).toBeNull();
  });
});
