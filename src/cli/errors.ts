/** Exit codes, following Terraform: 2 only means "changes present" with --detailed-exitcode. */
export const ExitCode = { ok: 0, error: 1, changes: 2 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Wrong flags or arguments: the message says what to type instead. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A failure already explained to the user; only the exit code is left to report. */
export class ExitError extends Error {
  override name = 'ExitError';
  constructor(
    readonly code: ExitCode,
    message = `exit ${code}`,
  ) {
    super(message);
  }
}

/** A bug in this tool, not in the user's input: printed with a request to report it. */
export class InternalError extends Error {
  override name = 'InternalError';
}
