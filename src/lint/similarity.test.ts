import { describe, expect, it } from 'vitest';
import { nearDuplicates, rankBySimilarity, similarPairs, stem, termsOf } from './similarity.js';

describe('termsOf', () => {
  it('lower-cases, drops filler words and strips common endings', () => {
    expect(termsOf('How do I cancel my Subscriptions?')).toEqual(['cancel', 'subscription']);
    expect(termsOf('Refunded orders, refunding: REFUNDS')).toEqual([
      'refund',
      'order',
      'refund',
      'refund',
    ]);
  });

  it('keeps short words whole', () => {
    expect(stem('bus')).toBe('bus');
    expect(stem('ties')).toBe('tie');
    expect(stem('replies')).toBe('reply');
  });
});

describe('similarPairs', () => {
  const titles = [
    'How can I cancel my subscription?',
    'Cancel my subscription',
    'Where is my order?',
    'Track my order',
    'How do I get a refund?',
  ];

  it('pairs triggers by how much of their words they share, rare words weighing more', () => {
    const pairs = similarPairs(titles, 0.8);
    expect(pairs.map(({ a, b }) => [a, b])).toEqual([[0, 1]]);
    expect(pairs[0]?.score).toBeCloseTo(1, 5);
    // "Where is my order?" and "Track my order" share one word of two: a looser threshold.
    expect(similarPairs(titles, 0.5).map(({ a, b }) => [a, b])).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });

  it('scores from 0 to 1, symmetric, and the same on every run', () => {
    const all = similarPairs(titles, 0);
    for (const { score } of all) expect(score).toBeGreaterThan(0);
    for (const { score } of all) expect(score).toBeLessThanOrEqual(1);
    expect(
      similarPairs([...titles].reverse(), 0)
        .map((p) => p.score.toFixed(6))
        .sort(),
    ).toEqual(all.map((p) => p.score.toFixed(6)).sort());
  });

  it('leaves out the pairs that are not eligible', () => {
    expect(similarPairs(titles, 0.5, () => false)).toEqual([]);
  });
});

describe('nearDuplicates', () => {
  const base = 'Refunds are possible within thirty days of delivery when the bike is unused.';
  it('finds texts that share most of their wording, not those that share a few words', () => {
    const pairs = nearDuplicates(
      [base, `${base} Ask for the order number.`, 'Deliveries take three days within the country.'],
      0.6,
    );
    expect(pairs.map(({ a, b }) => [a, b])).toEqual([[0, 1]]);
    expect(pairs[0]?.score).toBeGreaterThan(0.6);
    expect(pairs[0]?.score).toBeLessThan(1);
  });
});

describe('rankBySimilarity', () => {
  it('ranks the triggers closest to a question first', () => {
    const ranked = rankBySimilarity('I want to cancel', [
      'Track my order',
      'Cancel my subscription',
    ]);
    expect(ranked.map((r) => r.index)).toEqual([1]);
  });
});
