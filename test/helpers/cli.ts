import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/app/io.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
  isTTY?: boolean;
  /** Answers to questions, in order; a question beyond them fails the test. */
  answers?: string[];
  /** Resolves when the command should behave as if it received SIGINT. */
  signal?: Promise<string>;
}

/** Run the real command line in-process with captured output. */
export async function runCli(args: readonly string[], options: CliOptions): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const answers = [...(options.answers ?? [])];
  const io: Io = {
    stdout: { write: (text) => void (stdout += text) },
    stderr: { write: (text) => void (stderr += text) },
    isTTY: options.isTTY ?? false,
    interactive: options.isTTY ?? false,
    env: options.env ?? {},
    cwd: options.cwd,
    waitForSignal: () => options.signal ?? new Promise<string>(() => undefined),
    ask: (question) => {
      const answer = answers.shift();
      if (answer === undefined) throw new Error(`unexpected question: ${question}`);
      stderr += question;
      return Promise.resolve(answer);
    },
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}
