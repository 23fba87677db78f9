import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, fingerprint, fingerprintRecords } from './fingerprint.js';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

describe('fingerprint', () => {
  it('is the hash of the JSON with every object key sorted, arrays in their order', () => {
    const value = { b: [3, { z: 1, a: 'x"y' }], a: null, c: true, d: undefined };
    expect(fingerprint(value)).toBe(sha('{"a":null,"b":[3,{"a":"x\\"y","z":1}],"c":true}'));
  });

  it('does not depend on the order the keys were written in', () => {
    expect(fingerprint({ a: 1, b: { c: 2, d: 3 } })).toBe(fingerprint({ b: { d: 3, c: 2 }, a: 1 }));
    expect(fingerprint([1, 2])).not.toBe(fingerprint([2, 1]));
  });

  it('gives the same hash for a state larger than one chunk as for its JSON', () => {
    const big = Array.from({ length: 5000 }, (_, i) => ({ id: `t${i}`, text: 'x'.repeat(50) }));
    expect(fingerprint(big)).toBe(sha(JSON.stringify(big)));
  });
});

describe('canonicalJson', () => {
  it('is the JSON that fingerprint hashes', () => {
    const value = { b: [1, { d: 2, c: 'x' }], a: null };
    expect(canonicalJson(value)).toBe('{"a":null,"b":[1,{"c":"x","d":2}]}');
    expect(fingerprint(value)).toBe(sha(canonicalJson(value)));
  });
});

describe('fingerprintRecords', () => {
  it('tells lists of records apart by their fields, their order and their context', () => {
    const records = [
      ['a', 'b'],
      ['c', null],
    ];
    const same = fingerprintRecords(structuredClone(records), 'x');
    expect(fingerprintRecords(records, 'x')).toBe(same);
    expect(fingerprintRecords([...records].reverse(), 'x')).not.toBe(same);
    expect(fingerprintRecords(records, 'y')).not.toBe(same);
    expect(
      fingerprintRecords(
        [
          ['a', 'b'],
          ['c', ''],
        ],
        'x',
      ),
    ).not.toBe(same);
    // Fields are written with their lengths: no shift of text from one field to the next matters.
    expect(fingerprintRecords([['ab', 'c']], 'x')).not.toBe(fingerprintRecords([['a', 'bc']], 'x'));
    expect(fingerprintRecords([['1:a']], 'x')).not.toBe(fingerprintRecords([['1', 'a']], 'x'));
  });
});
