import { addTo } from '../util/multimap.js';

/**
 * How alike two short texts (trigger phrases) read, without a model and without the network:
 * words, lower-cased, common English endings stripped and filler words dropped, weighted by
 * TF-IDF over the texts compared, and compared by cosine. The weights make a shared rare word
 * ("warranty") count for more than a shared common one ("order"); stemming makes "refunds" and
 * "refunded" one word. Deterministic: the same texts always give the same scores.
 *
 * Pairs are found through an inverted index (word → texts), so that the work grows with the
 * pairs that share a word, not with the square of the number of texts. Words found in more than
 * MAX_POSTINGS texts carry too little weight to make a pair similar on their own and are left
 * out of the index (never out of the scores).
 */

/** Words that say nothing of a situation: dropped before weighting. */
const STOPWORDS = new Set(
  (
    'a an and are as at be but by can could do does did for from how i if in into is it its me my ' +
    'of on or our please should so that the their them then there they this to was we what when ' +
    'where which who why will with would you your yours am been being have has had any some'
  ).split(' '),
);

/** Texts that share a word beyond this many are not paired through it (see above). */
const MAX_POSTINGS = 1_000;

/** The words of a text as compared: normalised, stemmed, without filler. */
export function termsOf(text: string): string[] {
  return (
    text
      .toLowerCase()
      .normalize('NFKC')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  )
    .filter((word) => !STOPWORDS.has(word))
    .map(stem);
}

/**
 * A light stemmer for English: the endings that make one word several (plural, -ed, -ing, -ly).
 * Never leaves fewer than three letters, so that short words keep their meaning.
 */
export function stem(word: string): string {
  for (const [ending, replacement] of ENDINGS) {
    if (word.endsWith(ending) && word.length - ending.length + replacement.length >= 3) {
      return word.slice(0, word.length - ending.length) + replacement;
    }
  }
  return word;
}

const ENDINGS: readonly (readonly [string, string])[] = [
  ['ies', 'y'],
  ['ied', 'y'],
  ['ing', ''],
  ['ed', ''],
  ['ly', ''],
  ['es', ''],
  ['s', ''],
];

export interface SimilarPair {
  /** Indexes into the texts given, a < b. */
  a: number;
  b: number;
  /** Cosine of their TF-IDF vectors, from 0 (nothing in common) to 1 (the same words). */
  score: number;
}

/**
 * Every pair of texts whose similarity is at least `threshold`, for which `eligible` holds
 * (e.g. they share a scope), highest score first.
 */
export function similarPairs(
  texts: readonly string[],
  threshold: number,
  eligible: (a: number, b: number) => boolean = () => true,
): SimilarPair[] {
  const vectors = weigh(texts.map(termsOf));
  // term → the texts holding it, with its weight in each: the dot products are summed from it.
  const postings = new Map<string, { doc: number; weight: number }[]>();
  vectors.forEach((vector, doc) => {
    for (const [term, weight] of vector) addTo(postings, term, { doc, weight });
  });
  const pairs: SimilarPair[] = [];
  // Dot products of one text with the others, summed in place; `touched` lists the non-zero.
  const dot = new Float64Array(vectors.length);
  const touched: number[] = [];
  vectors.forEach((vector, a) => {
    // The weight of the words left out of the index: what they may add to a pair's score.
    let unindexed = 0;
    for (const [term, weight] of vector) {
      const list = postings.get(term) ?? [];
      if (list.length > MAX_POSTINGS) {
        unindexed += weight;
        continue;
      }
      for (const p of list) {
        if (p.doc <= a) continue;
        if (dot[p.doc] === 0) touched.push(p.doc);
        dot[p.doc] = (dot[p.doc] ?? 0) + weight * p.weight;
      }
    }
    for (const b of touched.splice(0)) {
      const partial = dot[b] ?? 0;
      dot[b] = 0;
      if (partial + unindexed < threshold) continue;
      const score = unindexed === 0 ? Math.min(1, partial) : cosine(vector, vectors[b] ?? vector);
      if (score >= threshold && eligible(a, b)) pairs.push({ a, b, score });
    }
  });
  return pairs.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
}

/** The similarity of `query` to each text, by the same weights, highest first. */
export function rankBySimilarity(
  query: string,
  texts: readonly string[],
): { index: number; score: number }[] {
  const vectors = weigh([...texts.map(termsOf), termsOf(query)]);
  const asked = vectors.pop() ?? new Map<string, number>();
  return vectors
    .map((vector, index) => ({ index, score: cosine(asked, vector) }))
    .filter((r) => r.score > 0)
    .sort((x, y) => y.score - x.score || x.index - y.index);
}

