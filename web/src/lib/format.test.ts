import { describe, expect, it } from 'vitest';
import { ageInYears, formatWeightKg, humanize } from './format.ts';

describe('ageInYears', () => {
  it('counts a year only once the birthday is reached', () => {
    expect(ageInYears('1985-07-03', '2026-07-02')).toBe(40);
    expect(ageInYears('1985-07-03', '2026-07-03')).toBe(41);
  });

  it('answers null for a date it cannot read', () => {
    expect(ageInYears('unknown', '2026-07-03')).toBeNull();
  });
});

describe('display helpers', () => {
  it('shows weights in kg and lb (1 lb = 0.45359237 kg)', () => {
    expect(formatWeightKg(45.359237)).toMatch(/^45\.4 kg \(100 lb\)$/);
  });

  it('turns enum values into words', () => {
    expect(humanize('treatment_resistant_depression')).toBe('Treatment resistant depression');
  });
});
