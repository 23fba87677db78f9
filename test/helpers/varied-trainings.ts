import {
  DEFAULT_DIRECTORIES,
  DEFAULT_SEGMENTS,
  type SeedInput,
  type TrainingSeed,
} from '../../src/emulator/index.js';
import { ownershipMetadata } from '../../src/model/ownership.js';
import { CHANNELS, TRAINING_TYPES } from '../../src/model/training.js';
import { mulberry32 } from '../../src/util/random.js';

/** A directory the server lists but the test projects' opencx.yml does not map. */
export const UNMAPPED_DIRECTORY = {
  id: '3c9a7f52-1d4e-4b8a-9f3e-2a6b5c7d8e04',
  name: 'Returns / Exchanges ✨',
};
/** Two segments sharing one name: files must name them by id. */
const TWIN_SEGMENTS = [
  { id: '5e6f7a81-2b3c-4d5e-8f90-a1b2c3d4e5f5', name: 'Twins' },
  { id: '5e6f7a81-2b3c-4d5e-8f90-a1b2c3d4e5f6', name: 'Twins' },
];

const TITLES = [
  'How do I get a refund?',
  'Where is my order?',
  'Où est ma commande ?',
  'Rückerstattung für beschädigte Räder',
  '退款政策',
  'Возврат товара',
  'استرداد المبلغ',
  '🚲 My bike will not start',
  'Pay with 💳 or 🍎 Pay?',
  '🔋',
  'Billing/Refunds',
  'a/b/c',
  '../../etc/passwd',
  '..',
  '.',
  '.env',
  'v2.0 pricing...',
  'README',
  'con',
  '_partial',
  'yes',
  'null',
  '123',
  '#hashtag',
  '- dash',
  ': colon',
  'No',
  '2024-01-01',
  '  padded title  ',
  'Tab\tseparated',
  'Quote "this" and \'that\'',
  'Line one\nline two',
];

const PARAGRAPHS = [
  'Ask for the order number, then look the order up.',
  'Be warm and brief. Answer the question first.',
  '- Step one\n- Step two\n  - nested: yes',
  '---\nA line of dashes above is part of the text.',
  '    indented code block\n\ttab-indented line',
  'Trailing spaces stay inside the text.   \nLike here.',
  'Ünïcödé, 中文, العربية and emoji 🚲🔋 in the body.',
  '# A heading\n\n> a quote: with a colon',
];

/**
 * An org of `count` varied trainings, the same for the same seed: every channel and type,
 * segments (twins included), directories (one unmapped), drafts with pending edits, CRLF and
 * padded texts, duplicate and hostile titles, metadata, trainings of this namespace without a
 * file (one key used twice) and of another. With `publishedEdits`, also published trainings
 * with dashboard edits that are not live (which no file can match without a change).
 */
export function variedOrg(
  namespace: string,
  { count = 200, seed = 6, publishedEdits = false } = {},
): SeedInput {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const hex = (n: number) =>
    Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
  const directoryIds = [...DEFAULT_DIRECTORIES.map((d) => d.id), UNMAPPED_DIRECTORY.id];
  const segmentIds = [...DEFAULT_SEGMENTS.map((s) => s.id), ...TWIN_SEGMENTS.map((s) => s.id)];

  const trainings: TrainingSeed[] = [];
  for (let i = 0; i < count; i++) {
    const title = i % 3 === 0 ? pick(TITLES) : `${pick(TITLES)} ${i % 7}`;
    const body = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(PARAGRAPHS));
    let content = body.join('\n\n');
    if (i % 5 === 0) content = content.replace(/\n/g, '\r\n');
    if (i % 6 === 0) content = `\n\n  \n${content}\n\n\n`;
    if (i % 11 === 0) content = `\ufeff${content}`;
    const kind = i % 20;
    const draft = kind === 1 || kind === 2 || kind === 3;
    const t: TrainingSeed = {
      id: `${hex(8)}-${hex(4)}-4${hex(3)}-8${hex(3)}-${hex(12)}`,
      title,
      content,
      type: pick(TRAINING_TYPES),
      is_draft: draft,
      restricted_to_channels:
        i < CHANNELS.length ? [CHANNELS[i] as (typeof CHANNELS)[number]] : channelsOf(random),
      restricted_to_segments: segmentIds.filter(() => random() < 0.15),
      directory_id: random() < 0.6 ? pick(directoryIds) : null,
      // Every tenth shares the creation time of the one before: ties are broken by id.
      created_at: new Date(Date.UTC(2025, 0, 1, 0, i - (i % 10 === 9 ? 1 : 0))).toISOString(),
      metadata: metadataOf(i, namespace),
    };
    if (kind === 2) Object.assign(t, { draft_title: `${title} (draft)`, draft_content: 'Draft.' });
    if (kind === 3)
      Object.assign(t, { title: '', content: '', draft_title: title, draft_content: content });
    // A published training with edits in the dashboard that are not live.
    if (kind === 4 && publishedEdits)
      Object.assign(t, { draft_title: title, draft_content: `${content}\n\nEdited.` });
    trainings.push(t);
  }
  return {
    directories: [...DEFAULT_DIRECTORIES, UNMAPPED_DIRECTORY],
    segments: [...DEFAULT_SEGMENTS, ...TWIN_SEGMENTS],
    trainings,
  };
}

function channelsOf(random: () => number): (typeof CHANNELS)[number][] {
  return CHANNELS.filter(() => random() < 0.2);
}

/** Every 13th is this namespace's (a plain key, an odd key, and once a key used twice); every 17th another's. */
function metadataOf(i: number, namespace: string): Record<string, unknown> {
  if (i % 13 === 0) {
    const key =
      i === 26
        ? 'legacy/shared'
        : i === 39
          ? 'legacy/shared'
          : i % 2 === 0
            ? `legacy/old-${i}`
            : `Legacy Key #${i}`;
    return { ...ownershipMetadata(namespace, key), owner: 'support' };
  }
  if (i % 17 === 0) return ownershipMetadata('other-repo', `theirs-${i}`);
  if (i % 4 === 0)
    return { owner: i % 8 === 0 ? 'payments' : 'yes', priority: i % 3, reviewed: i % 2 === 0 };
  return {};
}

/** How many trainings of the org another namespace manages. */
export function countOtherNamespace(org: SeedInput): number {
  return (org.trainings ?? []).filter(
    (t) => t.metadata?.['opencx-trainings.namespace'] === 'other-repo',
  ).length;
}
