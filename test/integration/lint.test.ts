import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { md } from '../helpers/project.js';
import { tempDir, writeFiles } from '../helpers/temp.js';

interface LintJson {
  format_version: number;
  trainings: number;
  counts: Record<'error' | 'warning' | 'info', number>;
  findings: { rule: string; severity: string; file: string; line: number; message: string }[];
}

const LONG_RULES = 'Speak warmly and plainly to every customer. '.repeat(40);
const VIP_RULES = 'Greet VIP customers by name and thank them for their loyalty. '.repeat(25);

/** A repository whose verdicts are known: what must be reported, and what must not. */
const FILES: Record<string, string> = {
  // The same trigger on channels no conversation shares: never an overlap.
  'web/refund.md': md('title: How do I get a refund?\nchannels: [web]', 'Refunds within 30 days.'),
  'email/refund.md': md(
    'title: How do I get a refund?\nchannels: [email]',
    'Reply with the refund form.',
  ),
  // Near-duplicate triggers for one segment: an overlap.
  'vip/cancel.md': md(
    'title: How can I cancel my subscription?\nsegments: [VIP customers]',
    'Offer a pause first.',
  ),
  'vip/cancel-sub.md': md(
    'title: Cancel my subscription\nsegments: [VIP customers]',
    'Send the cancellation link.',
  ),
  // A draft copy of a published training: drafts apply nowhere.
  'draft-copy.md': md('title: How can I cancel my subscription?\ndraft: true', 'Old text.'),
  // Always-on text over the budget for one segment only.
  'tone.md': md('title: Tone\ntype: BEHAVIORAL', LONG_RULES),
  'vip/tone.md': md('title: VIP tone\ntype: BEHAVIORAL\nsegments: [VIP customers]', VIP_RULES),
  // A placeholder left in.
  'shipping.md': md('title: When will my order ship?', 'Orders ship within TODO days.'),
  // Opposite directives in one scope.
  'discounts.md': md('title: Can I get a discount?', 'Always offer a discount code.'),
  'prices.md': md('title: Is the price negotiable?', 'Never offer a discount code.'),
};

const CONFIG = `lint:
  always-on-budget:
    max_characters: 2500
  size:
    severity: off
  phrases:
    banned:
      - phrase: guarantee
        message: we never promise outcomes; say "aim to" instead.
`;

async function aRepository(files = FILES, config = CONFIG) {
  const dir = await tempDir('opencx-lint-');
  await writeFile(path.join(dir, 'opencx.yml'), config);
  await writeFiles(path.join(dir, 'trainings'), files);
  return (args: string[]) => runCli(['lint', '--no-cache', ...args], { cwd: dir, env: {} });
}

