import { addTo } from '../util/multimap.js';
import type { Desired } from '../model/training.js';
import { countNewlines } from '../model/text.js';
import {
  describeScope,
  describeSituations,
  effectiveSet,
  sharedScope,
  situationsOf,
  type Scope,
  type Situation,
} from './scope.js';
import {
  LINT_RULES,
  type FindingSeverity,
  type LintRule,
  type LintSettings,
  type PhraseRule,
} from './settings.js';
import { nearDuplicates, similarPairs, termsOf } from './similarity.js';

/**
 * What the trainings mean to the agent, checked offline: each rule reads the published
 * trainings (drafts apply nowhere) and reports findings at a file's line. Pure.
 */

export interface Finding {
  rule: LintRule;
  severity: FindingSeverity;
  message: string;
  file: string;
  line: number;
  column: number;
  /** The other trainings the finding is about (the second of a pair, the contributors). */
  related: { file: string; line: number }[];
}

/** Every finding of the enabled rules, in file and line order. */
export function lintTrainings(trainings: readonly Desired[], settings: LintSettings): Finding[] {
  const published = trainings.filter((t) => !t.draft);
  const findings: Finding[] = [];
  for (const rule of LINT_RULES) {
    const severity = settings[rule].severity;
    if (severity === 'off') continue;
    const found = RULES[rule](published, settings);
    findings.push(...found.map((f) => ({ ...f, rule, severity })));
  }
  return findings.sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      a.rule.localeCompare(b.rule),
  );
}

type Draft = Omit<Finding, 'rule' | 'severity'>;
type Rule = (published: readonly Desired[], settings: LintSettings) => Draft[];

const RULES: Record<LintRule, Rule> = {
  'overlapping-triggers': overlappingTriggers,
  'duplicate-instructions': duplicateInstructions,
  'always-on-budget': alwaysOnBudget,
  size: sizes,
  placeholders,
  phrases,
  contradictions,
};

const titleAt = (t: Desired) => ({ file: t.file, line: t.positions.title?.line ?? 1 });
const contentAt = (t: Desired) => ({ file: t.file, line: t.positions.content?.line ?? 1 });

/** Two scenario trainings that one conversation can reach, whose triggers read alike. */
function overlappingTriggers(published: readonly Desired[], settings: LintSettings): Draft[] {
  const scenarios = published.filter((t) => t.type === 'SCENARIO_SPECIFIC');
  const { threshold } = settings['overlapping-triggers'];
  return similarPairs(
    scenarios.map((t) => t.title),
    threshold,
    (a, b) => sharedScope(scenarios[a] as Desired, scenarios[b] as Desired) !== null,
  ).map(({ a, b, score }) => {
    const [first, second] = [scenarios[a] as Desired, scenarios[b] as Desired];
    const shared = sharedScope(first, second) as Scope;
    return {
      ...titleAt(first),
      column: 1,
      message: `The trigger "${first.title}" overlaps "${second.title}" (${second.file}:${titleAt(second).line}), similarity ${score.toFixed(2)}, for ${describeScope(shared)}: the agent may pick either.`,
      related: [titleAt(second)],
    };
  });
}

/** Two trainings of one scope that say nearly the same thing. */
function duplicateInstructions(published: readonly Desired[], settings: LintSettings): Draft[] {
  const { threshold } = settings['duplicate-instructions'];
  return nearDuplicates(
    published.map((t) => t.content),
    threshold,
    (a, b) => sharedScope(published[a] as Desired, published[b] as Desired) !== null,
  ).map(({ a, b, score }) => {
    const [first, second] = [published[a] as Desired, published[b] as Desired];
    return {
      ...contentAt(first),
      column: 1,
      message: `The instruction is ${Math.round(score * 100)}% the same as that of "${second.title}" (${second.file}:${contentAt(second).line}), in a shared scope: keep one, or say what differs.`,
      related: [contentAt(second)],
    };
  });
}

