/**
 * The errors the tool raises on purpose, and the exit codes they end in. There is one way to
 * tell them apart, `instanceof` on these classes: an ExitError carries a code and was already
 * explained; a UserFacingError (and its subclasses, here and in other folders: ApiError,
 * MassDeleteRefusedError...) has a message written for the user; anything else reaching the
 * top is a bug, reported as one.
 */

/** Exit codes, following Terraform: 2 only means "changes present" with --detailed-exitcode. */
/** 130: stopped by Ctrl+C (128 + SIGINT), as shells report it. */
export const ExitCode = { ok: 0, error: 1, changes: 2, interrupted: 130 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** An error whose message is written for the user: what went wrong, and what to do. */
export class UserFacingError extends Error {
  override name = 'UserFacingError';
}

/** A setting that cannot work (a plain-http URL to a remote host, a missing token...). */
export class ConfigError extends UserFacingError {
  override name = 'ConfigError';
}

/** Wrong flags or arguments: the message says what to type instead. */
export class UsageError extends UserFacingError {
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

/** Why a file operation failed, for a message: its code (ENOENT, EACCES...), else the error. */
export function fileErrorReason(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}
