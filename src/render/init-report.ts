import { DEFAULT_TOKEN_ENV } from '../model/opencx-api.js';
import type { Style } from './style.js';

export interface InitResult {
  path: string;
  purpose: string;
  /** `appended`: a line added to an existing file (.gitignore); `outside`: behind a link. */
  outcome: 'created' | 'exists' | 'appended' | 'outside';
}

const MARK = { created: '+', appended: '~', exists: '=', outside: '!' } as const;
const NOTE = {
  created: '',
  appended: ' (line added)',
  exists: ' (exists: left as it is)',
  outside: ' (not written: a linked folder leads outside the repository)',
} as const;

/** What init wrote, what it left alone, and the first commands to run. Pure. */
export function renderInitReport(
  results: readonly InitResult[],
  options: { dir: string; namespace: string; examples: boolean; style: Style },
): string {
  const s = options.style;
  const width = Math.max(...results.map((r) => r.path.length));
  const lines = results.map((r) => {
    const mark = r.outcome === 'created' ? s.green(MARK.created) : s.dim(MARK[r.outcome]);
    return `  ${mark} ${r.path.padEnd(width)}  ${s.dim(r.purpose)}${NOTE[r.outcome]}`;
  });
  const changed = (p: string) => results.some((r) => r.path === p && r.outcome === 'created');
  const created = results.filter((r) => r.outcome !== 'exists').length;
  const namespace = changed('opencx.yml') ? ` (namespace "${options.namespace}")` : '';
  const head =
    created === 0
      ? `Nothing to do in ${options.dir}: every file exists already.`
      : `Set up opencx-trainings in ${options.dir}${namespace}:`;
  const examples = options.examples
    ? []
    : ['', 'The trainings folder already has files, so no examples were added.'];
  return `${[
    head,
    ...lines,
    ...examples,
    '',
    'Next:',
    '  npx opencx-trainings validate     check the training files',
    '  npx opencx-trainings plan         what apply would change, here in the local emulator',
    '  npx opencx-trainings apply        make the local emulator match the files',
    '  npx opencx-trainings pull --target production --map-directories',
    '                                    write a file for each training already in OpenCX',
    `On GitHub, add the secret ${DEFAULT_TOKEN_ENV}: pull requests then show the plan, and merges to`,
    'main apply it.',
  ].join('\n')}\n`;
}
