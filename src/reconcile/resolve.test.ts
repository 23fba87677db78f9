import { describe, expect, it } from 'vitest';
import { aTraining } from '../../test/helpers/builders.js';
import { resolveReferences } from './resolve.js';

const SEGMENTS = [
  { id: '11111111-1111-4111-8111-111111111111', name: 'VIP customers' },
  { id: '22222222-2222-4222-8222-222222222222', name: 'Subscribers' },
  { id: '33333333-3333-4333-8333-333333333333', name: 'Twins' },
  { id: '44444444-4444-4444-8444-444444444444', name: 'Twins' },
];
const BILLING = '5b0f8c1e-2d3a-4e5f-8a9b-0c1d2e3f4a5b';

describe('resolveReferences', () => {
  it('turns segment names and ids, and directory names, into ids', () => {
    const { resolved, diagnostics } = resolveReferences(
      [
        aTraining({
          key: 'a',
          segments: ['Subscribers', '11111111-1111-4111-8111-111111111111'],
          directory: 'Billing',
        }),
      ],
      { segments: SEGMENTS, directories: { Billing: BILLING } },
    );
    expect(diagnostics).toEqual([]);
    expect(resolved[0]).toMatchObject({
      segmentIds: ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222'],
      directoryId: BILLING,
    });
  });

  it('reports unknown and ambiguous segment names at their line', () => {
    const { diagnostics } = resolveReferences(
      [
        aTraining({
          key: 'a',
          segments: ['VIP customer', 'Twins'],
          positions: { 'segments.0': { line: 4, column: 5 }, 'segments.1': { line: 5, column: 5 } },
        }),
      ],
      { segments: SEGMENTS, directories: {} },
    );
    expect(diagnostics.map((d) => [d.code, d.line, d.field])).toEqual([
      ['unknown-segment', 4, 'segments.0'],
      ['ambiguous-segment', 5, 'segments.1'],
    ]);
    expect(diagnostics[0]?.hint).toContain('Did you mean "VIP customers"?');
    expect(diagnostics[1]?.message).toContain(
      '33333333-3333-4333-8333-333333333333, 44444444-4444-4444-8444-444444444444',
    );
  });

  it('checks directory ids when the server can list directories', () => {
    const { diagnostics } = resolveReferences([aTraining({ key: 'a', directory: 'Billing' })], {
      segments: [],
      directories: { Billing: BILLING },
      directoryIds: new Set(['another']),
    });
    expect(diagnostics[0]).toMatchObject({ code: 'unknown-directory', field: 'directory' });
  });
});
