import { describe, expect, it } from 'vitest';
import { positionAt, sharedList, sharedPositions } from './shared.js';

describe('shared values', () => {
  it('gives equal lists one frozen list, and keeps their items and order', () => {
    const a = sharedList(['email', 'web']);
    expect(sharedList(['email', 'web'])).toBe(a);
    expect(a).toEqual(['email', 'web']);
    expect(Object.isFrozen(a)).toBe(true);
    expect(sharedList(['web', 'email'])).not.toBe(a);
    expect(sharedList([])).toEqual([]);
    expect(sharedList(['a\u0000b'])).not.toBe(sharedList(['a', 'b']));
  });

  it('gives the positions of files written alike one frozen map', () => {
    const one = sharedPositions({ title: positionAt(2, 1), 'channels.0': positionAt(3, 12) });
    expect(sharedPositions({ title: positionAt(2, 1), 'channels.0': positionAt(3, 12) })).toBe(one);
    expect(sharedPositions({ title: positionAt(2, 1), 'channels.0': positionAt(3, 13) })).not.toBe(
      one,
    );
    expect(one).toEqual({ title: { line: 2, column: 1 }, 'channels.0': { line: 3, column: 12 } });
    expect(Object.isFrozen(one)).toBe(true);
  });
});
