import { DEFAULT_TOKEN_ENV, OPENCX_API_URL } from '../model/opencx-api.js';
import { listOf, suggest } from '../util/suggest.js';

/**
 * Every diagnostic the tool can report, with a stable code that docs and tests refer to.
 * A message says what is wrong and what was received; the hint says how to fix it.
 */
export type Severity = 'error' | 'warning';

export interface Entry<A> {
  severity: Severity;
  message: (args: A) => string;
  hint: (args: A) => string | undefined;
}

const entry = <A = Record<string, never>>(e: Entry<NoInfer<A>>): Entry<A> => e;
const didYouMean = (suggestion: string | undefined): string =>
  suggestion === undefined ? '' : `Did you mean "${suggestion}"? `;

export const MAX_FILE_BYTES = 256 * 1024;

export const catalog = {
  'file-unreadable': entry<{ reason: string }>({
    severity: 'error',
    message: (a) => `The file could not be read: ${a.reason}.`,
    hint: () => 'Check that the file exists and is readable.',
  }),
  'file-too-large': entry<{ bytes: number }>({
    severity: 'error',
    message: (a) =>
      `The file is ${formatBytes(a.bytes)}, more than the limit of ${formatBytes(MAX_FILE_BYTES)}.`,
    hint: () => 'Split the instruction into several trainings; each should cover one situation.',
  }),
  'encoding-invalid': entry<{ detail: string }>({
    severity: 'error',
    message: (a) => `The file is not valid UTF-8 (${a.detail}).`,
    hint: () => 'Save the file as UTF-8 in your editor ("Save with encoding" > UTF-8).',
  }),
  'root-missing': entry<{ root: string }>({
    severity: 'error',
    message: (a) => `The trainings folder "${a.root}" does not exist.`,
    hint: () =>
      'Create it, run the command from the repository root, or set `root:` in opencx.yml (or --root).',
  }),
  'symlink-outside-root': entry<{ target: string }>({
    severity: 'warning',
    message: (a) => `Symbolic link to "${a.target}", outside the trainings folder: not followed.`,
    hint: () => 'Move what it points to into the trainings folder instead of linking to it.',
  }),
  // An entry under the root that cannot be read as a training is an error, never a silent skip:
  // a training whose file is not seen would look removed, and apply would delete it.
  'symlink-dangling': entry<{ target: string }>({
    severity: 'error',
    message: (a) => `Symbolic link to "${a.target}", which does not exist.`,
    hint: () =>
      'Point the link at an existing training file, or remove the link to remove its training.',
  }),
  'symlink-loop': entry({
    severity: 'error',
    message: () => 'Symbolic link that loops: following it leads back to a link on the way.',
    hint: () => 'Point the link at a training file, or replace it with the file itself.',
  }),
  'not-a-regular-file': entry<{ what: string }>({
    severity: 'error',
    message: (a) => `This is ${a.what}, not a regular file, so it cannot be read as a training.`,
    hint: () =>
      'Replace it with a Markdown file, or rename it so that its name does not end in `.md` or starts with `.`.',
  }),
  'file-name-invalid': entry<{ what: 'file' | 'folder'; name: string; problem: string }>({
    severity: 'error',
    message: (a) =>
      `The ${a.what} name "${a.name}" ${a.problem}; such a name cannot be shown or matched reliably, so the file is not read.`,
    hint: (a) =>
      `Rename the ${a.what} with printable UTF-8 characters only (letters, digits, spaces, \`-\`, \`_\`).`,
  }),
  'folder-unreadable': entry<{ reason: string }>({
    severity: 'error',
    message: (a) =>
      `The folder could not be listed (${a.reason}), so every training in it would look removed.`,
    hint: () => 'Make the folder readable and searchable by the user running the command.',
  }),
  'frontmatter-missing': entry({
    severity: 'error',
    message: () => 'The file has no frontmatter.',
    hint: () => 'Start the file with a YAML block: a line `---`, `title: ...`, then a line `---`.',
  }),
  'frontmatter-unclosed': entry({
    severity: 'error',
    message: () => 'The frontmatter is never closed.',
    hint: () => 'Add a line with only `---` after the last frontmatter field.',
  }),
  'frontmatter-language': entry<{ language: string }>({
    severity: 'error',
    message: (a) =>
      `Frontmatter in "${a.language}" is refused: frontmatter is data, and only YAML is read.`,
    hint: () => 'Write the opening line as plain `---` and the fields as YAML.',
  }),
  'yaml-syntax': entry<{ detail: string }>({
    severity: 'error',
    message: (a) => `Invalid YAML: ${a.detail}`,
    hint: () =>
      'Check indentation and quoting; values containing ": " or starting with a special character need quotes.',
  }),
  'yaml-alias-limit': entry({
    severity: 'error',
    message: () => 'The frontmatter expands too many YAML aliases and was refused.',
    hint: () => 'Write the values out instead of using anchors (&) and aliases (*).',
  }),
  'not-a-mapping': entry<{ what: string; received: string }>({
    severity: 'error',
    message: (a) => `${a.what} must be a set of \`key: value\` fields, not ${a.received}.`,
    hint: () => 'Write one field per line, e.g. `title: How do I get a refund?`.',
  }),
  'unknown-key': entry<{ key: string; suggestion: string | undefined; allowed: readonly string[] }>(
    {
      severity: 'error',
      message: (a) => `Unknown key "${a.key}".`,
      hint: (a) => `${didYouMean(a.suggestion)}Allowed keys: ${a.allowed.join(', ')}.`,
    },
  ),
  'invalid-value': entry<{
    field: string;
    received: string;
    allowed: readonly string[];
    suggestion: string | undefined;
  }>({
    severity: 'error',
    message: (a) => `Invalid ${a.field} "${a.received}".`,
    hint: (a) => `${didYouMean(a.suggestion)}Expected ${listOf(a.allowed)}.`,
  }),
  'invalid-type': entry<{ field: string; expected: string; received: string }>({
    severity: 'error',
    message: (a) => `\`${a.field}\` must be ${a.expected}, but is ${a.received}.`,
    hint: (a) => typeHint(a.expected),
  }),
  required: entry<{ field: string }>({
    severity: 'error',
    message: (a) => `\`${a.field}\` is required.`,
    hint: (a) =>
      a.field === 'title'
        ? 'Add `title:` with the phrase that should trigger this training.'
        : undefined,
  }),
  'empty-value': entry<{ field: string }>({
    severity: 'error',
    message: (a) => `\`${a.field}\` is empty.`,
    hint: (a) =>
      a.field === 'title'
        ? 'Write the phrase that should trigger this training.'
        : 'Remove it or give it a value.',
  }),
  'empty-body': entry({
    severity: 'error',
    message: () => 'The training has no instruction: the text after the frontmatter is empty.',
    hint: () => 'Write below the closing `---` how the AI should respond.',
  }),
  'too-long': entry<{ field: string; length: number; max: number }>({
    severity: 'error',
    message: (a) => `\`${a.field}\` is ${a.length} characters long; the limit is ${a.max}.`,
    hint: () => 'Shorten it.',
  }),
  'duplicate-entry': entry<{ field: string; value: string }>({
    severity: 'error',
    message: (a) => `"${a.value}" is listed twice in \`${a.field}\`.`,
    hint: () => 'Remove the repeated entry.',
  }),
  'invalid-key': entry<{ reason: string }>({
    severity: 'error',
    message: (a) => `Invalid \`key\`: ${a.reason}.`,
    hint: () => 'Use letters, digits, `-`, `_`, `.` and `/`, e.g. `billing/refund-policy`.',
  }),
  'reserved-metadata': entry<{ key: string; prefix: string }>({
    severity: 'error',
    message: (a) => `Metadata key "${a.key}" uses the prefix "${a.prefix}", which is reserved.`,
    hint: () => 'Rename the key; the tool records ownership under that prefix itself.',
  }),
  'duplicate-key': entry<{ key: string; other: string }>({
    severity: 'error',
    message: (a) => `Key "${a.key}" is also used by ${a.other}.`,
    hint: () =>
      'Each training needs its own key: change or remove `key:` so that only one file keeps it.',
  }),
  'duplicate-id': entry<{ id: string; other: string }>({
    severity: 'error',
    message: (a) => `Id "${a.id}" is also pinned by ${a.other}.`,
    hint: () => 'A remote training can be managed by one file only: remove `id:` from one of them.',
  }),
  'directory-unmapped': entry<{
    name: string;
    known: readonly string[];
    suggestion: string | undefined;
  }>({
    severity: 'error',
    message: (a) =>
      `Directory "${a.name}" is neither a directory id nor a name mapped in opencx.yml.`,
    hint: (a) =>
      `${didYouMean(a.suggestion)}Add it under \`directories:\` in opencx.yml (name: id)` +
      (a.known.length > 0 ? `; mapped names: ${a.known.join(', ')}.` : '.'),
  }),
  'config-unreadable': entry<{ reason: string }>({
    severity: 'error',
    message: (a) => `The configuration could not be read: ${a.reason}.`,
    hint: () => 'Check the path given with --config.',
  }),
  'target-kind': entry({
    severity: 'error',
    message: () =>
      'A target needs exactly one of `url` (an OpenCX API) or `emulator` (the embedded local emulator).',
    hint: () =>
      `Write \`url: ${OPENCX_API_URL}\` with \`token_env: ${DEFAULT_TOKEN_ENV}\`, or \`emulator: true\`; \`token_env\` only goes with \`url\`.`,
  }),
  'url-credentials': entry({
    severity: 'error',
    message: () =>
      'The URL holds credentials (`user:password@`): they would show wherever the URL is printed or logged.',
    hint: () =>
      `Remove them from \`url\`, and put the API key in the environment variable named by \`token_env\` (default ${DEFAULT_TOKEN_ENV}).`,
  }),
  'unknown-target': entry<{ name: string; known: readonly string[] }>({
    severity: 'error',
    message: (a) => `Target "${a.name}" is not defined.`,
    hint: (a) =>
      a.known.length === 0
        ? 'Define it under `targets:` in opencx.yml.'
        : `${didYouMean(suggest(a.name, a.known))}Defined targets: ${a.known.join(', ')}.`,
  }),
  'unknown-segment': entry<{
    name: string;
    known: readonly string[];
    suggestion: string | undefined;
  }>({
    severity: 'error',
    message: (a) => `Segment "${a.name}" does not exist in this OpenCX org.`,
    hint: (a) =>
      `${didYouMean(a.suggestion)}` +
      (a.known.length > 0
        ? `Segments: ${a.known.join(', ')}.`
        : 'The org has no contact segments.'),
  }),
  'ambiguous-segment': entry<{ name: string; ids: readonly string[] }>({
    severity: 'error',
    message: (a) =>
      `Segment name "${a.name}" is used by ${a.ids.length} segments: ${a.ids.join(', ')}.`,
    hint: () =>
      'Write the id of the one you mean instead of the name, or rename one of them in OpenCX.',
  }),
  'unknown-directory': entry<{ name: string; id: string }>({
    severity: 'error',
    message: (a) =>
      a.name === a.id
        ? `Directory id "${a.id}" does not exist in this OpenCX org.`
        : `Directory "${a.name}" maps to id "${a.id}", which does not exist in this OpenCX org.`,
    hint: () =>
      'Check the id in the dashboard and in `directories:` of opencx.yml (per target if ids differ).',
  }),
  // Trainings read from OpenCX by `pull` that cannot be written as a file as they are.
  'remote-empty-title': entry<{ id: string }>({
    severity: 'error',
    message: (a) => `Training ${a.id} has no title in OpenCX, and a training file needs one.`,
    hint: () => 'Give it a title in the OpenCX dashboard, then pull again.',
  }),
  'remote-empty-content': entry<{ title: string; id: string }>({
    severity: 'error',
    message: (a) =>
      `${quoteTitle(a.title)} (${a.id}) has no instruction text in OpenCX, and a training file needs one.`,
    hint: () => 'Write its instruction in the OpenCX dashboard, then pull again.',
  }),
  'remote-unknown-channel': entry<{ title: string; id: string; channel: string }>({
    severity: 'error',
    message: (a) =>
      `${quoteTitle(a.title)} (${a.id}) is restricted to channel "${a.channel}", which this version of opencx-trainings does not know.`,
    hint: () => 'Update opencx-trainings, then pull again.',
  }),
  'remote-unknown-segment': entry<{ title: string; id: string; segment: string }>({
    severity: 'error',
    message: (a) =>
      `${quoteTitle(a.title)} (${a.id}) is restricted to segment ${a.segment}, which is not among the org's segments.`,
    hint: () =>
      'Fix its segments in the OpenCX dashboard (the segment may have been deleted), then pull again.',
  }),
  'remote-not-representable': entry<{ title: string; id: string; fields: readonly string[] }>({
    severity: 'error',
    message: (a) =>
      `${quoteTitle(a.title)} (${a.id}) cannot be written as a file that reads back the same: ${a.fields.join(', ')} would change.`,
    hint: () =>
      'Edit the text in the OpenCX dashboard (unusual characters at its start or end are the usual cause), then pull again.',
  }),
  'path-outside-folder': entry<{ folder: string; symlink: boolean }>({
    severity: 'error',
    message: (a) =>
      `Not written: the file would be outside ${a.folder}${a.symlink ? ', through a symbolic link' : ''}.`,
    hint: (a) =>
      a.symlink
        ? 'Replace the linked folder with a real one, or pull into another folder (--dir).'
        : 'Pull into the folder that holds the file (--dir), or move the file.',
  }),
  'write-failed': entry<{ reason: string }>({
    severity: 'error',
    message: (a) => `Not written: ${a.reason}.`,
    hint: () =>
      'Check the permissions of the folder, and that no file on the way has the name of a folder.',
  }),
  'metadata-skipped': entry<{ key: string; received: string }>({
    severity: 'warning',
    message: (a) =>
      `Metadata "${a.key}" was left out of the file: its value is ${a.received}, and files hold only text, numbers and true/false.`,
    hint: () =>
      'OpenCX keeps the value; `plan` notes that the metadata differs and changes nothing.',
  }),
  'pending-edit-pulled': entry<{ title: string }>({
    severity: 'warning',
    message: (a) =>
      `${quoteTitle(a.title)} has unpublished edits in the dashboard: the file holds the edited text, so the next apply publishes it.`,
    hint: () =>
      'Review the file before applying. To keep the published text instead, write it back into the file: apply then discards the dashboard edit.',
  }),
};

export type DiagnosticCode = keyof typeof catalog;
/** The values a code's message is made from. */
export type ArgsOf<C extends DiagnosticCode> = Parameters<(typeof catalog)[C]['message']>[0];

function typeHint(expected: string): string | undefined {
  if (expected.startsWith('a list')) return 'Write a list as `[a, b]` or one `- item` per line.';
  if (expected === 'true or false') return 'Write `true` or `false` without quotes.';
  if (expected === 'text') return 'Put the value in quotes.';
  return undefined;
}

/** A remote title in a message: quoted, escaped, and cut if long. */
function quoteTitle(title: string): string {
  const short = title.length > 60 ? `${title.slice(0, 57)}...` : title;
  return JSON.stringify(short);
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 ? `${Math.round(bytes / 1024)} KiB` : `${bytes} bytes`;
}
