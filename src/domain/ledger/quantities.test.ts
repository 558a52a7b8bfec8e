import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Amount,
  checkUnitFits,
  checkWholeDevices,
  formatDecimals,
  type LotMeasure,
  negateAmount,
  parseLedgerQuantity,
  type QuantityUnit,
  roundAmount,
  toAmount,
} from './quantities.ts';

// Lots from the default drug library (DOMAIN.md 3): ketamine 50 mg/mL in 10 mL vials, esketamine 28 mg/0.2 mL device.
const KETAMINE_VIAL: LotMeasure = { containerVolumeMl: 10, concentrationMgPerMl: 50 };
const ESKETAMINE_DEVICE: LotMeasure = { containerVolumeMl: 0.2, concentrationMgPerMl: 140 };
const ORAL_BOTTLE: LotMeasure = { containerVolumeMl: 30, concentrationMgPerMl: 10 };

describe('toAmount', () => {
  it.each<[number, QuantityUnit, LotMeasure, Amount]>([
    [1, 'container', KETAMINE_VIAL, { containers: 1, ml: 10, mg: 500 }],
    [2.5, 'mL', KETAMINE_VIAL, { containers: 0.25, ml: 2.5, mg: 125 }],
    [35, 'mg', KETAMINE_VIAL, { containers: 0.07, ml: 0.7, mg: 35 }],
    [3, 'container', ESKETAMINE_DEVICE, { containers: 3, ml: 0.6, mg: 84 }],
    [56, 'mg', ESKETAMINE_DEVICE, { containers: 2, ml: 0.4, mg: 56 }],
    [15, 'mL', ORAL_BOTTLE, { containers: 0.5, ml: 15, mg: 150 }],
  ])('converts %d %s to containers, mL and mg', (value, unit, lot, expected) => {
    const amount = toAmount(value, unit, lot);
    expect(amount.containers).toBeCloseTo(expected.containers, 12);
    expect(amount.ml).toBeCloseTo(expected.ml, 12);
    expect(amount.mg).toBeCloseTo(expected.mg, 12);
  });

  it('keeps mL = containers x volume and mg = mL x concentration, and round-trips between units', () => {
    const field = { container: 'containers', mL: 'ml', mg: 'mg' } as const;
    fc.assert(
      fc.property(
        fc.constantFrom<QuantityUnit>('container', 'mL', 'mg'),
        fc.constantFrom<QuantityUnit>('container', 'mL', 'mg'),
        fc.double({ min: 1e-3, max: 1e5, noNaN: true }),
        fc.double({ min: 0.1, max: 1000, noNaN: true }),
        fc.double({ min: 0.1, max: 500, noNaN: true }),
        (from, to, value, containerVolumeMl, concentrationMgPerMl) => {
          const lot = { containerVolumeMl, concentrationMgPerMl };
          const amount = toAmount(value, from, lot);
          expect(amount[field[from]]).toBe(value);
          expect(relativeError(amount.ml, amount.containers * containerVolumeMl)).toBeLessThan(1e-12);
          expect(relativeError(amount.mg, amount.ml * concentrationMgPerMl)).toBeLessThan(1e-12);
          const there = toAmount(amount[field[to]], to, lot);
          const back = toAmount(there[field[from]], from, lot);
          for (const key of ['containers', 'ml', 'mg'] as const) {
            expect(relativeError(there[key], amount[key])).toBeLessThan(1e-12);
            expect(relativeError(back[key], amount[key])).toBeLessThan(1e-12);
          }
        },
      ),
    );
  });

  it('throws for a lot without a positive volume or concentration (programmer error: lots are validated on receipt)', () => {
    expect(() => toAmount(1, 'mL', { containerVolumeMl: 0, concentrationMgPerMl: 50 })).toThrow(RangeError);
    expect(() => toAmount(1, 'mL', { containerVolumeMl: 10, concentrationMgPerMl: Number.NaN })).toThrow(RangeError);
  });
});

function relativeError(actual: number, expected: number): number {
  return expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
}

