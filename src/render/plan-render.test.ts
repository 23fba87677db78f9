import { describe, expect, it } from 'vitest';
import { aRemote, aTraining } from '../../test/helpers/builders.js';
import { MAX_FILE_BYTES } from '../diagnostics/catalog.js';
import { assemblePlan } from '../reconcile/plan.js';
import type { Plan } from '../reconcile/plan-types.js';
import { MAX_EDIT_LENGTH, diffContent } from './content-diff.js';
import { PLAN_FORMATS, renderPlan } from './plan-formats.js';
import { planJsonChunks, renderPlanJson } from './plan-json.js';
import { MARKDOWN_MAX_CHARS, renderPlanMarkdown } from './plan-markdown.js';
import { renderPlanText } from './plan-text.js';

const id = (n: number) => `00000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`;

/** One of every action, two warnings: the fixed scenario of the snapshots. */
function scenario(): Plan {
  return assemblePlan({
    desired: [
      aTraining({
        key: 'billing/refund',
        title: 'How do I get a refund?',
        content: 'Refunds within 30 days.\nAsk for the order number.',
        channels: ['email', 'web'],
      }),
      aTraining({
        key: 'tone/voice',
        title: 'Brand voice',
        content: 'Be warm.',
        type: 'BEHAVIORAL',
      }),
      aTraining({
        key: 'orders/recall',
        title: 'Recall',
        content: 'Check the serial.',
        draft: true,
      }),
      aTraining({
        key: 'orders/track',
        title: 'Where is my order?',
        content: 'Share the tracking link.',
      }),
      aTraining({
        key: 'service/new',
        title: 'Book a repair',
        content: 'Offer three slots.',
        segmentIds: [id(90)],
      }),
      aTraining({ key: 'moved/pause', title: 'Pause', content: 'Pausing is free.' }),
    ],
    remotes: [
      aRemote({
        id: id(1),
        key: 'billing/refund',
        title: 'How do I get a refund?',
        content: 'Refunds within 14 days.\nAsk for the order number.',
        restricted_to_channels: ['web'],
      }),
      aRemote({
        id: id(2),
        key: 'tone/voice',
        title: 'Brand voice',
        content: 'Be warm.',
        type: 'BEHAVIORAL',
        created_at: '2026-02-01T00:00:00.000Z',
      }),
      aRemote({ id: id(3), key: 'orders/recall', title: 'Recall', content: 'Check the serial.' }),
      aRemote({
        id: id(4),
        key: 'orders/track',
        title: 'Where is my order?',
        content: 'Share the tracking link.',
        is_draft: true,
      }),
      aRemote({
        id: id(5),
        key: 'old/pause',
        title: 'Pause',
        content: 'Pausing is free.',
        created_at: '2026-01-01T00:00:00.000Z',
      }),
      aRemote({
        id: id(6),
        key: 'tone/voice',
        title: 'Brand voice',
        content: 'Be warm.',
        type: 'BEHAVIORAL',
        created_at: '2026-03-01T00:00:00.000Z',
      }),
      aRemote({ id: id(7), title: 'Unmanaged, never touched' }),
    ],
    namespace: 'test',
    prune: true,
    maxDeletes: 10,
    maxDeleteRatio: 0.25,
    target: { name: 'production', url: 'https://api.open.cx', kind: 'remote' },
    names: { segments: { [id(90)]: 'VIP customers' }, directories: {} },
    remoteFingerprint: 'c0ffee',
    sourceFingerprint: 'beef',
  });
}

