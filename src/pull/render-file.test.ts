import { describe, expect, it } from 'vitest';
import { YAML_LOOKALIKES } from '../../test/helpers/yaml-lookalikes.js';
import { normalizeTraining } from '../source/normalize.js';
import { parseTrainingFile } from '../source/parse.js';
import type { PulledTraining } from './convert.js';
import { renderTrainingFile } from './render-file.js';
import { checkRoundTrip } from './verify.js';

function aPulled(overrides: Partial<PulledTraining> = {}): PulledTraining {
  return {
    id: '7b0c2d1e-0000-4000-8000-000000000001',
    title: 'How do I get a refund?',
    content: 'Refunds within 30 days.',
    type: 'SCENARIO_SPECIFIC',
    channels: [],
    segments: [],
    directory: null,
    draft: false,
    metadata: {},
    ...overrides,
  };
}

/** What validate and plan will read from the rendered text. */
function readBack(t: PulledTraining, key: string | null = null) {
  const parsed = parseTrainingFile('x.md', renderTrainingFile(t, key));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.diagnostics));
  return normalizeTraining(parsed.training, 'x');
}

const HOSTILE_TITLES = [
  ...YAML_LOOKALIKES,
  '2024-01-01',
  '1:20',
  '#x',
  ': x',
  'a #b',
  '? x',
  '{a: 1}',
  '%YAML 1.2',
  '@x',
  '`x',
  '|x',
  '>x',
  '---',
  '...',
  '--- x',
  'multi\nline',
  'line\n---\nbreak',
  'bell\u0007',
  'nul\u0000char',
  'rtl \u202e override',
  'x\u2028y',
  'é😀 emoji 🚲',
  '../../x',
  'a\\b',
  'x'.repeat(2000),
];

describe('renderTrainingFile', () => {
  it('writes the frontmatter people write', () => {
    const text = renderTrainingFile(
      aPulled({
        channels: ['web', 'email'],
        segments: ['VIP customers'],
        directory: 'Billing',
        metadata: { owner: 'payments', priority: 2, reviewed: true },
      }),
      'billing/refund-policy',
    );
    expect(text).toMatchInlineSnapshot(`
      "---
      title: How do I get a refund?
      type: SCENARIO_SPECIFIC
      channels: [web, email]
      segments: [VIP customers]
      directory: Billing
      draft: false
      key: billing/refund-policy
      id: 7b0c2d1e-0000-4000-8000-000000000001
      metadata:
        owner: payments
        priority: 2
        reviewed: true
      ---
      Refunds within 30 days.
      "
    `);
  });

  it.each(HOSTILE_TITLES.map((t) => [t]))('reads back the title %j as written', (title) => {
    expect(readBack(aPulled({ title })).title).toBe(title);
  });

  it('quotes what a YAML 1.1 reader would take for something else', () => {
    for (const title of ['yes', 'No', 'on', '2024-01-01', '1:20']) {
      expect(renderTrainingFile(aPulled({ title }), null)).toContain(`title: "${title}"`);
    }
  });

  it('reads back hostile segment names, directory names, keys and metadata', () => {
    const t = aPulled({
      segments: ['a, b', 'yes', '[x]', 'c: d'],
      directory: '- Billing #1',
      metadata: { yes: 'no', '1': 1.5, 'a: b': '#c', empty: '', neg: -0, big: 1e21 },
    });
    const back = readBack(t, 'odd key: #1');
    expect(back).toMatchObject({
      segments: t.segments,
      directory: t.directory,
      metadata: t.metadata,
      key: 'odd key: #1',
    });
    expect(Object.is(back.metadata.neg, -0)).toBe(true);
  });

  it('keeps the body byte for byte, indentation and markdown included', () => {
    const content = '  indented first line\n\n---\n# Heading\n\ttab  \n- item: x';
    expect(readBack(aPulled({ content })).content).toBe(content);
  });
});

describe('checkRoundTrip', () => {
  const check = (t: PulledTraining, text = renderTrainingFile(t, null)) =>
    checkRoundTrip('trainings/x.md', text, 'x', { ...t, key: 'x' });

  it('passes every hostile title', () => {
    for (const title of HOSTILE_TITLES) expect(check(aPulled({ title }))).toEqual([]);
  });

  it('names the fields that would not come back', () => {
    const t = aPulled();
    const tampered = renderTrainingFile(t, null).replace('draft: false', 'draft: true');
    expect(check(t, tampered)).toMatchObject([
      {
        code: 'remote-not-representable',
        message: expect.stringContaining('draft would change') as string,
      },
    ]);
  });

  it('refuses text that is not valid Unicode, and files over the size limit', () => {
    expect(check(aPulled({ content: 'half a pair \ud800 here' }))[0]?.message).toContain(
      'content would change',
    );
    expect(check(aPulled({ content: '😀'.repeat(70_000) }))[0]?.code).toBe('file-too-large');
  });
});
