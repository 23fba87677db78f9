import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_DIRECTORIES, type RunningEmulator } from '../../src/emulator/index.js';
import { runCli, type CliOptions, type CliResult } from './cli.js';
import { tempDir, writeFiles } from './temp.js';

export const TOKEN_ENV = 'OPENCX_TEST_KEY';
export const NAMESPACE = 'test-repo';

export interface Project {
  dir: string;
  env: Record<string, string>;
  /** Run the CLI in the project against the emulator. */
  run: (
    args: string[],
    options?: Pick<CliOptions, 'isTTY' | 'answers' | 'signal'>,
  ) => Promise<CliResult>;
  write: (files: Record<string, string>) => Promise<void>;
  remove: (file: string) => Promise<void>;
}

/**
 * A repository whose `test` target is the given emulator over real HTTP, reached like OpenCX:
 * by URL, with the API key in an environment variable.
 */
export async function aProject(
  emulator: Pick<RunningEmulator, 'url' | 'token'>,
  files: Record<string, string>,
  config = '',
): Promise<Project> {
  const dir = await tempDir('opencx-project-');
  const directories = DEFAULT_DIRECTORIES.map((d) => `  ${d.name}: ${d.id}`).join('\n');
  await writeFile(
    path.join(dir, 'opencx.yml'),
    `namespace: ${NAMESPACE}\n# The emulator of the tests has no rate limit unless a test sets one.\nrate_limit:\n  requests_per_minute: 1000000\ndirectories:\n${directories}\ntargets:\n  test:\n    url: ${emulator.url}\n    token_env: ${TOKEN_ENV}\ndefault_target: test\n${config}`,
  );
  await writeFiles(path.join(dir, 'trainings'), files);
  const env = { [TOKEN_ENV]: emulator.token };
  return {
    dir,
    env,
    run: (args, options = {}) => runCli([...args, '--no-cache'], { cwd: dir, env, ...options }),
    write: (more) => writeFiles(path.join(dir, 'trainings'), more),
    remove: (file) => rm(path.join(dir, 'trainings', file)),
  };
}

/** A training file. */
export function md(frontmatter: string, body = 'Instruction text.'): string {
  return `---\n${frontmatter}\n---\n${body}\n`;
}

/** Three trainings in two directories, one of them behavioral: a small repository. */
export const THREE_TRAININGS = {
  'billing/refund.md': md(
    'title: How do I get a refund?\nchannels: [web, email]',
    'Refunds within 30 days.',
  ),
  'tone.md': md('title: Brand voice\ntype: BEHAVIORAL', 'Be warm and direct.'),
  'orders/track.md': md('title: Where is my order?', 'Send the tracking link.'),
};

/** `count` training files, t0.md to t{count-1}.md, titled T0, T1, ... */
export function numberedFiles(count: number): Record<string, string> {
  return Object.fromEntries(
    Array.from({ length: count }, (_, i) => [`t${i}.md`, md(`title: T${i}`)]),
  );
}

/** The requests of the log that change something. */
export function writesIn(emulator: Pick<RunningEmulator, 'requests'>): string[] {
  return emulator.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`);
}
