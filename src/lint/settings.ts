import type { Channel } from '../model/training.js';

/**
 * The lint rules, their stable codes, and their settings (the `lint:` section of opencx.yml):
 * each has a severity, `off` turning it off, and thresholds of its own. The defaults are meant to
 * be quiet on a healthy repository: a finding should be worth a look.
 */

export const LINT_RULES = [
  'overlapping-triggers',
  'duplicate-instructions',
  'always-on-budget',
  'size',
  'placeholders',
  'phrases',
  'contradictions',
] as const;
export type LintRule = (typeof LINT_RULES)[number];

export const LINT_SEVERITIES = ['off', 'info', 'warning', 'error'] as const;
export type LintSeverity = (typeof LINT_SEVERITIES)[number];
export type FindingSeverity = Exclude<LintSeverity, 'off'>;

export interface PhraseRule {
  /** Matched case-insensitively, on word boundaries. */
  phrase: string;
  /** Said with the finding: why, and what to write instead. */
  message: string;
}

export interface RequiredPhrase extends PhraseRule {
  /** Only trainings of this type must contain it (default: both). */
  type?: 'BEHAVIORAL' | 'SCENARIO_SPECIFIC';
  /** Only trainings that reach these channels (default: all). */
  channels?: Channel[];
  /** Only trainings that reach these segments (default: all). */
  segments?: string[];
}

export interface LintSettings {
  'overlapping-triggers': { severity: LintSeverity; threshold: number };
  'duplicate-instructions': { severity: LintSeverity; threshold: number };
  'always-on-budget': { severity: LintSeverity; max_characters: number };
  size: { severity: LintSeverity; max_factor: number; min_characters: number };
  placeholders: { severity: LintSeverity };
  phrases: { severity: LintSeverity; banned: PhraseRule[]; required: RequiredPhrase[] };
  contradictions: { severity: LintSeverity };
}

export const DEFAULT_LINT_SETTINGS: LintSettings = {
  // Cosine of TF-IDF word vectors of the titles (lint/similarity.ts).
  'overlapping-triggers': { severity: 'warning', threshold: 0.8 },
  // Share of three-word sequences the contents have in common (Jaccard).
  'duplicate-instructions': { severity: 'warning', threshold: 0.8 },
  // Characters of BEHAVIORAL content that one conversation gets, all of it, every time.
  'always-on-budget': { severity: 'warning', max_characters: 8_000 },
  // Longer than max_factor times the median content, or shorter than min_characters.
  size: { severity: 'info', max_factor: 8, min_characters: 10 },
  placeholders: { severity: 'error' },
  phrases: { severity: 'error', banned: [], required: [] },
  contradictions: { severity: 'warning' },
};
