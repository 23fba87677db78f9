import { describe, expect, it } from 'vitest';
import { editDistance, listOf, suggest } from './suggest.js';

describe('suggest', () => {
  it('finds the key a typo meant', () => {
    expect(suggest('chanels', ['title', 'channels', 'segments'])).toBe('channels');
    expect(suggest('emial', ['web', 'email', 'sms'])).toBe('email');
    expect(suggest('behavioral', ['SCENARIO_SPECIFIC', 'BEHAVIORAL'])).toBe('BEHAVIORAL');
  });

  it('finds a name that was shortened or extended', () => {
    expect(suggest('token', ['url', 'token_env'])).toBe('token_env');
    expect(suggest('channelsList', ['title', 'channels'])).toBe('channels');
  });

  it('offers nothing for a different word', () => {
    expect(suggest('colour', ['title', 'channels'])).toBeUndefined();
    expect(suggest('x', ['web', 'api'])).toBeUndefined();
  });

  it('counts an adjacent swap as one edit', () => {
    expect(editDistance('tilte', 'title')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('lists allowed values in prose', () => {
    expect(listOf(['a'])).toBe('"a"');
    expect(listOf(['a', 'b', 'c'])).toBe('"a", "b" or "c"');
  });
});
