import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeAgeYears,
  computeCompletedMonths,
  computeDaysBetweenIsoDates,
  createDemoRandom,
  shiftIsoDateByDays,
  subtractYearsFromIsoDate,
} from './demo-random.ts';

describe('createDemoRandom (mulberry32)', () => {
  it('repeats the same sequence for the same seed and differs for another seed', () => {
    const draw = (seed: number) => {
      const random = createDemoRandom(seed);
      return Array.from({ length: 5 }, () => random.next());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('stays in [0, 1) and nextInt stays within its inclusive bounds (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: 0, max: 100 }),
        (seed, min, span) => {
          const random = createDemoRandom(seed);
          for (let i = 0; i < 20; i++) {
            const value = random.next();
            expect(value >= 0 && value < 1).toBe(true);
            const int = random.nextInt(min, min + span);
            expect(Number.isInteger(int) && int >= min && int <= min + span).toBe(true);
          }
        },
      ),
    );
  });

  it('shuffles to a permutation of the input', () => {
    const items = ['a', 'b', 'c', 'd', 'e', 'f'];
    const shuffled = createDemoRandom(7).shuffle(items);
    expect([...shuffled].sort()).toEqual(items);
    expect(items).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('refuses to pick from an empty list', () => {
    expect(() => createDemoRandom(1).pick([])).toThrow();
  });
});

describe('ISO date helpers', () => {
  it.each([
    ['2026-03-01', -1, '2026-02-28'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2026-01-15', 0, '2026-01-15'],
  ])('shifts %s by %i days to %s', (iso, days, expected) => {
    expect(shiftIsoDateByDays(iso, days)).toBe(expected);
  });

  it.each([
    ['2024-02-29', 1, '2023-02-28'],
    ['2024-02-29', 4, '2020-02-29'],
    ['2026-07-04', 30, '1996-07-04'],
  ])('subtracts years from %s (%i) giving %s', (iso, years, expected) => {
    expect(subtractYearsFromIsoDate(iso, years)).toBe(expected);
  });

  it.each([
    ['2000-06-15', '2026-06-14', 25],
    ['2000-06-15', '2026-06-15', 26],
    ['2000-02-29', '2026-03-01', 26],
  ])('computes the age of someone born %s on %s as %i', (birth, on, age) => {
    expect(computeAgeYears(birth, on)).toBe(age);
  });

  it.each([
    ['2025-01-31', '2025-02-28', 0],
    ['2025-01-15', '2025-02-15', 1],
    ['2023-01-13', '2026-03-15', 38],
    ['2026-03-15', '2025-03-15', 0],
  ])('counts completed months from %s to %s as %i', (from, to, months) => {
    expect(computeCompletedMonths(from, to)).toBe(months);
  });

  it('counts days between dates across a leap day', () => {
    expect(computeDaysBetweenIsoDates('2024-02-28', '2024-03-01')).toBe(2);
    expect(computeDaysBetweenIsoDates('2024-03-01', '2024-02-28')).toBe(-2);
  });

  it('rejects a malformed date', () => {
    expect(() => shiftIsoDateByDays('15/03/2026', 1)).toThrow(/ISO date/);
  });

  it('gives exactly the intended age for a birth date 1-364 days before the birthday (property)', () => {
    const day = fc.integer({ min: 0, max: 365 * 60 }).map((offset) => shiftIsoDateByDays('2000-01-01', offset));
    fc.assert(
      fc.property(day, fc.integer({ min: 19, max: 84 }), fc.integer({ min: 1, max: 364 }), (todayIso, ageYears, daysBefore) => {
        const birth = shiftIsoDateByDays(subtractYearsFromIsoDate(todayIso, ageYears), -daysBefore);
        expect(computeAgeYears(birth, todayIso)).toBe(ageYears);
      }),
    );
  });
});
