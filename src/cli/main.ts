import { VERSION } from '../util/version.js';
import { redact } from '../util/redact.js';
import { suggest } from '../util/suggest.js';
import { ExitCode, ExitError, UsageError, UserFacingError } from '../util/errors.js';
import type { Io } from '../app/io.js';

interface CommandEntry {
  summary: string;
  run: (args: readonly string[], io: Io) => Promise<ExitCode>;
}

/** What a command module provides: its usage text, its argument parser, and the command. */
interface CommandModule<O> {
  usage: string;
  parse: (args: readonly string[]) => O | 'help';
  run: (options: O, io: Io) => Promise<ExitCode>;
}

/** Commands are loaded on demand, so that `validate` never pays for the HTTP client and so on. */
function lazy<O>(summary: string, load: () => Promise<CommandModule<O>>): CommandEntry {
  return {
    summary,
    run: async (args, io) => {
      const command = await load();
      const options = command.parse(args);
      return options === 'help' ? help(io, command.usage) : command.run(options, io);
    },
  };
}

const COMMANDS: Record<string, CommandEntry> = {
  validate: lazy('Check the training files offline', async () => {
    const m = await import('./commands/validate.js');
    return { usage: m.validateUsage, parse: m.parseValidateArgs, run: m.validate };
  }),
  lint: lazy(
    'Check what the trainings tell the agent: overlaps, budgets, placeholders',
    async () => {
      const m = await import('./commands/lint.js');
      return { usage: m.lintUsage, parse: m.parseLintArgs, run: m.lint };
    },
  ),
  explain: lazy('Show what the agent is given on a channel, for a segment', async () => {
    const m = await import('./commands/explain.js');
    return { usage: m.explainUsage, parse: m.parseExplainArgs, run: m.explain };
  }),
  plan: lazy('Show what apply would change in OpenCX', async () => {
    const m = await import('./commands/plan.js');
    return { usage: m.planUsage, parse: m.parsePlanArgs, run: m.plan };
  }),
  apply: lazy('Make OpenCX match the files', async () => {
    const m = await import('./commands/apply.js');
    return { usage: m.applyUsage, parse: m.parseApplyArgs, run: m.apply };
  }),
  promote: lazy(
    'Apply to a target what another already holds (staging to production)',
    async () => {
      const m = await import('./commands/promote.js');
      return { usage: m.promoteUsage, parse: m.parsePromoteArgs, run: m.promote };
    },
  ),
  pull: lazy('Write a file for each training in OpenCX (adopt an existing org)', async () => {
    const m = await import('./commands/pull.js');
    return { usage: m.pullUsage, parse: m.parsePullArgs, run: m.pull };
  }),
  init: lazy('Set up a new repository of trainings', async () => {
    const m = await import('./commands/init.js');
    return { usage: m.initUsage, parse: m.parseInitArgs, run: m.init };
  }),
  github: lazy(
    'Plan, apply or check for drift from a GitHub Actions job (the action)',
    async () => {
      const m = await import('./commands/github.js');
      return { usage: m.githubUsage, parse: m.parseGithubArgs, run: m.github };
    },
  ),
  emulator: lazy('Run a local emulator of the OpenCX training API', async () => {
    const m = await import('./commands/emulator.js');
    return { usage: m.emulatorUsage, parse: m.parseEmulatorArgs, run: m.emulator };
  }),
  schema: lazy('Print the JSON Schema of training frontmatter or opencx.yml', async () => {
    const m = await import('./commands/schema.js');
    return { usage: m.schemaUsage, parse: m.parseSchemaArgs, run: m.schema };
  }),
};

const USAGE = () => `Usage: opencx-trainings <command> [options]

Manage the trainings of an OpenCX AI agent as code.

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  .join('\n')}

Run "opencx-trainings help <command>" (or "<command> --help") for the options of a command.
`;

function help(io: Io, usage: string): Promise<ExitCode> {
  io.stdout.write(usage);
  return Promise.resolve(ExitCode.ok);
}

/** Run one command line and map every outcome to an exit code. Never exits the process. */
export async function main(argv: readonly string[], io: Io): Promise<ExitCode> {
  const [name, ...args] = argv;
  try {
    if (name === undefined || name === '--help' || name === '-h') return await help(io, USAGE());
    if (name === 'help') {
      const [topic, ...rest] = args;
      if (topic === undefined) return await help(io, USAGE());
      if (rest.length > 0) throw new UsageError(`"help" takes one command, not "${rest[0]}".`);
      return await commandNamed(topic).run(['--help'], io);
    }
    if (name === '--version' || name === '-v') {
      io.stdout.write(`${VERSION}\n`);
      return ExitCode.ok;
    }
    const command = commandNamed(name);
    try {
      return await command.run(args, io);
    } catch (error) {
      throw error instanceof UsageError ? new CommandUsageError(name, error.message) : error;
    }
  } catch (error) {
    return reportError(error, io);
  }
}

function commandNamed(name: string): CommandEntry {
  const command = COMMANDS[name];
  if (command !== undefined) return command;
  const guess = suggest(name, Object.keys(COMMANDS));
  throw new UsageError(
    `Unknown command "${name}".${guess === undefined ? '' : ` Did you mean "${guess}"?`}`,
  );
}

/** A usage error of one command: its own help is the one to read. */
class CommandUsageError extends UsageError {
  constructor(
    readonly command: string,
    message: string,
  ) {
    super(message);
  }
}

/** The one place where an error becomes words and an exit code (see src/errors.ts). */
function reportError(error: unknown, io: Io): ExitCode {
  const say = (text: string): void => void io.stderr.write(`${redact(text, io.env)}\n`);
  if (error instanceof ExitError) return error.code;
  if (error instanceof UsageError) {
    const help = error instanceof CommandUsageError ? `${error.command} --help` : '--help';
    say(`Error: ${error.message}\nRun "opencx-trainings ${help}" for usage.`);
  } else if (error instanceof UserFacingError) {
    say(`Error: ${error.message}`);
  } else {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    say(
      `Internal error in opencx-trainings ${VERSION}: this is a bug, please report it with the details below.\n${detail}`,
    );
  }
  return ExitCode.error;
}
