import { appendFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import fg from 'fast-glob';
import { EXAMPLES_DIR, gitignoreChange, namespaceFor, scaffoldFiles } from '../../init/scaffold.js';
import { renderInitReport, type InitResult } from '../../render/init-report.js';
import { styleFor } from '../../render/style.js';
import { resolveInside, writeFileAtomic } from '../../util/safe-write.js';
import { VERSION } from '../../util/version.js';
import { parseFlags, stringValue } from '../args.js';
import { ExitCode, UsageError } from '../../util/errors.js';
import { wantsColor, type Io } from '../../app/io.js';

export interface InitOptions {
  dir: string | undefined;
  namespace: string | undefined;
  color: boolean | undefined;
}

export const initUsage = `Usage: opencx-trainings init [--dir DIR] [--namespace NAME]

Set up a repository of trainings: opencx.yml (a production target whose API key comes from
$OPENCX_API_KEY, and a local emulator target), two example trainings, the GitHub workflow that
plans on pull requests and applies on main, editor settings for the JSON Schemas, and .opencx/
in .gitignore. Never overwrites a file: those that exist are left as they are and listed.

Options:
  --dir DIR           the repository's folder (default: the current folder)
  --namespace NAME    owner name recorded on the trainings it creates (default: from the folder name)
  --no-color          plain output even on a terminal
`;

const NAMESPACE = /^[a-z0-9][a-z0-9._-]{0,63}$/;

export function parseInitArgs(args: readonly string[]): InitOptions | 'help' {
  const { values } = parseFlags(
    {
      dir: { type: 'string' },
      namespace: { type: 'string' },
      color: { type: 'boolean' },
      'no-color': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    args,
  );
  if (values.help === true) return 'help';
  const namespace = stringValue(values.namespace);
  if (namespace !== undefined && !NAMESPACE.test(namespace)) {
    throw new UsageError(
      `--namespace must be lower-case letters, digits, ".", "_" or "-" (at most 64), not "${namespace}".`,
    );
  }
  return {
    dir: stringValue(values.dir),
    namespace,
    color: values['no-color'] === true ? false : values.color === true ? true : undefined,
  };
}

export async function init(options: InitOptions, io: Io): Promise<ExitCode> {
  const dir = path.resolve(io.cwd, options.dir ?? '.');
  const namespace = options.namespace ?? namespaceFor(path.basename(dir));
  const existingTrainings = await fg('**/*.md', { cwd: path.join(dir, EXAMPLES_DIR) });
  const files = scaffoldFiles({
    namespace,
    version: VERSION,
    withExamples: existingTrainings.length === 0,
  });

  const results: InitResult[] = [];
  for (const file of files) {
    const absolute = await resolveInside(dir, file.path);
    const outcome =
      absolute === undefined
        ? 'outside'
        : await writeFileAtomic(absolute, file.text, { overwrite: false });
    results.push({
      path: file.path,
      purpose: file.purpose,
      outcome: outcome === 'written' ? 'created' : outcome,
    });
  }
  results.push(await updateGitignore(dir));

  const shown = path.relative(io.cwd, dir) || '.';
  io.stdout.write(
    renderInitReport(results, {
      dir: shown,
      namespace,
      examples: existingTrainings.length === 0,
      style: styleFor(wantsColor(io, options.color)),
    }),
  );
  return results.some((r) => r.outcome === 'outside') ? ExitCode.error : ExitCode.ok;
}

/** Add `.opencx/` to .gitignore: appended to an existing file, never rewriting it. */
async function updateGitignore(dir: string): Promise<InitResult> {
  const file = path.join(dir, '.gitignore');
  const purpose = 'keeps the emulator data (.opencx/) out of Git';
  const existing = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  const change = gitignoreChange(existing);
  if (change === null) return { path: '.gitignore', purpose, outcome: 'exists' };
  if (change.kind === 'append') {
    await appendFile(file, change.text);
    return { path: '.gitignore', purpose, outcome: 'appended' };
  }
  const outcome = await writeFileAtomic(file, change.text, { overwrite: false });
  return { path: '.gitignore', purpose, outcome: outcome === 'written' ? 'created' : 'exists' };
}