describe('plan renderers', () => {
  it('render text', () => {
    expect(renderPlanText(scenario(), { color: false })).toMatchSnapshot();
  });

  it('render text in colour only when asked', () => {
    expect(renderPlanText(scenario(), { color: false })).not.toContain('\u001b[');
    expect(renderPlanText(scenario(), { color: true })).toContain('\u001b[32m+ create\u001b[39m');
  });

  it('render Markdown', () => {
    expect(renderPlanMarkdown(scenario())).toMatchSnapshot();
  });

  it('render JSON holding everything the text shows', () => {
    const json = renderPlanJson(scenario());
    expect(json).toMatchSnapshot();
    expect(JSON.parse(json)).toEqual(scenario());
  });

  it('write the JSON in pieces that join to JSON.stringify of the plan', () => {
    const stringify = (plan: Plan) => `${JSON.stringify(plan, null, 2)}\n`;
    const plan = scenario();
    expect(renderPlanJson(plan)).toBe(stringify(plan));
    const empty = { ...plan, actions: [] };
    expect([...planJsonChunks(empty)]).toEqual([stringify(empty)]);
    const large = { ...plan, actions: Array.from({ length: 500 }, () => plan.actions).flat() };
    const pieces = [...planJsonChunks(large)];
    expect(pieces.length).toBeGreaterThan(10);
    expect(pieces.join('')).toBe(stringify(large));
  });

  it('render each format of plan --format, the text set off by a blank line', () => {
    const plan = scenario();
    const options = { color: false, verbose: true };
    expect(PLAN_FORMATS.map((f) => [...renderPlan(plan, f, options)].join(''))).toEqual([
      `\n${renderPlanText(plan, options)}`,
      renderPlanJson(plan),
      renderPlanMarkdown(plan),
    ]);
  });

  it('keep a huge plan under the size of a GitHub comment', () => {
    const many = Array.from({ length: 600 }, (_, i) =>
      aTraining({ key: `k${i}`, content: `${'A long line of text. '.repeat(20)}\n`.repeat(10) }),
    );
    const plan = assemblePlan({
      ...scenarioInput(),
      desired: many,
      remotes: many.map((d) => aRemote({ key: d.key })),
    });
    const markdown = renderPlanMarkdown(plan);
    expect(markdown.length).toBeLessThanOrEqual(MARKDOWN_MAX_CHARS);
    expect(markdown).toContain('too long for a comment');
  });
});

describe('plan renderers on a fully rewritten training of the largest size', () => {
  const lines = (tag: string) =>
    Array.from({ length: Math.floor(MAX_FILE_BYTES / 60) }, (_, i) =>
      `${tag} ${i} `.padEnd(59, 'x'),
    ).join('\n');
  const before = lines('old');
  const after = lines('new');
  const plan = assemblePlan({
    ...scenarioInput(),
    desired: [aTraining({ key: 'big', content: after })],
    remotes: [aRemote({ key: 'big', content: before })],
  });
  const summary =
    /^ *! replaced: 4369 lines \(sha-256 [0-9a-f]{12}\) → 4369 lines \(sha-256 [0-9a-f]{12}\); over 1000 lines removed or added, too many to show line by line$/m;

  it('say in text and Markdown, in the same words, that the content was replaced', () => {
    // Every line removed and added: an edit length of twice the line count, past the bound, so
    // the diff gave up there instead of working out a line diff.
    expect(2 * before.split('\n').length).toBeGreaterThan(MAX_EDIT_LENGTH);
    expect(diffContent(before, after).kind).toBe('replaced');

    const text = renderPlanText(plan, { color: false });
    const markdown = renderPlanMarkdown(plan);
    for (const out of [text, markdown]) {
      expect(out).toMatch(summary);
      expect(out).toContain('--- OpenCX content\n');
      expect(out).not.toContain('@@');
    }
    expect(text.match(summary)?.[0].trim()).toBe(markdown.match(summary)?.[0]);
    expect(renderPlanText(plan, { color: true })).toContain('\u001b[33m! replaced:');
  });
});

function scenarioInput() {
  return {
    desired: [],
    remotes: [],
    namespace: 'test',
    prune: true,
    maxDeletes: 10,
    maxDeleteRatio: 0.25,
    target: { name: 't', url: 'u', kind: 'remote' as const },
    names: { segments: {}, directories: {} },
    remoteFingerprint: 'f',
    sourceFingerprint: 's',
  };
}
