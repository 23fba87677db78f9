import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnostics/diagnostic.js';
import {
  renderValidateJson,
  renderValidateReport,
  VALIDATE_FORMAT_VERSION,
  type ValidateSummary,
} from './validate-report.js';

const empty = diagnose(
  'empty-body',
  {},
  { file: 'trainings/a.md', position: { line: 4, column: 1 } },
);
const link = diagnose('symlink-outside-root', { target: '/etc' }, { file: 'trainings/b.md' });

const summary = (diagnostics: ValidateSummary['diagnostics']): ValidateSummary => ({
  root: 'trainings',
  files: 3,
  trainings: 2,
  diagnostics,
});

describe('renderValidateReport', () => {
  it('says all is valid in one line, counting the warnings', () => {
    expect(renderValidateReport(summary([]), { format: 'text', color: false })).toBe(
      '✔ 3 trainings in trainings/ valid.\n',
    );
    expect(renderValidateReport(summary([link]), { format: 'text', color: false })).toBe(
      'trainings/b.md: warning: Symbolic link to "/etc", outside the trainings folder: not followed. [symlink-outside-root]\n' +
        '  hint: Move what it points to into the trainings folder instead of linking to it.\n' +
        '\n✔ 3 trainings in trainings/ valid (1 warning).\n',
    );
  });

  it('lists every problem, then counts them and the files that have errors', () => {
    const text = renderValidateReport(summary([link, empty]), { format: 'text', color: false });
    expect(text.indexOf('trainings/a.md:4:1: error')).toBeLessThan(text.indexOf('trainings/b.md'));
    expect(text.endsWith('\n✖ 1 error and 1 warning in 1 file (3 files checked).\n')).toBe(true);
  });

  it('colours only when asked', () => {
    expect(renderValidateReport(summary([empty]), { format: 'text', color: true })).toContain(
      '\u001b[31m✖\u001b[39m',
    );
    expect(renderValidateReport(summary([empty]), { format: 'text', color: false })).not.toContain(
      '\u001b[',
    );
  });

  it('prints annotations instead of the list for GitHub, then the same last line', () => {
    const out = renderValidateReport(summary([empty]), { format: 'github', color: false });
    expect(out).toMatch(
      /^::error file=trainings\/a\.md,line=4,col=1,title=opencx-trainings empty-body::/,
    );
    expect(out).not.toContain('hint:');
    expect(out.endsWith('✖ 1 error in 1 file (3 files checked).\n')).toBe(true);
  });
});

describe('renderValidateJson', () => {
  it('keeps the documented keys of format_version 1, in their order', () => {
    const json = renderValidateJson(summary([link, empty]));
    expect(renderValidateReport(summary([link, empty]), { format: 'json', color: true })).toBe(
      json,
    );
    const report = JSON.parse(json) as Record<string, unknown>;
    expect(VALIDATE_FORMAT_VERSION).toBe(1);
    expect(Object.keys(report)).toEqual([
      'format_version',
      'valid',
      'root',
      'files',
      'trainings',
      'errors',
      'warnings',
      'diagnostics',
    ]);
    expect(report).toEqual({
      format_version: 1,
      valid: false,
      root: 'trainings',
      files: 3,
      trainings: 2,
      errors: 1,
      warnings: 1,
      diagnostics: [link, empty],
    });
    expect(json.endsWith('}\n')).toBe(true);
    expect(json).toContain('\n  "valid": false,\n');
  });

  it('is valid with warnings only', () => {
    expect(JSON.parse(renderValidateJson(summary([link])))).toMatchObject({
      valid: true,
      errors: 0,
      warnings: 1,
    });
  });
});
