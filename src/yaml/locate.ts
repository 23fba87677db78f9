import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import { positionAt } from '../model/shared.js';
import type { Position } from '../model/training.js';

/** A path into parsed YAML, as zod reports it: `['channels', 2]`. */
export type YamlPath = readonly PropertyKey[];

/**
 * The position of the value at `path`, or of the deepest node on the way to it when the path
 * leads to something absent (a missing field is reported where its parent is).
 */
export function locateValue(
  document: Document.Parsed,
  lineCounter: LineCounter,
  path: YamlPath,
): Position | undefined {
  let node: unknown = document.contents;
  let found = positionOf(node, lineCounter);
  for (const segment of path) {
    const next = childOf(node, segment);
    if (next === undefined) break;
    node = next.value ?? next.key;
    found = positionOf(node, lineCounter) ?? positionOf(next.key, lineCounter) ?? found;
  }
  return found;
}

/** The position of the key `key` in the mapping at `path` (for unknown keys). */
export function locateKey(
  document: Document.Parsed,
  lineCounter: LineCounter,
  path: YamlPath,
  key: string,
): Position | undefined {
  let node: unknown = document.contents;
  for (const segment of path) node = childOf(node, segment)?.value;
  const pair = childOf(node, key);
  return positionOf(pair?.key, lineCounter) ?? locateValue(document, lineCounter, path);
}

function childOf(
  node: unknown,
  segment: PropertyKey,
): { key: unknown; value: unknown } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((p) => isPair(p) && keyText(p.key) === String(segment));
    return pair === undefined ? undefined : { key: pair.key, value: pair.value };
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item: unknown = node.items[segment];
    return item === undefined ? undefined : { key: item, value: item };
  }
  return undefined;
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return typeof key === 'string' ? key : undefined;
}

function positionOf(node: unknown, lineCounter: LineCounter): Position | undefined {
  const range = (node as Node | null | undefined)?.range;
  if (range == null) return undefined;
  const { line, col } = lineCounter.linePos(range[0]);
  return positionAt(line, col);
}
