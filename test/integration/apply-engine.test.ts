import { describe, expect, it } from 'vitest';
import type { OpenCxClient } from '../../src/api/client.js';
import type { Training } from '../../src/api/contract.js';
import { ownershipMetadata } from '../../src/model/ownership.js';
import { toRemote } from '../../src/api/to-remote.js';
import { applyPlan, MassDeleteRefusedError } from '../../src/reconcile/apply.js';
import { assemblePlan } from '../../src/reconcile/plan.js';
import type { Plan } from '../../src/reconcile/plan-types.js';
import { aTraining } from '../helpers/builders.js';
import { clientOf, collect } from '../helpers/client.js';
import { useEmulator } from '../helpers/emulator.js';
import { NAMESPACE, aProject, md, writesIn } from '../helpers/project.js';
import type { RunningEmulator } from '../../src/emulator/index.js';

const LIMITS = { maxDeletes: 10, maxDeleteRatio: 0.25 };

/** Copies of each key of the namespace, as the org holds them now. */
async function copiesByKey(emulator: RunningEmulator): Promise<Map<string, Training[]>> {
  const { client } = clientOf(emulator);
  const byKey = new Map<string, Training[]>();
  for (const t of await collect(client.listTrainings())) {
    const key = t.metadata?.['opencx-trainings.key'];
    if (typeof key !== 'string' || t.metadata?.['opencx-trainings.namespace'] !== NAMESPACE)
      continue;
    byKey.set(key, [...(byKey.get(key) ?? []), t]);
  }
  return byKey;
}

const files = (n: number): Record<string, string> =>
  Object.fromEntries(
    Array.from({ length: n }, (_, i) => [`t${String(i).padStart(2, '0')}.md`, md(`title: T${i}`)]),
  );

/** A training as a run of `namespace` makes it for `key`: the text of `aTraining({ key })`. */
function createOwned(
  client: OpenCxClient,
  key: string,
  metadata: Record<string, string> = ownershipMetadata(NAMESPACE, key),
): Promise<Training> {
  return client.createTraining({
    title: `Title of ${key}`,
    content: `Content of ${key}.`,
    metadata,
  });
}

/** A plan from files and the emulator's trainings, made with the pure planner. */
function planFor(emulator: RunningEmulator, keys: string[], remotes: Training[]): Plan {
  return assemblePlan({
    desired: keys.map((key) => aTraining({ key })),
    remotes: remotes.map(toRemote),
    namespace: NAMESPACE,
    prune: true,
    ...LIMITS,
    target: { name: 'test', url: emulator.url, kind: 'remote' },
    names: { segments: {}, directories: {} },
    remoteFingerprint: 'r',
    sourceFingerprint: 's',
  });
}

