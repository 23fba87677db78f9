import { describe, expect, it } from 'vitest';
import { emptyReport, type ApplyReport } from '../reconcile/apply-types.js';
import { renderApplyOutput, renderApplyReport } from './apply-report.js';

const report: ApplyReport = {
  ...emptyReport(),
  results: [
    {
      kind: 'create',
      key: 'refund',
      file: 'trainings/refund.md',
      title: 'R',
      status: 'ok',
      id: 'r1',
    },
    {
      kind: 'delete',
      key: 'old',
      file: null,
      title: 'O',
      status: 'failed',
      id: 'o1',
      detail: '500',
    },
  ],
  counts: { ok: 1, failed: 1, skipped: 0 },
};

describe('renderApplyOutput', () => {
  it('prints the whole report as JSON, an empty one too', () => {
    expect(renderApplyOutput(report, { format: 'json', color: true })).toBe(
      `${JSON.stringify(report, null, 2)}\n`,
    );
    expect(JSON.parse(renderApplyOutput(emptyReport(), { format: 'json', color: false }))).toEqual(
      emptyReport(),
    );
  });

  it('closes the text with the report, set off by a blank line, only when something ran', () => {
    expect(renderApplyOutput(report, { format: 'text', color: false })).toBe(
      `\n${renderApplyReport(report, { color: false })}`,
    );
    expect(renderApplyOutput(report, { format: 'text', color: false })).toContain(
      'Apply finished with errors: 1 created; 1 failed.',
    );
    expect(renderApplyOutput(emptyReport(), { format: 'text', color: false })).toBe('');
  });
});