/** Words in a row that make a shingle: enough to tell a sentence from a bag of its words. */
const SHINGLE = 3; // (the template in nearDuplicates joins three words)

/**
 * Every pair of texts (instructions) that are nearly the same: the share of their three-word
 * sequences they have in common (Jaccard) at least `threshold`. Exact, and fast through prefix
 * filtering: with each text's sequences ordered rarest first, two texts this alike must share
 * one of the first |s| - ceil(threshold·|s|) + 1 sequences of each, so only those are indexed,
 * and only the pairs they bring up are counted in full.
 */
export function nearDuplicates(
  texts: readonly string[],
  threshold: number,
  eligible: (a: number, b: number) => boolean = () => true,
): SimilarPair[] {
  const ids = new Map<string, number>();
  const sets = texts.map((text) => {
    const words =
      text
        .toLowerCase()
        .normalize('NFKC')
        .match(/[\p{L}\p{N}]+/gu) ?? [];
    const set = new Set<number>();
    const add = (shingle: string): void => {
      let id = ids.get(shingle);
      if (id === undefined) ids.set(shingle, (id = ids.size));
      set.add(id);
    };
    for (let i = 0; i + SHINGLE <= words.length; i++)
      add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
    if (set.size === 0 && words.length > 0) add(words.join(' '));
    return set;
  });
  // Renumber the sequences rarest first: each set sorted by number is then in the global order
  // that makes prefixes comparable, and two sets merge with plain comparisons.
  const df = new Int32Array(ids.size);
  for (const set of sets) for (const id of set) df[id] = (df[id] ?? 0) + 1;
  const byRarity = [...df.keys()].sort((x, y) => (df[x] ?? 0) - (df[y] ?? 0) || x - y);
  const renumbered = new Int32Array(ids.size);
  byRarity.forEach((id, position) => (renumbered[id] = position));
  const ordered = sets.map((set) => Int32Array.from(set, (id) => renumbered[id] ?? 0).sort());

  const index = new Map<number, number[]>();
  const seen = new Int32Array(ordered.length).fill(-1);
  const pairs: SimilarPair[] = [];
  ordered.forEach((set, b) => {
    const size = set.length;
    const probe = size - Math.ceil(threshold * size) + 1;
    // The indexed prefix can be shorter (a pair's overlap is at least 2t/(1+t) of the smaller).
    const indexed = size - Math.ceil(((2 * threshold) / (1 + threshold)) * size) + 1;
    for (let k = 0; k < probe && k < size; k++) {
      const id = set[k] as number;
      for (const a of index.get(id) ?? []) {
        if (seen[a] === b) continue;
        seen[a] = b;
        const other = ordered[a] as Int32Array;
        // Sizes too far apart cannot reach the threshold.
        if (Math.min(other.length, size) < threshold * Math.max(other.length, size)) continue;
        const needed = Math.ceil((threshold / (1 + threshold)) * (other.length + size));
        const common = overlapAtLeast(other, set, needed);
        if (common < 0) continue;
        const score = common / (other.length + size - common);
        if (score >= threshold && eligible(a, b)) pairs.push({ a, b, score });
      }
      if (k < indexed) addTo(index, id, b);
    }
  });
  return pairs.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
}

/**
 * How many numbers two sorted lists have in common, or -1 as soon as fewer than `needed` can
 * be: most candidate pairs are told apart in a few steps.
 */
function overlapAtLeast(x: Int32Array, y: Int32Array, needed: number): number {
  let common = 0;
  for (let i = 0, j = 0; i < x.length && j < y.length;) {
    if (common + Math.min(x.length - i, y.length - j) < needed) return -1;
    const p = x[i] as number;
    const q = y[j] as number;
    if (p === q) {
      common++;
      i++;
      j++;
    } else if (p < q) i++;
    else j++;
  }
  return common >= needed ? common : -1;
}

/** Unit-length TF-IDF vectors; idf = ln(1 + N / df), so that no shared word weighs nothing. */
function weigh(documents: readonly string[][]): Map<string, number>[] {
  const df = new Map<string, number>();
  for (const terms of documents) for (const t of new Set(terms)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = documents.length;
  return documents.map((terms) => {
    const vector = new Map<string, number>();
    for (const t of terms) vector.set(t, (vector.get(t) ?? 0) + 1);
    let norm = 0;
    for (const [t, tf] of vector) {
      const w = tf * Math.log(1 + n / (df.get(t) ?? 1));
      vector.set(t, w);
      norm += w * w;
    }
    const length = Math.sqrt(norm);
    if (length > 0) for (const [t, w] of vector) vector.set(t, w / length);
    return vector;
  });
}

function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, w] of small) dot += w * (large.get(t) ?? 0);
  return Math.min(1, dot);
}
