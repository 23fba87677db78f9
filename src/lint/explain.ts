import { addTo } from '../util/multimap.js';
import type { Channel, Desired } from '../model/training.js';
import { effectiveSet, type Situation } from './scope.js';
import { rankBySimilarity } from './similarity.js';

/**
 * The effective instruction set of one situation: what the agent is given in a conversation on
 * that channel with a contact of that segment (or of none). Pure.
 */
export interface Explanation {
  channel: Channel;
  /** null: a contact in no segment, whom only unrestricted trainings reach. */
  segment: string | null;
  alwaysOn: { characters: number; trainings: Entry[] };
  /** The scenario trainings that can fire, by directory (null: none), directories in order. */
  scenarios: { directory: string | null; trainings: Entry[] }[];
  /** With a question: the scenario triggers closest to it, most similar first. */
  ranked?: (Entry & { score: number })[];
}

interface Entry {
  key: string;
  file: string;
  title: string;
  characters: number;
}

/** How many triggers a question's ranking shows. */
const RANKED = 10;

export function explain(
  trainings: readonly Desired[],
  at: { channel: Channel; segment: string | null; question?: string | undefined },
): Explanation {
  const situation: Situation = {
    channel: at.channel,
    segments: at.segment === null ? [] : [at.segment],
  };
  const applying = effectiveSet(trainings, situation);
  const entry = (t: Desired): Entry => ({
    key: t.key,
    file: t.file,
    title: t.title,
    characters: t.content.length,
  });
  const behavioral = applying.filter((t) => t.type === 'BEHAVIORAL');
  const scenarios = applying.filter((t) => t.type === 'SCENARIO_SPECIFIC');
  const byDirectory = new Map<string | null, Entry[]>();
  for (const t of scenarios) addTo(byDirectory, t.directory, entry(t));
  const explanation: Explanation = {
    channel: at.channel,
    segment: at.segment,
    alwaysOn: {
      characters: behavioral.reduce((sum, t) => sum + t.content.length, 0),
      trainings: behavioral.map(entry),
    },
    scenarios: [...byDirectory]
      .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)))
      .map(([directory, list]) => ({ directory, trainings: list })),
  };
  if (at.question !== undefined) {
    explanation.ranked = rankBySimilarity(
      at.question,
      scenarios.map((t) => t.title),
    )
      .slice(0, RANKED)
      .map(({ index, score }) => ({ ...entry(scenarios[index] as Desired), score }));
  }
  return explanation;
}
