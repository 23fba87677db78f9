import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fingerprint, fingerprintList } from './fingerprint.js';

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

describe('fingerprintList', () => {
  it('tells lists apart by their values, their order and their context', () => {
    const list = [
      { id: 'a', n: 1 },
      { id: 'b', n: 2 },
    ];
    expect(fingerprintList(list, 'x')).toBe(fingerprintList(structuredClone(list), 'x'));
    expect(fingerprintList([...list].reverse(), 'x')).not.toBe(fingerprintList(list, 'x'));
    expect(fingerprintList(list, 'y')).not.toBe(fingerprintList(list, 'x'));
    expect(fingerprintList([{ id: 'a', n: 2 }, list[1]], 'x')).not.toBe(fingerprintList(list, 'x'));
    // One value is never read as two: the separator cannot occur inside JSON.
    expect(fingerprintList(['a\nb'])).not.toBe(fingerprintList(['a', 'b']));
  });
});