/** The BEHAVIORAL text that every conversation of a situation gets, over the budget. */
function alwaysOnBudget(published: readonly Desired[], settings: LintSettings): Draft[] {
  const { max_characters: budget } = settings['always-on-budget'];
  const behavioral = published.filter((t) => t.type === 'BEHAVIORAL');
  // Situations given the same trainings are one finding, which names them all.
  const over = new Map<string, { applying: Desired[]; situations: Situation[] }>();
  for (const situation of situationsOf(behavioral)) {
    const applying = effectiveSet(behavioral, situation);
    if (applying.reduce((sum, t) => sum + t.content.length, 0) <= budget) continue;
    const key = applying.map((t) => t.file).join('\0');
    const group = over.get(key) ?? { applying, situations: [] };
    group.situations.push(situation);
    over.set(key, group);
  }
  return [...over.values()].map(({ applying, situations }) => {
    const total = applying.reduce((sum, t) => sum + t.content.length, 0);
    const largest = [...applying].sort((a, b) => b.content.length - a.content.length);
    return {
      ...contentAt(largest[0] as Desired),
      column: 1,
      message: `${total} characters of always-on (BEHAVIORAL) instructions apply on ${describeSituations(situations)}, over the budget of ${budget}; the largest: ${largest
        .slice(0, 3)
        .map((t) => `${t.file} (${t.content.length})`)
        .join(', ')}.`,
      related: largest.slice(1, 3).map(contentAt),
    };
  });
}

/** A training far longer than the others, or one with hardly anything to say. */
function sizes(published: readonly Desired[], settings: LintSettings): Draft[] {
  const { max_factor: factor, min_characters: least } = settings.size;
  const lengths = published.map((t) => t.content.length).sort((a, b) => a - b);
  const median = lengths[Math.floor(lengths.length / 2)] ?? 0;
  return published.flatMap((t): Draft[] => {
    const length = t.content.trim().length;
    if (length < least || !/[\p{L}\p{N}]/u.test(t.content)) {
      return [
        {
          ...contentAt(t),
          column: 1,
          message: `The instruction has ${length} characters: too little to tell the agent anything.`,
          related: [],
        },
      ];
    }
    if (published.length >= 3 && median > 0 && length > factor * median) {
      return [
        {
          ...contentAt(t),
          column: 1,
          message: `The instruction has ${length} characters, ${Math.round(length / median)} times the median of ${median}: consider splitting it into trainings that each cover one situation.`,
          related: [],
        },
      ];
    }
    return [];
  });
}

const PLACEHOLDERS: readonly { pattern: RegExp; what: string }[] = [
  { pattern: /\b(TODO|TBD|FIXME|XXX)\b/g, what: 'a "$1" marker' },
  { pattern: /\blorem ipsum\b/gi, what: 'placeholder text' },
  { pattern: /\{\{[^}]*\}\}/g, what: 'a template hole' },
  {
    pattern: /<(?:insert|your|add|placeholder)\b[^>]*>|<[A-Z][A-Z0-9_ ]{2,}>/g,
    what: 'a placeholder',
  },
  { pattern: /\[[^\]]+\]\((?:|#|\s*)\)/g, what: 'a link without a target' },
];

/** Text that was meant to be replaced before the training shipped. */
function placeholders(published: readonly Desired[]): Draft[] {
  return published.flatMap((t) => [
    ...PLACEHOLDERS.flatMap(({ pattern, what }) =>
      matchesIn(t, pattern).map(({ at, text, groups }) => ({
        ...at,
        message: `${what.replace('$1', groups[0] ?? '')} in the instruction: "${text}". Replace it with the real text before it reaches customers.`,
        related: [],
      })),
    ),
    ...unresolvedReferences(t),
  ]);
}

/** `[text][ref]` and `[ref][]` links whose `[ref]: url` the instruction does not define. */
function unresolvedReferences(t: Desired): Draft[] {
  const defined = new Set(
    [...t.content.matchAll(/^ {0,3}\[([^\]]+)\]:\s*\S/gm)].map((m) => (m[1] ?? '').toLowerCase()),
  );
  return matchesIn(t, /\[([^\]]+)\]\[([^\]]*)\]/g)
    .filter(({ groups }) => !defined.has((groups[1] || groups[0] || '').toLowerCase()))
    .map(({ at, text }) => ({
      ...at,
      message: `A link to a reference the instruction does not define: "${text}". Add its \`[label]: url\` line, or write the link out.`,
      related: [],
    }));
}

