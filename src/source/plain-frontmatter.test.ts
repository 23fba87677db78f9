import { describe, expect, it } from 'vitest';
import { YAML_LOOKALIKES } from '../../test/helpers/yaml-lookalikes.js';
import type { Position } from '../model/training.js';
import { mulberry32 } from '../util/random.js';
import { locateKey, locateValue } from '../yaml/locate.js';
import { parseYaml } from '../yaml/read-yaml.js';
import { readPlainFrontmatter } from './plain-frontmatter.js';

/** What the YAML parser makes of a block: its data, and the positions parse.ts records. */
function parsedByYaml(block: string) {
  // As gray-matter hands it over: the rest of the opening fence's line comes first.
  // gray-matter does not call the parser for a block of comments and blank lines: data is {}.
  if (block.replace(/^\s*#[^\n]+/gm, '').trim() === '') return { data: {}, positions: {} };
  const { document, lineCounter } = parseYaml(`\n${block}`);
  if (document.errors.length > 0) return undefined;
  const data = document.toJS() as unknown;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const positions: Record<string, Position | undefined> = {};
  for (const [key, value] of Object.entries(data)) {
    positions[key] = locateKey(document, lineCounter, [], key);
    if (Array.isArray(value))
      value.forEach((_, i) => {
        positions[`${key}.${i}`] = locateValue(document, lineCounter, [key, i]);
      });
  }
  return { data, positions };
}

const readPlain = (block: string) => readPlainFrontmatter(block.split('\n'), 2);

const WORDS = [
  ...YAML_LOOKALIKES,
  'How do I get a refund?',
  'C# and F# developers',
  'a:b',
  "it's fine",
  '"with \\" escape"',
  "'it''s'",
  '-x',
  'x# not a comment',
  'url: http://x',
  'http://example.com/a?b=c',
  'emoji 🚀 ok',
  'Refunds within 30 days',
  'VIP customers',
  'web',
  'email',
  '',
];

/** What most frontmatter holds. */
const PLAIN = [
  'Refunds within 30 days',
  'VIP customers',
  'web',
  'email',
  "it's fine",
  'true',
  '12',
];

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)] as T;
}

/** Mostly plain words, now and then anything. */
const aWord = (rand: () => number): string => pick(rand, rand() < 0.85 ? PLAIN : WORDS);

/** A frontmatter block as people write them, plain or not. */
function aBlock(rand: () => number): string {
  const lines: string[] = [];
  const spaces = () => ' '.repeat(1 + Math.floor(rand() * 3));
  for (const key of ['title', 'type', 'channels', 'segments', 'draft', 'key', 'metadata']) {
    if (rand() < 0.3) continue;
    if (rand() < 0.05) lines.push('# a comment');
    if (rand() < 0.05) lines.push('');
    if (key === 'channels' || key === 'segments') {
      const items = Array.from({ length: Math.floor(rand() * 4) }, () => aWord(rand));
      if (rand() < 0.5) lines.push(`${key}:${spaces()}[${items.join(rand() < 0.5 ? ', ' : ',')}]`);
      else {
        const indent = ' '.repeat(1 + Math.floor(rand() * 4));
        lines.push(`${key}:`, ...items.map((w) => `${indent}-${spaces()}${w}`));
      }
    } else if (key === 'metadata') {
      const indent = ' '.repeat(1 + Math.floor(rand() * 3));
      lines.push(`${key}:`);
      for (let i = 0; i < 1 + Math.floor(rand() * 3); i++)
        lines.push(
          `${indent}${pick(rand, ['owner', 'priority', 'team.name', 'a b'])}: ${pick(rand, WORDS)}`,
        );
    } else {
      lines.push(`${key}:${spaces()}${aWord(rand)}${rand() < 0.1 ? ' ' : ''}`);
    }
    if (rand() < 0.03) lines.push(`${key}: again`);
  }
  return lines.join('\n');
}

describe('readPlainFrontmatter', () => {
  it('reads plain frontmatter exactly as the YAML parser does, and leaves the rest to it', () => {
    const rand = mulberry32(2026);
    let read = 0;
    for (let n = 0; n < 3000; n++) {
      const block = aBlock(rand);
      const plain = readPlain(block);
      if (plain === undefined) continue;
      read++;
      expect({ block, ...plain }).toEqual({ block, ...parsedByYaml(block) });
    }
    // The fast path is taken often enough to matter, and not for everything.
    expect(read).toBeGreaterThan(300);
    expect(read).toBeLessThan(3000);
  });

  it('reads the frontmatter of typical trainings', () => {
    const block = [
      'title: How do I get a refund?',
      'type: BEHAVIORAL',
      'channels: [web, email]',
      'segments:',
      '  - VIP customers',
      '  - "Subscribers"',
      'draft: false',
      'metadata:',
      '  owner: payments',
      '  priority: 2',
    ].join('\n');
    expect(readPlain(block)).toEqual(parsedByYaml(block));
    expect(readPlain(block)?.positions).toMatchObject({
      title: { line: 2, column: 1 },
      'channels.1': { line: 4, column: 17 },
      'segments.1': { line: 7, column: 5 },
    });
  });

  it.each([
    ['a comment after a value', 'title: Refund # why'],
    ['an escape', 'title: "a \\" b"'],
    ['a null', 'directory:'],
    ['a repeated key', 'title: a\ntitle: b'],
    ['a continued line', 'title: a\n  b'],
    ['a block scalar', 'title: |\n  a'],
    ['a tab', 'title:\ta'],
    ['a number in another form', 'title: 1.5'],
    ['a nested list', 'segments:\n  - - a'],
    ['a key of the prototype', '__proto__: x'],
  ])('leaves %s to the YAML parser', (_, block) => {
    expect(readPlain(block)).toBeUndefined();
  });
});
