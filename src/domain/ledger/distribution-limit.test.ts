import { describe, expect, it } from 'vitest';
import { assessDistributionLimit } from './distribution-limit.ts';

// 21 CFR 1307.11(a)(1)(iv) [M]: distributed units in a calendar year <= 5 % of units distributed and dispensed.
describe('assessDistributionLimit', () => {
  it.each([
    // distributed so far, dispensed + administered, proposed -> ratio, exceeds
    [0, 0, 0, 0, false],
    [0, 1000, 10, 10 / 1010, false],
    [0, 95, 5, 0.05, false], // exactly 5 % is allowed ("does not exceed")
    [4, 95, 1, 0.05, false],
    [5, 95, 1, 6 / 101, true],
    [0, 19, 1, 0.05, false],
    [0, 18, 1, 1 / 19, true],
    [0, 0, 1, 1, true], // a registrant that has dispensed nothing yet cannot distribute within the limit
    [50, 950, 0, 0.05, false],
    [0, 0.3, 0.7, 0.7, true], // fractional containers are units too when the caller counts in containers
  ])('distributed %d, dispensed %d, proposed %d -> ratio %d, exceeds %s', (distributed, dispensed, proposed, ratio, exceeds) => {
    const result = assessDistributionLimit({
      distributedUnitsThisYear: distributed,
      dispensedAndAdministeredUnitsThisYear: dispensed,
      proposedUnits: proposed,
    });
    expect(result.ratio).toBeCloseTo(ratio, 12);
    expect(result.exceeds).toBe(exceeds);
    expect(result.note).toContain('21 CFR 1307.11');
    expect(result.note.includes('distributor registration')).toBe(true);
    if (exceeds) expect(result.note).toContain('requires a DEA distributor registration');
    else expect(result.note).not.toContain('requires');
  });

  it('states the percentage in the note', () => {
    const { note } = assessDistributionLimit({ distributedUnitsThisYear: 5, dispensedAndAdministeredUnitsThisYear: 95, proposedUnits: 1 });
    expect(note).toContain('5.9 %');
  });

  it.each([
    [{ distributedUnitsThisYear: -1, dispensedAndAdministeredUnitsThisYear: 10, proposedUnits: 1 }],
    [{ distributedUnitsThisYear: 0, dispensedAndAdministeredUnitsThisYear: Number.NaN, proposedUnits: 1 }],
    [{ distributedUnitsThisYear: 0, dispensedAndAdministeredUnitsThisYear: 10, proposedUnits: Number.POSITIVE_INFINITY }],
  ])('throws for a negative or non-finite count (programmer error): %j', (input) => {
    expect(() => assessDistributionLimit(input)).toThrow(RangeError);
  });
});