describe('opencx-trainings lint', () => {
  it('reports what must be reported, and nothing that must not (JSON)', async () => {
    const lint = await aRepository();
    const result = await lint(['--format', 'json']);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as LintJson;
    expect(report.format_version).toBe(1);
    const found = report.findings.map((f) => `${f.rule} ${f.file}:${f.line}`);
    expect(found).toEqual([
      'contradictions trainings/prices.md:4',
      'placeholders trainings/shipping.md:4',
      'always-on-budget trainings/tone.md:5',
      'overlapping-triggers trainings/vip/cancel-sub.md:2',
    ]);
    const budget = report.findings.find((f) => f.rule === 'always-on-budget');
    expect(budget?.message).toContain('apply on every channel · VIP customers, over the budget');
    expect(result.code).toBe(1); // the placeholder is an error
  });

  it('prints file:line:col findings and a verdict (text)', async () => {
    const lint = await aRepository();
    const result = await lint([]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'trainings/shipping.md:4:20: error: a "TODO" marker in the instruction: "TODO".',
    );
    expect(result.stdout).toMatch(/\[overlapping-triggers\]\n/);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe(
      '✖ 1 error, 3 warnings in 10 trainings.',
    );
  });

  it('writes annotations for a workflow (github)', async () => {
    const lint = await aRepository();
    const result = await lint(['--format', 'github']);
    expect(result.stdout).toContain(
      '::error file=trainings/shipping.md,line=4,col=20,title=opencx-trainings lint placeholders::',
    );
    expect(result.stdout.match(/^::warning /gm)).toHaveLength(3);
  });

  it('follows the settings: severities, thresholds, banned and required phrases', async () => {
    const lint = await aRepository(
      {
        'a.md': md('title: Returns', 'We guarantee a reply within a day.'),
        'b.md': md('title: Tone\ntype: BEHAVIORAL', 'Be kind. Never guarantee outcomes.'),
        'web.md': md('title: Web only\nchannels: [web]', 'Links are fine here.'),
        'call.md': md('title: Calls\nchannels: [phone_voice]', 'This call is recorded.'),
      },
      `lint:
  placeholders:
    severity: off
  contradictions:
    severity: off
  phrases:
    severity: warning
    banned:
      - phrase: guarantee
        message: promise nothing.
    required:
      - phrase: Lumen Bikes
        message: name the company in every behavioural rule.
        type: BEHAVIORAL
      - phrase: recorded
        message: say that the call is recorded.
        channels: [phone_voice]
`,
    );
    const report = JSON.parse((await lint(['--format', 'json'])).stdout) as LintJson;
    expect(report.findings.map((f) => `${f.severity} ${f.file}:${f.line} ${f.message}`)).toEqual([
      'warning trainings/a.md:4 The instruction does not contain "recorded": say that the call is recorded.',
      'warning trainings/a.md:4 "guarantee": promise nothing.',
      'warning trainings/b.md:5 The instruction does not contain "Lumen Bikes": name the company in every behavioural rule.',
      'warning trainings/b.md:5 The instruction does not contain "recorded": say that the call is recorded.',
      'warning trainings/b.md:5 "guarantee": promise nothing.',
    ]);
  });

  it('finds each kind of placeholder, and no resolved link', async () => {
    const lint = await aRepository(
      {
        'a.md': md(
          'title: Placeholders',
          [
            'Refunds take TBD days. FIXME: check.',
            'Lorem ipsum dolor sit amet.',
            'Hello {{ first_name }}, see <insert link here> or <ORDER_NUMBER>.',
            'Read [the policy]() and [the terms][terms] and [the FAQ][faq].',
            '',
            '[faq]: https://example.com/faq',
          ].join('\n'),
        ),
      },
      '',
    );
    const report = JSON.parse((await lint(['--format', 'json'])).stdout) as LintJson;
    const placeholders = report.findings.filter((f) => f.rule === 'placeholders');
    expect(placeholders.map((f) => `${f.line}:${f.message.split(':')[0]}`)).toEqual([
      '4:a "TBD" marker in the instruction',
      '4:a "FIXME" marker in the instruction',
      '5:placeholder text in the instruction',
      '6:a template hole in the instruction',
      '6:a placeholder in the instruction',
      '6:a placeholder in the instruction',
      '7:a link without a target in the instruction',
      '7:A link to a reference the instruction does not define',
    ]);
    expect(placeholders.at(-1)?.message).toContain('"[the terms][terms]"');
  });

  it('lints nothing while the files are not valid', async () => {
    const lint = await aRepository({ 'bad.md': md('title: Bad\ntype: LOUD') });
    const result = await lint(['--format', 'json']);
    expect(result.code).toBe(1);
    expect((JSON.parse(result.stdout) as { valid: boolean }).valid).toBe(false);
    expect(result.stderr).toContain('Nothing was linted');
  });

  it('finds nothing in the example trainings', async () => {
    const result = await runCli(['lint', '--no-cache'], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      env: {},
    });
    expect(result.stdout).toBe('✔ 17 trainings linted: no findings.\n');
    expect(result.code).toBe(0);
  });
});
