import { describe, expect, it } from 'vitest';
import { commentMarker, findStickyComment } from './sticky-comment.js';

const comment = (id: number, body: string | null) => ({
  id,
  body,
  html_url: `https://github.test/c/${id}`,
});

describe('sticky comment', () => {
  it('marks each target and folder apart', () => {
    expect(commentMarker({ target: 'production', directory: '.' })).toBe(
      '<!-- opencx-trainings:plan target=production working-directory=. -->',
    );
    expect(commentMarker({ target: 'production', directory: 'support/eu' })).not.toBe(
      commentMarker({ target: 'production', directory: '.' }),
    );
    expect(commentMarker({ target: 'staging', directory: '.' })).not.toBe(
      commentMarker({ target: 'production', directory: '.' }),
    );
  });

  it('keeps odd names inside the hidden comment', () => {
    const marker = commentMarker({ target: 'a --> b', directory: 'x y' });
    expect(marker.match(/-->/g)).toHaveLength(1);
    expect(marker).not.toMatch(/\n/);
  });

  it('finds the comment that starts with the marker, not one quoting it', () => {
    const marker = commentMarker({ target: 'production', directory: '.' });
    const comments = [
      comment(1, 'Looks good'),
      comment(2, null),
      comment(3, `> ${marker}\n> quoted plan\n\nagreed`),
      comment(4, `${marker}\n### OpenCX plan`),
      comment(5, `${marker}\n### a later copy`),
    ];
    expect(findStickyComment(comments, marker)?.id).toBe(4);
    expect(findStickyComment(comments.slice(0, 3), marker)).toBeUndefined();
  });
});
