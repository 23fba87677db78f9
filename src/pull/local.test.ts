import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { aTraining } from '../../test/helpers/builders.js';
import { diagnose } from '../diagnostics/diagnostic.js';
import { localTrainings, unreadableFiles } from './local.js';

const CWD = path.resolve('/repo');

describe('localTrainings', () => {
  it('gives each file its path from the output folder, with its identity as written', () => {
    const trainings = [
      aTraining({ key: 'billing/refund', id: 'r1', directory: 'Billing' }),
      aTraining({ key: 'tone' }),
    ];
    expect(localTrainings(trainings, path.join(CWD, 'trainings'), CWD)).toEqual([
      { file: 'billing/refund.md', key: 'billing/refund', id: 'r1', directory: 'Billing' },
      { file: 'tone.md', key: 'tone', id: null, directory: null },
    ]);
  });

  it('leads out of another output folder with `..`, as the layout expects', () => {
    const [local] = localTrainings([aTraining({ key: 'tone' })], path.join(CWD, 'pulled'), CWD);
    expect(local?.file).toBe('../trainings/tone.md');
  });
});

describe('unreadableFiles', () => {
  const read = [{ file: 'trainings/ok.md' }];
  const broken = diagnose('empty-body', {}, { file: 'trainings/broken.md' });

  it('keeps the errors of files that did not read as trainings', () => {
    expect(unreadableFiles([broken], read)).toEqual([broken]);
  });

  it('lets problems between readable files, warnings and the config through', () => {
    const duplicate = { ...broken, code: 'duplicate-key' as const, file: 'trainings/ok.md' };
    const warning = diagnose('symlink-outside-root', { target: '/x' }, { file: 'trainings/l.md' });
    const config = diagnose('unknown-target', { name: 'prod', known: [] });
    expect(unreadableFiles([duplicate, warning, config], read)).toEqual([]);
  });
});