/** Banned phrases anywhere; required phrases in every training of their type. */
function phrases(published: readonly Desired[], settings: LintSettings): Draft[] {
  // Each phrase compiled once, not once per training.
  const banned = settings.phrases.banned.map((rule) => ({ rule, pattern: phrasePattern(rule) }));
  const required = settings.phrases.required.map((rule) => ({
    ...rule,
    pattern: phrasePattern(rule),
  }));
  const found = published.flatMap((t) =>
    banned.flatMap(({ rule, pattern }) =>
      matchesIn(t, pattern).map(({ at, text }) => ({
        ...at,
        message: `"${text}": ${rule.message}`,
        related: [],
      })),
    ),
  );
  const missing = published.flatMap((t) =>
    required
      .filter((rule) => (rule.type ?? t.type) === t.type)
      .filter(
        (rule) =>
          sharedScope(t, { channels: rule.channels ?? [], segments: rule.segments ?? [] }) !== null,
      )
      // search, not test: a global pattern's test would carry lastIndex from one text to the next.
      .filter((rule) => `${t.title}\n${t.content}`.search(rule.pattern) === -1)
      .map((rule) => ({
        ...contentAt(t),
        column: 1,
        message: `The instruction does not contain "${rule.phrase}": ${rule.message}`,
        related: [],
      })),
  );
  return [...found, ...missing];
}

/** "always X" against "never X", and "do X" against "do not X", in trainings of one scope. */
function contradictions(published: readonly Desired[]): Draft[] {
  const directives = published.flatMap((t, index) =>
    directivesOf(t.content).map((d) => ({ ...d, index })),
  );
  const byAction = new Map<string, typeof directives>();
  for (const d of directives) addTo(byAction, d.action, d);
  const drafts: Draft[] = [];
  const seen = new Set<string>();
  for (const [action, said] of byAction) {
    for (const yes of said.filter((d) => d.positive)) {
      for (const no of said.filter((d) => !d.positive)) {
        const [a, b] = [published[yes.index] as Desired, published[no.index] as Desired];
        if (sharedScope(a, b) === null) continue;
        const key = `${yes.index}\0${no.index}\0${action}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const at = contentAt(b);
        drafts.push({
          file: b.file,
          line: at.line + no.line,
          column: 1,
          message: `"${no.text}" contradicts "${yes.text}" (${a.file}:${contentAt(a).line + yes.line}), in a shared scope: the agent gets both.`,
          related: [{ file: a.file, line: contentAt(a).line + yes.line }],
        });
      }
    }
  }
  return drafts;
}

/**
 * Sentences that direct: "always X", "must X", "do X" (positive); "never X", "must not X", "do
 * not X", "don't X" (negative). X is its first four words as triggers are compared.
 */
function directivesOf(
  content: string,
): { action: string; positive: boolean; text: string; line: number }[] {
  const out: { action: string; positive: boolean; text: string; line: number }[] = [];
  const pattern = /\b(always|never|do not|don't|must not|must|do)\s+([\p{L}\p{N}][^.!?\n]*)/giu;
  for (const m of content.matchAll(pattern)) {
    const verb = (m[1] ?? '').toLowerCase();
    const action = termsOf(m[2] ?? '')
      .slice(0, 4)
      .join(' ');
    if (action === '') continue;
    out.push({
      action,
      positive: verb === 'always' || verb === 'must' || verb === 'do',
      text: m[0].trim(),
      line: countNewlines(content.slice(0, m.index)),
    });
  }
  return out;
}

function phrasePattern(rule: PhraseRule): RegExp {
  const escaped = rule.phrase
    .trim()
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\s+/g, '\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'giu');
}

/** Every match of `pattern` in a training's content, at its line and column in the file. */
function matchesIn(
  t: Desired,
  pattern: RegExp,
): { at: { file: string; line: number; column: number }; text: string; groups: string[] }[] {
  const start = contentAt(t);
  return [
    // matchAll works on a copy of the (global) pattern: no lastIndex is shared between calls.
    ...t.content.matchAll(pattern),
  ].map((m) => {
    const before = t.content.slice(0, m.index);
    const lineStart = before.lastIndexOf('\n') + 1;
    return {
      at: {
        file: t.file,
        line: start.line + countNewlines(before),
        column: m.index - lineStart + 1,
      },
      text: m[0],
      groups: m.slice(1).map((g) => g ?? ''),
    };
  });
}