describe('applyPlan, the engine', () => {
  it('interrupted before deletes: the creates are done, the deletes not started', async () => {
    const emulator = await useEmulator();
    const { client } = clientOf(emulator);
    const remotes = [await createOwned(client, 'old')];
    const plan = planFor(emulator, ['a', 'b'], remotes);
    const stop = new AbortController();
    const report = await applyPlan(plan, client, {
      limits: LIMITS,
      allowMassDelete: true,
      signal: stop.signal,
      // Stopped as the last create ends: what is under way finishes, nothing else starts.
      onEvent: (e) => {
        if (e.type === 'action-done' && e.done === 2) stop.abort();
      },
    });
    expect(report.interrupted).toBe(true);
    expect(report.results.map((r) => `${r.kind} ${r.status}`)).toEqual([
      'create ok',
      'create ok',
      'delete skipped',
    ]);
    expect(emulator.store.trainings()).toHaveLength(3);
  });

  it('is not interrupted by a signal that comes after the last action', async () => {
    const emulator = await useEmulator();
    const { client } = clientOf(emulator);
    const edited = await client.createTraining({
      title: 'Title of a',
      content: 'Edited in the dashboard.',
      metadata: ownershipMetadata(NAMESPACE, 'a'),
    });
    const plan = planFor(emulator, ['a'], [edited]);
    expect(plan.summary.update).toBe(1);
    const stop = new AbortController();
    const report = await applyPlan(plan, client, {
      limits: LIMITS,
      allowMassDelete: false,
      signal: stop.signal,
      onEvent: (e) => {
        if (e.type === 'action-done') stop.abort();
      },
    });
    expect(report).toMatchObject({ interrupted: false, counts: { ok: 1, skipped: 0 } });
  });

  it('refuses a plan whose deletes trip the guard, whatever the plan says, before any write', async () => {
    const emulator = await useEmulator();
    const { client } = clientOf(emulator);
    const remotes = await Promise.all(
      Array.from({ length: 12 }, (_, i) => createOwned(client, `k${i}`)),
    );
    const plan = planFor(emulator, ['k0', 'k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7', 'k8'], remotes);
    expect(plan.summary.delete).toBe(3);
    // Claimed safe by the plan: 3 of 12 is 25 %, not more. The engine counts with its own limits.
    expect(plan.guard.tripped).toBe(false);
    const strict = { maxDeletes: 2, maxDeleteRatio: 0.25 };
    emulator.clearRequests();
    await expect(
      applyPlan(plan, client, { limits: strict, allowMassDelete: false }),
    ).rejects.toBeInstanceOf(MassDeleteRefusedError);
    expect(writesIn(emulator)).toEqual([]);

    // A plan edited to claim that its guard did not trip is refused all the same.
    const forged = planFor(emulator, ['k0', 'k1'], remotes);
    forged.guard = { ...forged.guard, tripped: false, reason: null };
    await expect(
      applyPlan(forged, client, { limits: LIMITS, allowMassDelete: false }),
    ).rejects.toThrow('Refusing to apply: The plan deletes 10 of the 12 managed trainings');
    expect(writesIn(emulator)).toEqual([]);

    const report = await applyPlan(forged, client, { limits: LIMITS, allowMassDelete: true });
    expect(report.results.filter((r) => r.kind === 'delete' && r.status === 'ok')).toHaveLength(10);
  });

  it('reads back the keys it created with the fewest requests', async () => {
    const emulator = await useEmulator();
    const { client } = clientOf(emulator);
    const existing = await Promise.all(
      Array.from({ length: 450 }, (_, i) => createOwned(client, `e${i}`)),
    );
    const keys = [...existing.map((t) => t.metadata?.['opencx-trainings.key'] as string)];
    // 3 new keys in a namespace of 453: three filtered listings cost less than five pages.
    emulator.clearRequests();
    await applyPlan(planFor(emulator, [...keys, 'n1', 'n2', 'n3'], existing), client, {
      limits: LIMITS,
      allowMassDelete: false,
    });
    const reads = emulator.requests.filter((r) => r.method === 'GET');
    expect(reads).toHaveLength(3);
    expect(reads.map((r) => JSON.parse(r.query.metadata as string) as object)).toEqual(
      ['n1', 'n2', 'n3'].map((k) => ownershipMetadata(NAMESPACE, k)),
    );

    // 8 more keys: one listing of the namespace (5 pages) is cheaper than 8.
    const now = await collect(client.listTrainings());
    emulator.clearRequests();
    const eight = Array.from({ length: 8 }, (_, i) => `m${i}`);
    await applyPlan(planFor(emulator, [...keys, 'n1', 'n2', 'n3', ...eight], now), client, {
      limits: LIMITS,
      allowMassDelete: false,
    });
    const pages = emulator.requests.filter((r) => r.method === 'GET');
    expect(pages).toHaveLength(5);
    expect(new Set(pages.map((r) => r.query.metadata))).toEqual(
      new Set([
        JSON.stringify({
          'opencx-trainings.managed': 'true',
          'opencx-trainings.namespace': NAMESPACE,
        }),
      ]),
    );
  });

  it.each(['apply', 'ignore'] as const)(
    'removes copies another run made of the keys it created, and only those (metadata filter: %s)',
    async (metadataFilter) => {
      const emulator = await useEmulator({ metadataFilter });
      const { client } = clientOf(emulator);
      // Made "at the same moment" by another run: older than what this run creates.
      const other = await createOwned(client, 'a');
      const foreign = await createOwned(client, 'a', ownershipMetadata('another-repo', 'a'));
      const unmarked = await createOwned(client, 'a', { 'opencx-trainings.key': 'a' });
      const report = await applyPlan(planFor(emulator, ['a', 'b'], []), client, {
        limits: LIMITS,
        allowMassDelete: false,
      });
      expect(report.concurrent_keys).toEqual(['a']);
      const repair = report.results.find((r) => r.kind === 'repair-duplicate');
      expect(repair).toMatchObject({ key: 'a', status: 'ok', file: 'trainings/a.md' });
      expect(repair?.detail).toContain('another run writing at the same time');
      const copies = await copiesByKey(emulator);
      expect(copies.get('a')?.map((t) => t.id)).toEqual([other.id]);
      expect(copies.get('b')).toHaveLength(1);
      expect(await client.getTraining(foreign.id)).toBeDefined();
      expect(await client.getTraining(unmarked.id)).toBeDefined();
    },
  );

  it('never takes a training of another owner for its own lost create', async () => {
    // A server that ignores the filter lists every training when the create's outcome is unknown.
    const emulator = await useEmulator({ metadataFilter: 'ignore' });
    const { client } = clientOf(emulator);
    const unmanaged = await client.createTraining({ title: 'Made in the dashboard', content: 'x' });
    const foreign = await createOwned(client, 'a', ownershipMetadata('another-repo', 'a'));
    emulator.setFaults({ errorRate: 1, errorStatuses: [503], methods: ['POST'] });
    const report = await applyPlan(planFor(emulator, ['a'], []), client, {
      limits: LIMITS,
      allowMassDelete: false,
    });
    expect(report.results).toEqual([
      expect.objectContaining({ kind: 'create', key: 'a', status: 'failed', id: null }),
    ]);
    expect(emulator.store.trainings().map((t) => t.id)).toEqual([unmanaged.id, foreign.id]);
  });

  it('fails, and holds deletes back, when it cannot read back what it created', async () => {
    const emulator = await useEmulator();
    const { client } = clientOf(emulator, { maxAttempts: 1 });
    const old = await createOwned(client, 'old');
    const kept = await createOwned(client, 'kept');
    const plan = planFor(emulator, ['kept', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], [old, kept]);
    emulator.setFaults({ errorRate: 1, errorStatuses: [503], methods: ['GET'] });
    const report = await applyPlan(plan, client, { limits: LIMITS, allowMassDelete: false });
    expect(report.counts).toEqual({ ok: 8, failed: 1, skipped: 1 });
    expect(report.results.find((r) => r.status === 'failed')).toMatchObject({
      kind: 'repair-duplicate',
      title: 'read-back of the 8 training(s) just created',
    });
    expect(report.results.find((r) => r.status === 'failed')?.detail).toContain(
      'could not check for copies made by a run writing at the same time',
    );
    expect(await client.getTraining(old.id).catch(() => 'unreadable')).toBe('unreadable');
    emulator.setFaults(null);
    expect(await client.getTraining(old.id)).toBeDefined();
  });
});

describe('simultaneous applies', () => {
  it.each([2, 3])(
    '%i applies of 60 new files started together leave one training per file, each exiting 0',
    async (runs) => {
      // Slow listings make every run plan before any other has created anything.
      const emulator = await useEmulator({ faults: { latencyMs: 40, methods: ['GET'] } });
      const project = await aProject(emulator, files(60));
      const results = await Promise.all(
        Array.from({ length: runs }, () => project.run(['apply', '--yes'])),
      );
      expect(results.map((r) => r.code)).toEqual(Array.from({ length: runs }, () => 0));
      const copies = await copiesByKey(emulator);
      expect(copies.size).toBe(60);
      expect([...copies.values()].filter((list) => list.length > 1)).toEqual([]);
      expect(
        results.some((r) => r.stdout.includes('Another run was writing to this namespace')),
      ).toBe(true);
      emulator.setFaults(null);
      expect((await project.run(['plan', '--detailed-exitcode'])).code).toBe(0);
    },
  );
});
