import { describe, expect, it } from 'vitest';
import { countRows, createMetadataIndex, hasRow, type Rows } from './metadata-index.js';

interface Row {
  name: string;
}

const names = (rows: Rows<Row>) => [...rows].map((row) => row.name).sort();

describe('createMetadataIndex', () => {
  const a = { name: 'a' };
  const b = { name: 'b' };
  const c = { name: 'c' };

  function anIndex() {
    const index = createMetadataIndex<Row>();
    index.add(a, { managed: 'true', ns: 'x', key: 'k1' });
    index.add(b, { managed: 'true', ns: 'x', key: 'k2' });
    index.add(c, { managed: 'true', ns: 'y', key: 'k3', level: 2, nested: { ns: 'x' } });
    return index;
  }

  it('finds the rows holding a string at a key, shared or their own', () => {
    const index = anIndex();
    expect(names(index.rowsWith('managed', 'true'))).toEqual(['a', 'b', 'c']);
    expect(names(index.rowsWith('ns', 'x'))).toEqual(['a', 'b']);
    expect(names(index.rowsWith('key', 'k2'))).toEqual(['b']);
  });

  it('finds none for another string, another key, or a value that is not a string', () => {
    const index = anIndex();
    expect(names(index.rowsWith('ns', 'z'))).toEqual([]);
    expect(names(index.rowsWith('NS', 'x'))).toEqual([]);
    expect(names(index.rowsWith('level', '2'))).toEqual([]);
    expect(names(index.rowsWith('nested', '{"ns":"x"}'))).toEqual([]);
  });

  it('forgets a row, whether its value was its own or shared', () => {
    const index = anIndex();
    index.remove(b, { managed: 'true', ns: 'x', key: 'k2' });
    expect(names(index.rowsWith('ns', 'x'))).toEqual(['a']);
    expect(names(index.rowsWith('key', 'k2'))).toEqual([]);
    index.remove(a, { managed: 'true', ns: 'x', key: 'k1' });
    expect(names(index.rowsWith('ns', 'x'))).toEqual([]);
    expect(names(index.rowsWith('managed', 'true'))).toEqual(['c']);
    index.add(b, { ns: 'x' });
    index.add(a, { ns: 'x' });
    expect(names(index.rowsWith('ns', 'x'))).toEqual(['a', 'b']);
  });

  it('counts and tests the rows of either kind of posting', () => {
    const index = anIndex();
    const many = index.rowsWith('managed', 'true');
    const one = index.rowsWith('key', 'k1');
    expect([countRows(many), countRows(one)]).toEqual([3, 1]);
    expect([hasRow(many, c), hasRow(one, a), hasRow(one, b)]).toEqual([true, true, false]);
  });
});
