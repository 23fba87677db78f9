import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const COMMANDS = [
  'validate',
  'lint',
  'explain',
  'plan',
  'apply',
  'promote',
  'pull',
  'init',
  'github',
  'emulator',
  'schema',
];

async function run(args: string[]) {
  return runCli(args, { cwd: await tempDir() });
}

/** The flags of a usage line (`[--format FORMAT]`, `--mode plan|apply`), with their values. */
function synopsisOf(help: string): { flag: string; value: string | undefined }[] {
  const synopsis = help.slice(0, help.indexOf('\n\n'));
  return [...synopsis.matchAll(/--([\w-]+)(?: ([^\]\s]+))?/g)].map((m) => ({
    flag: m[1] as string,
    value: m[2],
  }));
}

describe('help', () => {
  it.each(COMMANDS)('"help %s" prints what the command prints for --help', async (command) => {
    const viaHelp = await run(['help', command]);
    const viaFlag = await run([command, '--help']);
    expect(viaHelp.code).toBe(0);
    expect(viaHelp.stdout).toBe(viaFlag.stdout);
    expect(viaHelp.stdout).toMatch(new RegExp(`^Usage: opencx-trainings ${command}`));
    expect(viaHelp.stdout).toContain(`\nExamples:\n  opencx-trainings `);
  });

  it.each(COMMANDS)(
    '%s: the usage line names every flag, each is explained and accepted',
    async (command) => {
      const help = (await run([command, '--help'])).stdout;
      const flags = synopsisOf(help);
      expect(flags.length > 0 || command === 'schema').toBe(true);
      const options = help.slice(help.indexOf('\n\n'));
      for (const { flag, value } of flags) {
        // First in its row, or after another form of it (`-t, --target`, `--color, --no-color`).
        const row = new RegExp(`\\n  (?:-\\w, |--[\\w-]+, )?--${flag}\\b`);
        expect(options, `--${flag} explained`).toMatch(row);
        const args = value === undefined ? [`--${flag}`] : [`--${flag}=${value.split('|')[0]}`];
        const parsed = await run([command, ...args, '--help']);
        expect(parsed.stderr, `--${flag} accepted`).not.toContain('Unknown option');
      }
    },
  );

  it('lists every short flag in the help of its command', async () => {
    const plan = (await run(['plan', '--help'])).stdout;
    expect(plan).toContain('-t, --target NAME');
    expect(plan).toContain('-v, --verbose');
    expect((await run(['apply', '--help'])).stdout).toContain('-y, --yes');
    expect((await run(['emulator', '--help'])).stdout).toContain('-q, --quiet');
  });

  it('says which command "help" did not find', async () => {
    const result = await run(['help', 'plna']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'Error: Unknown command "plna". Did you mean "plan"?\nRun "opencx-trainings --help" for usage.\n',
    );
  });
});

describe('usage errors', () => {
  it.each([
    [['plan', '--target'], '--target needs a value: --target NAME.'],
    [
      ['plan', '-t', '--verbose'],
      '--target needs a value: --target NAME (a value that starts with "-" is written --target=-…).',
    ],
    [['apply', '--yes=1'], '--yes takes no value.'],
    [['validate', '--formt', 'json'], 'Unknown option "--formt". Did you mean "--format"?'],
    [['pull', '--all', '--unmanaged'], '--all and --unmanaged exclude each other: choose one.'],
  ])('%j: says what to type, and points to the help of the command', async (args, message) => {
    const result = await run(args);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `Error: ${message}\nRun "opencx-trainings ${args[0] ?? ''} --help" for usage.\n`,
    );
  });
});
