import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { useEmulator } from '../helpers/emulator.js';
import { md, writesIn } from '../helpers/project.js';
import { tempDir, writeFiles } from '../helpers/temp.js';

const PRODUCTION_VIP = '11111111-2222-4333-8444-555555555555';

/** A repository with a staging and a production org, whose segments have their own ids. */
async function twoTargets() {
  const staging = await useEmulator();
  const production = await useEmulator({
    data: { segments: [{ id: PRODUCTION_VIP, name: 'VIP customers' }] },
  });
  const dir = await tempDir('opencx-promote-');
  await writeFile(
    path.join(dir, 'opencx.yml'),
    `namespace: shop
rate_limit:
  requests_per_minute: 1000000
targets:
  staging:
    url: ${staging.url}
    token_env: STAGING_KEY
  production:
    url: ${production.url}
    token_env: PRODUCTION_KEY
default_target: staging
`,
  );
  const write = (files: Record<string, string>) => writeFiles(path.join(dir, 'trainings'), files);
  await write({
    'refund.md': md('title: How do I get a refund?', 'Refunds within 30 days.'),
    'vip.md': md('title: VIP line\nsegments: [VIP customers]', 'Call them back within an hour.'),
  });
  const env = { STAGING_KEY: staging.token, PRODUCTION_KEY: production.token };
  const run = (args: string[]) => runCli([...args, '--no-cache'], { cwd: dir, env });
  return { staging, production, write, run };
}

describe('opencx-trainings promote', () => {
  it('copies to production exactly what staging holds, with production’s own segment ids', async () => {
    const { staging, production, run } = await twoTargets();
    expect((await run(['apply', '--target', 'staging', '--yes'])).code).toBe(0);

    const result = await run(['promote', '--from', 'staging', '--to', 'production', '--yes']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Apply complete: 2 created.');
    const shown = (t: { title: string; content: string; restricted_to_segments: string[] }) => [
      t.title,
      t.content,
    ];
    expect(production.store.trainings().map(shown).sort()).toEqual(
      staging.store.trainings().map(shown).sort(),
    );
    const vip = production.store.trainings().find((t) => t.title === 'VIP line');
    expect(vip?.restricted_to_segments).toEqual([PRODUCTION_VIP]);
  });

  it('refuses what staging does not hold yet, says what, and writes nothing', async () => {
    const { production, write, run } = await twoTargets();
    expect((await run(['apply', '--target', 'staging', '--yes'])).code).toBe(0);
    await write({ 'refund.md': md('title: How do I get a refund?', 'Refunds within 45 days.') });

    const result = await run(['promote', '--from', 'staging', '--to', 'production', '--yes']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'Not promoted: target "staging" does not hold what this would change on "production"; nothing was written.',
    );
    expect(result.stderr).toContain('  - create refund: different there (update pending)');
    expect(writesIn(production)).toEqual([]);
  });

  it('asks for two different targets', async () => {
    const { run } = await twoTargets();
    expect((await run(['promote', '--from', 'staging'])).stderr).toContain(
      '--from and --to are required',
    );
    expect((await run(['promote', '--from', 'staging', '--to', 'staging'])).stderr).toContain(
      'name the same target',
    );
  });
});
