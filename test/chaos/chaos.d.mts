/** Types of the chaos suite (chaos.mjs), for the short version in the test suite. */
export interface Scenario {
  files: number;
  change: 'create' | 'update' | 'delete' | 'mixed';
  disturb: 'kill' | 'together' | 'faults';
  runs?: number;
  rate?: number;
}

export interface Row {
  scenario: string;
  trials: number;
  duplicates: number;
  lost: number;
  followUps: number;
  notes: Map<string, number>;
}

export const TRIALS: Readonly<Record<'full' | 'quick', Record<Scenario['disturb'], number>>>;
export const SCENARIOS: Readonly<Record<string, Scenario>>;
export function runScenario(name: string, options: { trials: number; seed?: number }): Promise<Row>;
export function formatTable(rows: readonly Row[]): string;
