import { positionAt } from '../model/shared.js';
import type { Position } from '../model/training.js';

/**
 * Most frontmatter is plain: `key: value` lines, lists of words, a flat `metadata:` map. Such a
 * block is read here, line by line, in a few microseconds, where the YAML parser takes tens: on
 * a large repository that is most of the time `validate` and `plan` spend.
 *
 * Only YAML whose meaning is beyond doubt is read: plain words, quoted text without escapes,
 * `true`/`false`, whole numbers, one level of nesting. Anything else (a comment after a value,
 * an anchor, a multi-line or block scalar, a tab, a repeated key, a number in another form,
 * `null`...) returns undefined, and the file goes through gray-matter and the YAML parser as
 * before, which also report every problem. A test holds the two to the same data and
 * positions on every file this reads. Pure.
 */
export interface PlainFrontmatter {
  data: Record<string, unknown>;
  /** Where each top-level key and each list entry (`channels.1`) was written, as YAML says. */
  positions: Record<string, Position>;
}

/**
 * `lines` are the lines of the block between the fences; `firstLine` is the file line of the
 * first of them.
 */
export function readPlainFrontmatter(
  lines: readonly string[],
  firstLine: number,
): PlainFrontmatter | undefined {
  const data: Record<string, unknown> = {};
  const positions: Record<string, Position> = {};
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (isBlank(line)) continue;
    const entry = TOP_LEVEL.exec(line);
    if (entry === null) return undefined;
    const key = entry[1] as string;
    if (Object.hasOwn(data, key) || key === '__proto__') return undefined;
    positions[key] = positionAt(firstLine + i, 1);
    const inline = entry[2];
    if (inline !== undefined && inline.trim() !== '') {
      // A more indented line after a value would continue it: not plain.
      if (isIndented(lines[i + 1])) return undefined;
      const column = line.length - inline.length + 1 + (inline.length - inline.trimStart().length);
      const value = readInline(inline.trim(), column);
      if (value === undefined) return undefined;
      data[key] = value.value;
      value.items?.forEach((col, index) => {
        positions[`${key}.${index}`] = positionAt(firstLine + i, col);
      });
      continue;
    }
    // A nested block: the following lines indented alike, all list items or all map entries.
    const block: { line: number; text: string }[] = [];
    while (i + 1 < lines.length && (isIndented(lines[i + 1]) || isBlank(lines[i + 1] as string))) {
      i++;
      if (!isBlank(lines[i] as string))
        block.push({ line: firstLine + i, text: lines[i] as string });
    }
    const nested = readBlock(block);
    if (nested === undefined) return undefined;
    data[key] = nested.value;
    nested.items?.forEach((at, index) => {
      positions[`${key}.${index}`] = at;
    });
  }
  return { data, positions };
}

const TOP_LEVEL = /^([A-Za-z_][A-Za-z0-9_-]*):(?:[ ]+(.*))?$/;
const ITEM = /^( +)- (.*)$/;
const ENTRY = /^( +)([A-Za-z_][A-Za-z0-9_.-]*):[ ]+(.*)$/;

function isBlank(line: string): boolean {
  return /^[ ]*(#.*)?$/.test(line);
}

function isIndented(line: string | undefined): boolean {
  return line !== undefined && /^[ ]+\S/.test(line) && !/^[ ]+#/.test(line);
}

type Scalar = string | number | boolean;

/** A value written on the key's line; for a list, the column of each item. */
function readInline(
  text: string,
  column: number,
): { value: Scalar | string[]; items?: number[] } | undefined {
  if (!text.startsWith('[')) {
    const value = readScalar(text);
    return value === undefined ? undefined : { value };
  }
  if (!text.endsWith(']') || /[[\]{}]/.test(text.slice(1, -1))) return undefined;
  const inner = text.slice(1, -1);
  if (inner.trim() === '') return { value: [], items: [] };
  const value: string[] = [];
  const items: number[] = [];
  let offset = 1;
  for (const part of inner.split(',')) {
    const item = readScalar(part.trim());
    if (typeof item !== 'string') return undefined;
    value.push(item);
    items.push(column + offset + (part.length - part.trimStart().length));
    offset += part.length + 1;
  }
  return { value, items };
}

/** A nested block: a list of scalars, or a map of scalars (metadata). */
function readBlock(
  block: readonly { line: number; text: string }[],
): { value: Scalar[] | Record<string, Scalar>; items?: Position[] } | undefined {
  if (block.length === 0) return undefined;
  const indent = /^ */.exec(block[0]?.text ?? '')?.[0].length ?? 0;
  if (ITEM.test(block[0]?.text ?? '')) {
    const value: Scalar[] = [];
    const items: Position[] = [];
    for (const { line, text } of block) {
      const match = ITEM.exec(text);
      if (match === null || match[1]?.length !== indent) return undefined;
      const raw = match[2] as string;
      const item = readScalar(raw.trim());
      if (item === undefined) return undefined;
      value.push(item);
      items.push(positionAt(line, indent + 3 + (raw.length - raw.trimStart().length)));
    }
    return { value, items };
  }
  const value: Record<string, Scalar> = {};
  for (const { text } of block) {
    const match = ENTRY.exec(text);
    if (match === null || match[1]?.length !== indent) return undefined;
    const name = match[2] as string;
    const item = readScalar((match[3] as string).trim());
    if (item === undefined || Object.hasOwn(value, name) || name === '__proto__') return undefined;
    value[name] = item;
  }
  return { value };
}

/** A scalar whose meaning YAML leaves in no doubt, or undefined. */
function readScalar(text: string): Scalar | undefined {
  if (text === '') return undefined;
  const quote = text[0];
  if (quote === '"' || quote === "'") {
    const inner = text.slice(1, -1);
    const clean = text.length >= 2 && text.endsWith(quote) && !/["'\\]/.test(inner);
    return clean ? inner : undefined;
  }
  // Indicators that give a plain word another meaning, or end it, in YAML.
  if (/^[-?:,[\]{}#&*!|>'"%@`~.+]/.test(text) || /: |:$| #|\t/.test(text)) return undefined;
  if (/^[0-9]/.test(text)) return /^[0-9]+$/.test(text) ? Number(text) : undefined;
  if (/^(?:true|True|TRUE|false|False|FALSE)$/.test(text)) return /^t/i.test(text);
  if (/^(?:null|Null|NULL|[yY]|[nN]|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF)$/.test(text))
    return undefined;
  return text;
}
