import { describe, expect, it } from 'vitest';
import { aRemote } from '../../test/helpers/builders.js';
import { shareTexts } from './remote.js';

describe('shareTexts', () => {
  it('changes no value of the remote training, whatever the file says', () => {
    const remote = aRemote({ key: 'a', draft_title: 'Draft', draft_content: 'Content of a.' });
    expect(shareTexts(remote, { title: 'Title of a', content: 'Content of a.' })).toEqual(remote);
    expect(shareTexts(remote, { title: 'Other', content: 'Other.' })).toEqual(remote);
    expect(shareTexts(remote, undefined)).toBe(remote);
  });
});
