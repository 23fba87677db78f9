import { CHANNELS, DEFAULT_TRAINING_TYPE, type Channel, type Desired } from '../model/training.js';
import { NO_METADATA, sharedList, sharedPositions } from '../model/shared.js';
import { normalizeTitle } from '../model/text.js';
import type { TrainingFile } from './parse.js';

/**
 * Apply defaults and derive identity: the written file becomes the state the repository wants.
 * `pathKey` is the file's path under the trainings folder without `.md`, the default key.
 */
export function normalizeTraining(training: TrainingFile, pathKey: string): Desired {
  const fm = training.frontmatter;
  return {
    key: fm.key ?? pathKey,
    file: training.file,
    id: fm.id ?? null,
    title: normalizeTitle(fm.title),
    content: training.body,
    type: fm.type ?? DEFAULT_TRAINING_TYPE,
    channels: sharedList(sortChannels(fm.channels ?? [])),
    segments: sharedList(fm.segments ?? []),
    directory: fm.directory ?? null,
    draft: fm.draft ?? false,
    metadata: fm.metadata ?? NO_METADATA,
    positions: sharedPositions(training.positions),
  };
}

/** Channels in the order of the API's enum, so that equal sets print and compare alike. */
export function sortChannels(channels: readonly Channel[]): Channel[] {
  return CHANNELS.filter((c) => channels.includes(c));
}

/** `billing/refund-policy` for `billing/refund-policy.md`, whatever the platform's separator. */
export function keyFromPath(pathUnderRoot: string): string {
  return pathUnderRoot.replace(/\\/g, '/').replace(/\.md$/i, '');
}
