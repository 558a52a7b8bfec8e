import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertQuantity, getDimension, parseQuantity, resolveDoseMg, resolveRateMgPerH, toCanonical, UNIT_SYMBOLS } from './units.ts';

describe('parseQuantity', () => {
  // Every unit issue 3 item 1 lists, with the canonical value it must convert to exactly.
  it.each([
    ['0.35 mg/kg', 'mg/kg', 0.35],
    ['350 mcg/kg', 'mg/kg', 0.35],
    ['350 µg/kg', 'mg/kg', 0.35],
    ['25 mg', 'mg', 25],
    ['25000 mcg', 'mg', 25],
    ['25000 μg', 'mg', 25],
    ['0.025 g', 'mg', 25],
    ['25 mg/h', 'mg/h', 25],
    ['25 mg/hr', 'mg/h', 25],
    ['1 mg/min', 'mg/h', 60],
    ['240 mg/day', 'mg/h', 10],
    ['240 mg/24 h', 'mg/h', 10],
    ['0.5 mg/kg/h', 'mg/kg/h', 0.5],
    // DOMAIN.md 13: 1 mg/kg/h = 16.67 mcg/kg/min
    ['10 mcg/kg/min', 'mg/kg/h', 0.6],
    ['500 mcg/kg/h', 'mg/kg/h', 0.5],
    ['2.5 mL', 'mL', 2.5],
    ['25 mL/h', 'mL/h', 25],
    ['10 mg/mL', 'mg/mL', 10],
    ['10 mg/ml', 'mg/mL', 10],
    ['5 %', '% w/w', 5],
    ['5 % w/w', '% w/w', 5],
  ])('parses %s to %s %d', (text, canonicalUnit, canonicalValue) => {
    const parsed = parseQuantity(text);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(toCanonical(parsed.value)).toBeCloseTo(canonicalValue, 12);
    expect(convertQuantity(parsed.value, canonicalUnit as never)).toBeCloseTo(canonicalValue, 12);
  });

  it.each([
    ['', 'empty'],
    ['25', 'unit'],
    ['mg', 'number'],
    ['-5 mg', 'negative'],
    ['.5 mg', 'leading zero'],
    ['5 ug', 'mcg'],
    ['5 cc', 'mL'],
    ['5 mg/d', 'ambiguous'],
    ['5 units', 'mass'],
    ['5 furlongs', 'unknown unit'],
    ['5 MG', 'unknown unit'],
    ['1e3 mg', 'unknown unit'],
    ['5 mg/kg/min', 'not a supported'],
  ])('refuses %j with a reason mentioning %s', (text, reason) => {
    const parsed = parseQuantity(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(reason);
  });
});

describe('conversions', () => {
  it('round-trips every pair of units of the same dimension', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...UNIT_SYMBOLS),
        fc.constantFrom(...UNIT_SYMBOLS),
        fc.double({ min: 1e-6, max: 1e6, noNaN: true }),
        (a, b, value) => {
          fc.pre(getDimension(a) === getDimension(b));
          const there = convertQuantity({ value, unit: a }, b);
          const back = convertQuantity({ value: there, unit: b }, a);
          expect(back).toBeCloseTo(value, 6);
          expect(Math.abs(back - value) / value).toBeLessThan(1e-14);
        },
      ),
    );
  });

  it('throws when asked to convert between dimensions (programmer error)', () => {
    expect(() => convertQuantity({ value: 1, unit: 'mg' }, 'mg/h')).toThrow(/cannot convert/);
  });

  it('resolves weight-based doses and rates, and refuses a rate given as a dose', () => {
    expect(resolveDoseMg({ value: 0.35, unit: 'mg/kg' }, 70)).toBeCloseTo(24.5, 12);
    expect(resolveDoseMg({ value: 0.5, unit: 'mg/kg/h' }, 70)).toBeUndefined();
    expect(resolveRateMgPerH({ value: 0.5, unit: 'mg/kg/h' }, 70)).toBeCloseTo(35, 12);
    expect(resolveRateMgPerH({ value: 25, unit: 'mg' }, 70)).toBeUndefined();
  });
});
