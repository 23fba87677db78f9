import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { aTraining } from '../../test/helpers/builders.js';
import { aPlan } from '../../test/helpers/plans.js';
import { tempDir } from '../../test/helpers/temp.js';
import type { Plan } from '../reconcile/plan-types.js';
import { renderPlanJson } from '../render/plan-json.js';
import { ConfigError } from '../util/errors.js';
import { checkSavedPlan, parsePlanFile, readPlanFile, writePlanFile } from './plan-file.js';

describe('parsePlanFile', () => {
  it('reads back what is saved, equal to the plan', () => {
    const plan = aPlan();
    expect(parsePlanFile(renderPlanJson(plan), 'plan.json')).toEqual({ ok: true, plan });
  });

  it('names the file and the JSON error of a file that is not JSON', () => {
    const parsed = parsePlanFile('{"format_version": 2,', 'out/plan.json');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(/^Cannot read the plan out\/plan\.json: /);
  });

  it('names the wrong field and says how to make the file again', () => {
    const plan = aPlan();
    const edited = { ...plan, actions: plan.actions.map((a) => ({ ...a, kind: 'destroy' })) };
    const parsed = parsePlanFile(JSON.stringify(edited), 'plan.json');
    expect(parsed).toMatchObject({ ok: false });
    if (parsed.ok) return;
    const lines = parsed.message.split('\n');
    expect(lines[0]).toBe('plan.json is not a plan saved by this version of opencx-trainings:');
    expect(lines[1]).toMatch(/^ {2}actions\.0\.kind: /);
    expect(lines.at(-1)).toBe('Make it again with "opencx-trainings plan --out plan.json".');
  });

  it('refuses a plan of another format version, saying which one it reads', () => {
    const parsed = parsePlanFile(JSON.stringify({ ...aPlan(), format_version: 1 }), 'p.json');
    expect(parsed).toMatchObject({ ok: false });
    if (!parsed.ok) {
      expect(parsed.message).toContain(
        '  format_version is 1, and this version of opencx-trainings reads 2',
      );
    }
  });
});

describe('checkSavedPlan', () => {
  it('holds when the fresh plan is the saved one', () => {
    const saved = JSON.parse(renderPlanJson(aPlan())) as Plan;
    expect(checkSavedPlan(saved, aPlan(), 'plan.json')).toEqual({ ok: true });
  });

  it('lists every difference, and says how to start again', () => {
    const fresh = aPlan({ desired: [aTraining({ key: 'new' })] });
    const check = checkSavedPlan(aPlan(), fresh, 'plan.json');
    expect(check).toMatchObject({ ok: false });
    if (check.ok) return;
    const lines = check.message.split('\n');
    expect(lines[0]).toBe('The saved plan plan.json no longer holds; nothing was changed.');
    expect(lines.slice(1, -1).every((l) => l.startsWith('  - '))).toBe(true);
    expect(lines.slice(1, -1).length).toBeGreaterThan(1);
    expect(lines.at(-1)).toBe(
      'Run "opencx-trainings plan --out plan.json" again, review it, then apply it.',
    );
  });
});

describe('writePlanFile and readPlanFile', () => {
  it('round-trip a plan through a file named relative to the working directory', async () => {
    const cwd = await tempDir();
    const plan = aPlan();
    await writePlanFile(plan, 'plan.json', cwd);
    expect(await readPlanFile('plan.json', cwd)).toEqual(plan);
  });

  it('refuse a missing or broken file with a ConfigError naming it as typed', async () => {
    const cwd = await tempDir();
    await expect(readPlanFile('missing.json', cwd)).rejects.toThrow(ConfigError);
    await expect(readPlanFile('missing.json', cwd)).rejects.toThrow(
      /^Cannot read the plan missing\.json: ENOENT/,
    );
    await writeFile(path.join(cwd, 'plan.json'), '[]');
    await expect(readPlanFile('plan.json', cwd)).rejects.toThrow(
      'plan.json is not a plan saved by this version of opencx-trainings',
    );
  });
});
