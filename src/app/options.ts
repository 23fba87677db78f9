/** The options every command that reads the repository takes (cli/args.ts parses them). */
export interface CommonOptions {
  config: string | undefined;
  root: string | undefined;
  target: string | undefined;
  /** undefined: decide from the terminal and NO_COLOR. */
  color: boolean | undefined;
}
