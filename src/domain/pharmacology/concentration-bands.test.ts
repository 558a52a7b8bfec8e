import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONCENTRATION_BANDS, classifyConcentration, computeTimeInBands } from './concentration-bands.ts';

describe('concentration bands (DOMAIN.md 6, derived)', () => {
  it('are contiguous from 0 to infinity', () => {
    expect(CONCENTRATION_BANDS[0]!.lowerNgPerMl).toBe(0);
    for (let i = 1; i < CONCENTRATION_BANDS.length; i++) {
      expect(CONCENTRATION_BANDS[i]!.lowerNgPerMl).toBe(CONCENTRATION_BANDS[i - 1]!.upperNgPerMl);
    }
    expect(CONCENTRATION_BANDS.at(-1)!.upperNgPerMl).toBe(Number.POSITIVE_INFINITY);
  });

  it.each([
    [0, 'low'],
    [99.9, 'low'],
    [100, 'analgesic'],
    [185, 'analgesic'], // Zarate 2006 antidepressant Cmax (DOMAIN.md 2)
    [250, 'marked-dissociation'],
    [640, 'pre-anaesthetic'], // emergence, Idvall 1979
    [2200, 'anaesthetic'], // maintenance, Idvall 1979
  ])('%d ng/mL is %s', (c, id) => {
    expect(classifyConcentration(c).id).toBe(id);
  });

  it('splits a ramp across bands by linear interpolation', () => {
    const result = computeTimeInBands([0, 10], [0, 500]);
    expect(result).toMatchObject({ low: 2, analgesic: 3, 'marked-dissociation': 5, 'pre-anaesthetic': 0 });
  });

  it('accounts for every minute', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 3000, noNaN: true }), { minLength: 2, maxLength: 50 }), (values) => {
        const times = values.map((_, i) => i * 1.5);
        const total = Object.values(computeTimeInBands(times, values)).reduce((a, b) => a + b, 0);
        expect(total).toBeCloseTo(times.at(-1)!, 9);
      }),
    );
  });
});
