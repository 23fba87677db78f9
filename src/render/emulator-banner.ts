/**
 * What `opencx-trainings emulator` prints once it listens: where, with which token, where its
 * data goes, and how to stop it. Pure. The token is a local test token, printed on purpose: a
 * client needs it to connect.
 */
export function renderEmulatorBanner(emulator: {
  url: string;
  token: string;
  /** The data file as the user typed it, or undefined when the state is kept in memory. */
  dataFile: string | undefined;
}): string {
  return [
    `OpenCX emulator listening on ${emulator.url}`,
    `Token: ${emulator.token}`,
    `Data: ${emulator.dataFile ?? 'in memory (use --data FILE to keep it)'}`,
    'Press Ctrl+C to stop.',
    '',
  ].join('\n');
}