describe('parseLedgerQuantity', () => {
  it.each<[string, number, QuantityUnit]>([
    ['2 containers', 2, 'container'],
    ['1 container', 1, 'container'],
    ['1 vial', 1, 'container'],
    ['4 vials', 4, 'container'],
    ['3 devices', 3, 'container'],
    ['1 device', 1, 'container'],
    ['2 bottles', 2, 'container'],
    ['1 Bottle', 1, 'container'],
    ['10 mL', 10, 'mL'],
    ['10 ml', 10, 'mL'],
    ['0.35 mL', 0.35, 'mL'],
    ['250 mg', 250, 'mg'],
    ['250mg', 250, 'mg'],
    ['  7.5  mg ', 7.5, 'mg'],
  ])('parses %j as %d %s', (text, value, unit) => {
    expect(parseLedgerQuantity(text)).toEqual({ ok: true, value, unit });
  });

  it.each([
    ['0 mL', 'greater than zero'],
    ['0.000 mg', 'greater than zero'],
    ['-1 vial', 'positive'],
    ['+1 vial', 'positive'],
    ['.5 mL', 'leading zero'],
    ['NaN mL', 'not a number'],
    ['abc', 'not a number'],
    ['10', 'not a number'],
    ['mL', 'not a number'],
    ['1e3 mg', 'not a number'],
    ['10 g', 'unknown unit'],
    ['10 mcg', 'unknown unit'],
    ['10 cc', 'unknown unit'],
    ['10 ML', 'unknown unit'],
    ['2 tablets', 'unknown unit'],
    ['', 'required'],
  ])('refuses %j (%s)', (text, reason) => {
    const parsed = parseLedgerQuantity(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(reason);
  });
});

describe('checkUnitFits and checkWholeDevices', () => {
  it.each<[QuantityUnit, 'vial' | 'nasal-device' | 'compounded-oral', boolean]>([
    ['container', 'vial', true],
    ['mL', 'vial', true],
    ['mg', 'vial', true],
    ['container', 'compounded-oral', true],
    ['mL', 'compounded-oral', true],
    ['mg', 'compounded-oral', true],
    ['container', 'nasal-device', true],
    ['mg', 'nasal-device', true],
    ['mL', 'nasal-device', false],
  ])('unit %s on a %s fits: %s', (unit, form, fits) => {
    const message = checkUnitFits(unit, form);
    if (fits) expect(message).toBeNull();
    else expect(message).toMatch(/nasal device/);
  });

  it.each<[number, QuantityUnit, boolean]>([
    [28, 'mg', true],
    [56, 'mg', true],
    [84, 'mg', true], // 84 / 28 in floating point must still count as 3 devices
    [42, 'mg', false],
    [14, 'mg', false],
    [2, 'container', true],
    [1.5, 'container', false],
  ])('%d %s of a 28 mg device is whole: %s', (value, unit, whole) => {
    const message = checkWholeDevices(toAmount(value, unit, ESKETAMINE_DEVICE), 'nasal-device');
    if (whole) expect(message).toBeNull();
    else expect(message).toMatch(/used whole/);
  });

  it('accepts a negative whole-device delta and fractional containers of vials and bottles', () => {
    expect(checkWholeDevices(negateAmount(toAmount(2, 'container', ESKETAMINE_DEVICE)), 'nasal-device')).toBeNull();
    expect(checkWholeDevices(toAmount(0.35, 'mL', KETAMINE_VIAL), 'vial')).toBeNull();
    expect(checkWholeDevices(toAmount(7, 'mL', ORAL_BOTTLE), 'compounded-oral')).toBeNull();
  });
});

describe('formatDecimals, roundAmount and negateAmount', () => {
  it.each<[Amount, { containers: string; ml: string; mg: string }]>([
    [
      { containers: 1, ml: 10, mg: 500 },
      { containers: '1.0000', ml: '10.000', mg: '500.000' },
    ],
    [
      { containers: -0.07, ml: -0.7, mg: -35 },
      { containers: '-0.0700', ml: '-0.700', mg: '-35.000' },
    ],
    [
      { containers: 1 / 3, ml: 10 / 3, mg: 500 / 3 },
      { containers: '0.3333', ml: '3.333', mg: '166.667' },
    ],
    [
      { containers: -0, ml: -0, mg: -0 },
      { containers: '0.0000', ml: '0.000', mg: '0.000' },
    ],
    [
      { containers: -0.00001, ml: -0.0001, mg: -0.0004 },
      { containers: '0.0000', ml: '0.000', mg: '0.000' },
    ],
    [
      { containers: 0, ml: 0.1 + 0.2, mg: 0 },
      { containers: '0.0000', ml: '0.300', mg: '0.000' },
    ],
  ])('formats %j', (amount, expected) => {
    expect(formatDecimals(amount)).toEqual(expected);
  });

  it('throws on a non-finite amount (programmer error)', () => {
    expect(() => formatDecimals({ containers: Number.NaN, ml: 0, mg: 0 })).toThrow(RangeError);
    expect(() => formatDecimals({ containers: 0, ml: Number.POSITIVE_INFINITY, mg: 0 })).toThrow(RangeError);
  });

  it('rounds to the stored scale', () => {
    expect(roundAmount({ containers: 1 / 3, ml: 10 / 3, mg: 500 / 3 })).toEqual({ containers: 0.3333, ml: 3.333, mg: 166.667 });
  });

  it('negates without -0, and a negated delta formats as the same digits with a minus sign', () => {
    expect(Object.is(negateAmount({ containers: 0, ml: 0, mg: 0 }).containers, 0)).toBe(true);
    expect(Object.is(negateAmount({ containers: -0, ml: -0, mg: -0 }).ml, 0)).toBe(true);
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (value) => {
        const amount = { containers: value, ml: value, mg: value };
        const text = formatDecimals(amount);
        const negated = formatDecimals(negateAmount(amount));
        for (const key of ['containers', 'ml', 'mg'] as const) {
          const digits = text[key];
          const expected = digits.startsWith('-') ? digits.slice(1) : /^0\.0+$/.test(digits) ? digits : `-${digits}`;
          expect(negated[key]).toBe(expected);
        }
        expect(negateAmount(negateAmount(amount))).toEqual({ containers: value + 0, ml: value + 0, mg: value + 0 });
      }),
    );
  });
});
