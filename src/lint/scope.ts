import { CHANNELS, type Channel } from '../model/training.js';

/**
 * Where a training applies: the channels and the contact segments it is restricted to, an empty
 * list meaning all of them. Segments are compared as the files write them (names or ids), since
 * lint runs offline, without the org that maps one to the other.
 */
export interface Scope {
  channels: readonly Channel[];
  segments: readonly string[];
}

/** What a scope needs of a training: drafts apply nowhere. */
export interface Scoped extends Scope {
  draft: boolean;
}

/**
 * One conversation's situation: the channel it happens on, and the segments its contact is in
 * (none: a contact in no segment, whom only unrestricted trainings reach).
 */
export interface Situation {
  channel: Channel;
  segments: readonly string[];
}

/** Whether a training applies in a situation: published, its channel, one of its segments. */
export function appliesIn(training: Scoped, situation: Situation): boolean {
  if (training.draft) return false;
  if (training.channels.length > 0 && !training.channels.includes(situation.channel)) return false;
  return (
    training.segments.length === 0 || training.segments.some((s) => situation.segments.includes(s))
  );
}

/**
 * The scope two trainings share, or null when no conversation can reach both: one of the
 * lists, channels or segments, has no value in common (empty meaning every value).
 */
export function sharedScope(a: Scope, b: Scope): Scope | null {
  const channels = intersect(a.channels, b.channels);
  const segments = intersect(a.segments, b.segments);
  return channels === null || segments === null ? null : { channels, segments };
}

/** The trainings that apply in a situation: the effective set the agent is given there. */
export function effectiveSet<T extends Scoped>(trainings: readonly T[], situation: Situation): T[] {
  return trainings.filter((t) => appliesIn(t, situation));
}

/**
 * Every distinct situation the trainings tell apart: each channel, with no segment and with each
 * segment that a training names alone. (A contact in several segments gets the union of what
 * each of them gets, so these are the situations worth checking one by one.)
 */
export function situationsOf(trainings: readonly Scope[]): Situation[] {
  const segments = [...new Set(trainings.flatMap((t) => t.segments))].sort();
  return CHANNELS.flatMap((channel) => [
    { channel, segments: [] },
    ...segments.map((segment) => ({ channel, segments: [segment] })),
  ]);
}

/** `web, email · VIP customers`, or `every channel · every segment`. */
export function describeScope(scope: Scope): string {
  const channels = scope.channels.length === 0 ? 'every channel' : scope.channels.join(', ');
  const segments = scope.segments.length === 0 ? 'every segment' : scope.segments.join(', ');
  return `${channels} · ${segments}`;
}

/** `every channel · VIP customers`, `web, email · contacts in no segment, VIP customers`. */
export function describeSituations(situations: readonly Situation[]): string {
  const channels = [...new Set(situations.map((s) => s.channel))];
  const segments = [...new Set(situations.flatMap((s) => s.segments))];
  if (situations.some((s) => s.segments.length === 0)) segments.unshift('contacts in no segment');
  const where = channels.length === CHANNELS.length ? 'every channel' : channels.join(', ');
  return `${where} · ${segments.join(', ')}`;
}

/** Empty means all: the intersection of two such lists, or null when they have none in common. */
function intersect<T>(a: readonly T[], b: readonly T[]): T[] | null {
  if (a.length === 0) return [...b];
  if (b.length === 0) return [...a];
  const both = a.filter((x) => b.includes(x));
  return both.length === 0 ? null : both;
}
