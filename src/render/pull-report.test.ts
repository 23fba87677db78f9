import { describe, expect, it } from 'vitest';
import { aRemote } from '../../test/helpers/builders.js';
import { aPullPlan, ORDERS_DIRECTORY } from '../../test/helpers/plans.js';
import { diagnose } from '../diagnostics/diagnostic.js';
import { pullResult } from '../pull/result.js';
import { renderPullRefused, renderPullReport } from './pull-report.js';

const ORDERS = ORDERS_DIRECTORY.id;
const plan = aPullPlan([
  aRemote({ title: 'Where is my order?', directory_id: ORDERS }),
  aRemote({ title: 'Tone' }),
]);

describe('renderPullReport', () => {
  it('says what a dry run would write, and the directories to map', () => {
    const text = renderPullReport(pullResult(plan, { dryRun: true, results: [], mappedIn: null }), {
      color: false,
    });
    expect(text).toContain('\nWould write 2 new files in trainings/:\n');
    expect(text).toContain('  + trainings/orders/where-is-my-order.md\n');
    expect(text).toContain(`directories:\n  Orders: ${ORDERS}\n`);
  });

  it('lists only what was written, and where the directories were added', () => {
    const result = pullResult(plan, {
      dryRun: false,
      results: [
        { path: 'orders/where-is-my-order.md', outcome: 'created' },
        { path: 'tone.md', outcome: 'failed', reason: 'EACCES' },
      ],
      mappedIn: 'opencx.yml',
    });
    const text = renderPullReport(result, { color: false });
    expect(text).toContain(
      '\nWrote 1 new file in trainings/:\n  + trainings/orders/where-is-my-order.md\n',
    );
    expect(text).toContain('Not written: 1 training.');
    expect(text).toContain('trainings/tone.md: error: Not written: EACCES.');
    expect(text).toContain('Added 1 directory to `directories:` in opencx.yml: Orders.');
  });
});

describe('renderPullRefused', () => {
  it('lists the unreadable files, then says nothing was pulled and why', () => {
    const broken = diagnose('empty-body', {}, { file: 'trainings/broken.md' });
    const text = renderPullRefused([broken], { color: false });
    expect(text.startsWith('trainings/broken.md: error: ')).toBe(true);
    expect(
      text.endsWith(
        'Nothing was pulled: every file must be readable first, since one may already stand for a training (opencx-trainings validate).\n',
      ),
    ).toBe(true);
  });
});
