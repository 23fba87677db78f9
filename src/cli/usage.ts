import type { Flags } from './args.js';

/** Help text is wrapped to fit a terminal of this many columns. */
const WIDTH = 100;

/** One line of an options list: the flag as typed, and what it does. */
export type OptionRow = readonly [flag: string, description: string];

export interface Usage {
  command: string;
  /** Every flag the command reads: all of them are in the usage line. */
  flags: Flags;
  /** What comes after the command besides flags, e.g. `[training|config]`. */
  operands?: string;
  about: string;
  /** Titled lists of options, the first usually "Options". */
  sections: readonly { title: string; rows: readonly OptionRow[] }[];
  examples: readonly string[];
  /** Text after the examples (environment variables, exit status). */
  footer?: string;
}

/** The rows every command that reads the repository shares, after its own. */
export const TARGET_ROW: OptionRow = [
  '-t, --target NAME',
  'target from opencx.yml (default: default_target, else the local emulator)',
];
const REPOSITORY_ROWS: readonly OptionRow[] = [
  ['--root DIR', 'trainings folder (default: root in opencx.yml, else trainings)'],
  ['--config FILE', 'configuration file (default: opencx.yml)'],
];
export const COLOR_ROW: OptionRow = [
  '--color, --no-color',
  'colour on or off (default: on a terminal, off with NO_COLOR, FORCE_COLOR=0 or TERM=dumb)',
];
const NO_CACHE_ROW: OptionRow = ['--no-cache', 'no effect (only validate reads the cache)'];
const DEBUG_ROW: OptionRow = ['--debug', 'print every API request on stderr'];
export const HELP_ROW: OptionRow = ['-h, --help', 'show this help'];
/** The target's row of the commands that read the files only. */
export const FILES_TARGET_ROW: OptionRow = [
  '-t, --target NAME',
  "check directory names against this target's mapping",
];
/** The last rows of the commands that read the files only (validate, lint, explain). */
export const FILES_ROWS: readonly OptionRow[] = [
  ...REPOSITORY_ROWS,
  COLOR_ROW,
  ['--no-cache', 'parse every file afresh, without the parse cache (see OPENCX_CACHE_DIR)'],
  HELP_ROW,
];
/** The last rows of every command that reads the org: the flags of SYNC_FLAGS but the target. */
export const SESSION_ROWS: readonly OptionRow[] = [
  DEBUG_ROW,
  ...REPOSITORY_ROWS,
  COLOR_ROW,
  NO_CACHE_ROW,
  HELP_ROW,
];

/** A command's help: usage line, description, options, examples. */
export function renderUsage(usage: Usage): string {
  const parts = [usageLine(usage.command, usage.flags, usage.operands), usage.about.trimEnd()];
  for (const { title, rows } of usage.sections) parts.push(`${title}:\n${optionList(rows)}`);
  parts.push(`Examples:\n${usage.examples.map((e) => `  ${e}`).join('\n')}`);
  if (usage.footer !== undefined) parts.push(usage.footer.trimEnd());
  return `${parts.join('\n\n')}\n`;
}

/** `Usage: opencx-trainings plan [--target NAME] …`: every flag but --help, wrapped. */
function usageLine(command: string, flags: Flags, operands?: string): string {
  const items = Object.entries(flags)
    .filter(([name]) => name !== 'help')
    .map(([name, flag]) => {
      const shown = flag.value === undefined ? `--${name}` : `--${name} ${flag.value}`;
      return flag.required === true ? shown : `[${shown}]`;
    });
  const prefix = `Usage: opencx-trainings ${command} `;
  return wrap([...(operands === undefined ? [] : [operands]), ...items], prefix);
}

function optionList(rows: readonly OptionRow[]): string {
  const column = Math.min(26, Math.max(...rows.map(([flag]) => flag.length)) + 2);
  const indent = ' '.repeat(2 + column);
  return rows
    .map(([flag, description]) => {
      const words = description.split(' ');
      return flag.length + 2 > column
        ? `  ${flag}\n${wrap(words, indent)}`
        : wrap(words, `  ${flag.padEnd(column)}`);
    })
    .join('\n');
}

/** Words after `first`, wrapped at WIDTH, the lines after the first aligned under its text. */
function wrap(words: readonly string[], first: string): string {
  const indent = ' '.repeat(first.length);
  const lines: string[] = [];
  let head = first;
  let line: string[] = [];
  for (const word of words) {
    if (line.length > 0 && head.length + [...line, word].join(' ').length > WIDTH) {
      lines.push(head + line.join(' '));
      head = indent;
      line = [];
    }
    line.push(word);
  }
  lines.push(head + line.join(' '));
  return lines.join('\n');
}
