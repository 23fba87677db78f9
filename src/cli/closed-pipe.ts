/** Commands that only read: once their reader is gone, nothing they do is of use to anyone. */
const READ_ONLY = new Set([
  'validate',
  'lint',
  'plan',
  'schema',
  'help',
  '--help',
  '-h',
  '--version',
]);

/**
 * Whether the command ends at once, with exit status 0, when its output pipe is closed (as by
 * `| head -1`). A command that only reads does. One that changes something (apply, pull, init,
 * the emulator, the GitHub mode) carries on to the end with its output dropped: stopping it
 * half-way because nobody reads its progress would leave the change half made.
 */
export function endsQuietlyOnClosedPipe(command: string | undefined): boolean {
  return command === undefined || READ_ONLY.has(command);
}
