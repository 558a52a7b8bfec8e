import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyLines, type LedgerLine } from './ledger-model.ts';
import { type Amount, formatDecimals, type LotMeasure, negateAmount, type QuantityUnit, toAmount } from './quantities.ts';

// Buckets (lot, location, container): sealed ketamine vials, an opened 10 mL vial, esketamine devices (DOMAIN.md 3).
const LOTS: Record<string, LotMeasure> = {
  'lot-k|safe-1|': { containerVolumeMl: 10, concentrationMgPerMl: 50 },
  'lot-k|safe-1|vial-7': { containerVolumeMl: 10, concentrationMgPerMl: 50 },
  'lot-e|safe-2|': { containerVolumeMl: 0.2, concentrationMgPerMl: 140 },
};
const BUCKETS = Object.keys(LOTS);
const ZERO: Amount = { containers: 0, ml: 0, mg: 0 };

const line = (bucketKey: string, value: number, unit: QuantityUnit): LedgerLine => ({
  bucketKey,
  delta: toAmount(value, unit, LOTS[bucketKey]!),
});

describe('applyLines', () => {
  it('adds a receipt to an empty bucket', () => {
    const result = applyLines(new Map(), [line('lot-k|safe-1|', 5, 'container')]);
    expect(result).toEqual({ ok: true, balances: new Map([['lot-k|safe-1|', { containers: 5, ml: 50, mg: 2500 }]]) });
  });

  it('draws an opened 10 mL vial to exactly zero in 3.3 + 3.3 + 3.4 mL (no floating-point overdraw)', () => {
    let balances = new Map([['lot-k|safe-1|vial-7', { containers: 1, ml: 10, mg: 500 }]]);
    for (const ml of [3.3, 3.3, 3.4]) {
      const result = applyLines(
        balances,
        [line('lot-k|safe-1|vial-7', ml, 'mL')].map((l) => ({ ...l, delta: negateAmount(l.delta) })),
      );
      if (!result.ok) throw new Error(`refused ${ml} mL`);
      balances = result.balances;
    }
    expect(balances.get('lot-k|safe-1|vial-7')).toEqual(ZERO);
    expect(Object.is(balances.get('lot-k|safe-1|vial-7')!.ml, 0)).toBe(true);
  });

  it.each<[string, Map<string, Amount>, LedgerLine[], string]>([
    ['an overdraw of an empty bucket', new Map(), [line('lot-e|safe-2|', -1, 'container')], 'lot-e|safe-2|'],
    [
      'the last 0.001 mL too many',
      new Map([['lot-k|safe-1|vial-7', { containers: 0.25, ml: 2.5, mg: 125 }]]),
      [line('lot-k|safe-1|vial-7', -2.501, 'mL')],
      'lot-k|safe-1|vial-7',
    ],
    [
      'a move whose second line overdraws (the first line is undone too)',
      new Map([['lot-k|safe-1|', { containers: 1, ml: 10, mg: 500 }]]),
      [line('lot-e|safe-2|', 1, 'container'), line('lot-k|safe-1|', -2, 'container')],
      'lot-k|safe-1|',
    ],
    [
      'an overdraw covered only by a later line of the same batch (the CHECK holds after every line)',
      new Map(),
      [line('lot-k|safe-1|', -1, 'container'), line('lot-k|safe-1|', 1, 'container')],
      'lot-k|safe-1|',
    ],
  ])('refuses %s and names the bucket', (_name, balances, lines, bucketKey) => {
    const before = structuredClone(balances);
    expect(applyLines(balances, lines)).toEqual({ ok: false, bucketKey });
    expect(balances).toEqual(before);
  });

  it('never mutates the balances it is given, also when it accepts', () => {
    const balances = new Map([['lot-k|safe-1|', { containers: 2, ml: 20, mg: 1000 }]]);
    const result = applyLines(balances, [line('lot-k|safe-1|', -1, 'container')]);
    expect(result.ok && result.balances.get('lot-k|safe-1|')).toEqual({ containers: 1, ml: 10, mg: 500 });
    expect(balances.get('lot-k|safe-1|')).toEqual({ containers: 2, ml: 20, mg: 1000 });
  });

  it('keeps every balance >= 0 and equal to the sum of the accepted deltas over random valid and invalid batches', () => {
    const lineArb = fc.record({
      bucketKey: fc.constantFrom(...BUCKETS),
      unit: fc.constantFrom<QuantityUnit>('container', 'mL', 'mg'),
      value: fc.oneof(fc.integer({ min: 1, max: 6 }), fc.double({ min: 0.001, max: 30, noNaN: true })),
      out: fc.boolean(),
    });
    const batchArb = fc.array(lineArb, { minLength: 1, maxLength: 4 });
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(fc.array(batchArb, { minLength: 1, maxLength: 40 }), (batches) => {
        let balances = new Map<string, Amount>();
        // Oracle: exact sums of the stored decimal text (BigInt), independent of the model's arithmetic.
        const oracle = new Map<string, bigint[]>();
        for (const batch of batches) {
          const lines = batch.map((l) => {
            const amount = toAmount(l.value, l.unit, LOTS[l.bucketKey]!);
            return { bucketKey: l.bucketKey, delta: l.out ? negateAmount(amount) : amount };
          });
          const expectedRefusal = findOverdraw(oracle, lines);
          const result = applyLines(balances, lines);
          if (result.ok) {
            expect(expectedRefusal).toBeNull();
            for (const l of lines) oracle.set(l.bucketKey, addScaled(oracle.get(l.bucketKey), l.delta));
            balances = result.balances;
            accepted++;
          } else {
            expect(result.bucketKey).toBe(expectedRefusal);
            refused++;
          }
        }
        for (const [bucketKey, balance] of balances) {
          expect(balance.containers).toBeGreaterThanOrEqual(0);
          expect(balance.ml).toBeGreaterThanOrEqual(0);
          expect(balance.mg).toBeGreaterThanOrEqual(0);
          expect(toScaledBigInts(balance)).toEqual(oracle.get(bucketKey));
        }
        expect([...balances.keys()].sort()).toEqual([...oracle.keys()].sort());
      }),
      { numRuns: 300 },
    );
    // Both branches were exercised, so the property above is not vacuous.
    expect(accepted).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(100);
  });
});

function toScaledBigInts(amount: Amount): bigint[] {
  const text = formatDecimals(amount);
  return [text.containers, text.ml, text.mg].map((t) => BigInt(t.replace('.', '')));
}

function addScaled(sum: bigint[] | undefined, delta: Amount): bigint[] {
  const d = toScaledBigInts(delta);
  return (sum ?? [0n, 0n, 0n]).map((v, i) => v + d[i]!);
}

function findOverdraw(oracle: Map<string, bigint[]>, lines: LedgerLine[]): string | null {
  const working = new Map(oracle);
  for (const l of lines) {
    const next = addScaled(working.get(l.bucketKey), l.delta);
    if (next.some((v) => v < 0n)) return l.bucketKey;
    working.set(l.bucketKey, next);
  }
  return null;
}
