import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../util/random.js';
import { createFaultInjector, decideFault, resolveFaults } from './faults.js';

const draw = (options: Parameters<typeof resolveFaults>[0], methods: string[]) => {
  const random = mulberry32(options?.seed ?? 1);
  const faults = resolveFaults(options);
  return methods.map((method) => decideFault(faults, random, method));
};

describe('mulberry32', () => {
  it('gives the same numbers in [0, 1) for the same seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const numbers = Array.from({ length: 100 }, () => a());
    expect(Array.from({ length: 100 }, () => b())).toEqual(numbers);
    expect(numbers.every((n) => n >= 0 && n < 1)).toBe(true);
    expect(mulberry32(43)()).not.toBe(numbers[0]);
  });
});

describe('decideFault', () => {
  const many = Array.from({ length: 2000 }, (_, i) => (i % 2 === 0 ? 'GET' : 'POST'));

  it('is reproducible for a seed, and near the rates asked for', () => {
    const options = { seed: 7, errorRate: 0.2, throttleRate: 0.1, dropRate: 0.1 };
    const first = draw(options, many);
    expect(draw(options, many)).toEqual(first);
    const share = (kind: string) => first.filter((d) => d.fault === kind).length / many.length;
    expect(share('error')).toBeCloseTo(0.2, 1);
    expect(share('throttle')).toBeCloseTo(0.1, 1);
    // Only writes (half the requests) can be dropped.
    expect(share('drop')).toBeCloseTo(0.05, 1);
  });

  it('never drops a read', () => {
    const decisions = draw({ dropRate: 1 }, ['GET', 'POST', 'PUT', 'DELETE']);
    expect(decisions.map((d) => d.fault)).toEqual([null, 'drop', 'drop', 'drop']);
  });

  it('picks error statuses from the list, and latency from the range', () => {
    const decisions = draw(
      { errorRate: 1, errorStatuses: [502, 504], latencyMs: { min: 10, max: 20 } },
      many.slice(0, 200),
    );
    expect(new Set(decisions.map((d) => d.status))).toEqual(new Set([502, 504]));
    expect(decisions.every((d) => d.latencyMs >= 10 && d.latencyMs <= 20)).toBe(true);
  });

  it('spares methods outside the filter, and reads when only writes are eligible', () => {
    expect(draw({ errorRate: 1, methods: ['put'] }, ['GET', 'PUT']).map((d) => d.fault)).toEqual([
      null,
      'error',
    ]);
    expect(draw({ errorRate: 1, writesOnly: true }, ['GET', 'DELETE']).map((d) => d.fault)).toEqual(
      [null, 'error'],
    );
  });

  it('keeps the decisions of one kind when another rate changes', () => {
    const errors = (throttleRate: number) =>
      draw({ seed: 3, errorRate: 0.3, throttleRate }, many).map((d) => d.fault === 'error');
    expect(errors(0.5)).toEqual(errors(0));
  });
});

describe('resolveFaults', () => {
  it.each([
    [{ errorRate: 1.5 }, 'faults.errorRate must be from 0 to 1'],
    [{ errorRate: 0.6, dropRate: 0.6 }, 'must not exceed 1'],
    [{ latencyMs: { min: 5, max: 1 } }, 'faults.latencyMs'],
    [{ errorStatuses: [] }, 'faults.errorStatuses'],
  ])('refuses %j', (options, message) => {
    expect(() => resolveFaults(options)).toThrow(message);
  });
});

describe('createFaultInjector', () => {
  it('restarts the draws when given a seed again', () => {
    const injector = createFaultInjector({ seed: 9, errorRate: 0.5 });
    const first = fiftyFaults(injector);
    injector.set({ seed: 9, errorRate: 0.5 });
    expect(fiftyFaults(injector)).toEqual(first);
    injector.set(null);
    expect(fiftyFaults(injector).every((fault) => fault === null)).toBe(true);
  });

  function fiftyFaults(injector: ReturnType<typeof createFaultInjector>) {
    return Array.from({ length: 50 }, () => injector.decide('GET').fault);
  }
});
