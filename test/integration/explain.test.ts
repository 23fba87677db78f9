import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Explanation } from '../../src/lint/explain.js';
import { runCli } from '../helpers/cli.js';
import { md } from '../helpers/project.js';
import { tempDir, writeFiles } from '../helpers/temp.js';

const FILES = {
  'tone.md': md('title: Tone\ntype: BEHAVIORAL', 'Be warm.'),
  'vip-tone.md': md('title: VIP tone\ntype: BEHAVIORAL\nsegments: [VIP]', 'Thank them by name.'),
  'email-only.md': md(
    'title: Email signature\ntype: BEHAVIORAL\nchannels: [email]',
    'Sign as Lumen.',
  ),
  'billing/refund.md': md('title: How do I get a refund?\ndirectory: Billing', 'Within 30 days.'),
  'orders/track.md': md('title: Where is my order?\ndirectory: Orders', 'Ask for the number.'),
  'vip/concierge.md': md('title: Book a concierge repair\nsegments: [VIP]', 'Offer a pickup.'),
  'draft.md': md('title: Where is my parcel?\ndraft: true', 'Not yet.'),
};

async function explainIn(args: string[]) {
  const dir = await tempDir('opencx-explain-');
  await writeFile(
    path.join(dir, 'opencx.yml'),
    'directories:\n  Billing: 11111111-1111-4111-8111-111111111111\n  Orders: 22222222-2222-4222-8222-222222222222\n',
  );
  await writeFiles(path.join(dir, 'trainings'), FILES);
  return runCli(['explain', '--no-cache', ...args], { cwd: dir, env: {} });
}

describe('opencx-trainings explain', () => {
  it('lists what a contact in a segment gets on a channel (JSON)', async () => {
    const result = await explainIn(['--channel', 'web', '--segment', 'VIP', '--format', 'json']);
    expect(result.code).toBe(0);
    const e = JSON.parse(result.stdout) as Explanation & { format_version: number };
    expect(e.format_version).toBe(1);
    expect(e.alwaysOn.trainings.map((t) => t.title)).toEqual(['Tone', 'VIP tone']);
    expect(e.alwaysOn.characters).toBe('Be warm.'.length + 'Thank them by name.'.length);
    expect(e.scenarios.map((d) => [d.directory, d.trainings.map((t) => t.title)])).toEqual([
      ['Billing', ['How do I get a refund?']],
      ['Orders', ['Where is my order?']],
      [null, ['Book a concierge repair']],
    ]);
  });

  it('gives a contact in no segment only what is unrestricted, and drafts to nobody', async () => {
    const result = await explainIn(['--channel', 'email', '--format', 'json']);
    const e = JSON.parse(result.stdout) as Explanation;
    expect(e.alwaysOn.trainings.map((t) => t.title)).toEqual(['Email signature', 'Tone']);
    const titles = e.scenarios.flatMap((d) => d.trainings.map((t) => t.title));
    expect(titles).toEqual(['How do I get a refund?', 'Where is my order?']);
  });

  it('ranks the triggers by similarity to a question, and says it approximates (text)', async () => {
    const result = await explainIn([
      '--channel',
      'web',
      '--question',
      'Where can I track my order?',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('On web, with a contact in no segment:');
    expect(result.stdout).toContain('an approximation of the agent');
    expect(result.stdout).toMatch(
      /\n {2}\d\.\d\d {2}Where is my order\? trainings\/orders\/track\.md\n/,
    );
    expect(result.stdout).not.toContain('parcel');
  });

  it('asks for a channel it knows', async () => {
    expect((await explainIn([])).stderr).toContain('--channel is required');
    expect((await explainIn(['--channel', 'fax'])).stderr).toContain(
      '--channel must be one of web, email',
    );
  });
});
