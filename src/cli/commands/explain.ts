import { hasErrors } from '../../diagnostics/diagnostic.js';
import { explain as explainSituation } from '../../lint/explain.js';
import { CHANNELS, type Channel } from '../../model/training.js';
import { renderDiagnostics } from '../../render/diagnostics.js';
import { renderExplainJson, renderExplainText } from '../../render/explain-report.js';
import type { CommonOptions } from '../../app/options.js';
import {
  choice,
  commonOptions,
  COMMON_OPTIONS,
  parseFlags,
  stringValue,
  type Flags,
} from '../args.js';
import { ExitCode, UsageError } from '../../util/errors.js';
import { wantsColor, type Io } from '../../app/io.js';
import { loadProject } from '../../app/project.js';
import { FILES_ROWS, FILES_TARGET_ROW, renderUsage } from '../usage.js';

export interface ExplainOptions extends CommonOptions {
  channel: Channel;
  segment: string | null;
  question: string | undefined;
  format: 'text' | 'json';
}

const EXPLAIN_FLAGS = {
  channel: { type: 'string', value: 'CHANNEL', required: true },
  segment: { type: 'string', value: 'SEGMENT' },
  question: { type: 'string', value: 'TEXT' },
  format: { type: 'string', value: 'text|json' },
  ...COMMON_OPTIONS,
} as const satisfies Flags;

export const explainUsage = renderUsage({
  command: 'explain',
  flags: EXPLAIN_FLAGS,
  about: `What the agent is given in one situation, read from the files: the BEHAVIORAL trainings that
are always on (and their size), and the SCENARIO_SPECIFIC triggers that can fire, by directory.
Drafts apply nowhere. With --question, the triggers closest to it, by the word similarity of
lint: an approximation of the agent's semantic matching, not a prediction of it.`,
  sections: [
    {
      title: 'Options',
      rows: [
        ['--channel CHANNEL', `the conversation's channel: ${CHANNELS.join(', ')}`],
        ['--segment SEGMENT', "the contact's segment, as the files name it (default: none)"],
        ['--question TEXT', "a customer's question: rank the triggers by similarity to it"],
        ['--format FORMAT', 'text (default) or json'],
        FILES_TARGET_ROW,
        ...FILES_ROWS,
      ],
    },
  ],
  examples: [
    'opencx-trainings explain --channel email',
    'opencx-trainings explain --channel web --segment "VIP customers" --question "Where is my bike?"',
  ],
});

export function parseExplainArgs(args: readonly string[]): ExplainOptions | 'help' {
  const { values } = parseFlags(EXPLAIN_FLAGS, args);
  if (values.help === true) return 'help';
  if (typeof values.channel !== 'string') {
    throw new UsageError(`--channel is required: one of ${CHANNELS.join(', ')}.`);
  }
  return {
    ...commonOptions(values),
    channel: choice('channel', values.channel, CHANNELS, 'web'),
    segment: stringValue(values.segment) ?? null,
    question: stringValue(values.question),
    format: choice('format', values.format, ['text', 'json'] as const, 'text'),
  };
}

export async function explain(options: ExplainOptions, io: Io): Promise<ExitCode> {
  const project = await loadProject(options, io, undefined, { cache: true });
  const color = wantsColor(io, options.color);
  if (project.source === null || hasErrors(project.diagnostics)) {
    io.stderr.write(renderDiagnostics(project.diagnostics, { color }));
    io.stderr.write('Fix the problems above first (opencx-trainings validate).\n');
    return ExitCode.error;
  }
  const explanation = explainSituation(project.source.trainings, options);
  io.stdout.write(
    options.format === 'json'
      ? renderExplainJson(explanation)
      : renderExplainText(explanation, { color }),
  );
  return ExitCode.ok;
}
