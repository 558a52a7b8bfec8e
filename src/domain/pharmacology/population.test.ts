import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulateRegimen } from './pk-simulation.ts';
import { computePercentileInPlace, type PopulationInput, simulatePopulation } from './population.ts';

const regimen = {
  events: [
    { type: 'bolus', atMin: 0, route: 'iv', dose: '0.35 mg/kg' },
    { type: 'infusion', startMin: 0, endMin: 240, route: 'iv', rate: '0.5 mg/kg/h' },
  ],
};
const base: PopulationInput = {
  modelId: 'kamp-2020',
  weightKg: 70,
  ageYears: 40,
  regimen,
  untilMin: 360,
  stepMin: 1,
  reportEveryMin: 5,
  subjects: 500,
  seed: 12345,
  variability: { clearance: 0.3, centralVolume: 0.25, peripheralVolumes: 0.2, interCompartmentalClearances: 0.2 },
};
const run = (change: Partial<PopulationInput> = {}) => {
  const result = simulatePopulation({ ...base, ...change });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
};

describe('simulatePopulation', () => {
  it('is reproducible for a seed and changes with the seed', () => {
    expect(run()).toEqual(run());
    expect(run({ seed: 54321 }).percentiles.p50).not.toEqual(run().percentiles.p50);
  });

  it('collapses to the deterministic curve when no variability is set (IV, fast path)', () => {
    const population = run({ variability: {}, subjects: 3 });
    const single = simulateRegimen({ ...base, untilMin: 360, stepMin: 5 });
    if (!single.ok) throw new Error('simulation failed');
    population.timesMin.forEach((t, r) => {
      expect(t).toBeCloseTo(single.value.timesMin[r]!, 9);
      // Float32 storage: 7 significant digits.
      expect(population.percentiles.p50[r]).toBeCloseTo(single.value.plasmaNgPerMl[r]!, 2);
      expect(population.percentiles.p5[r]).toBe(population.percentiles.p95[r]);
    });
  });

  // hornik-2018 has two compartments, so one depot makes three states: it must not take the IV-only fast path.
  it.each(['kamp-2020', 'hornik-2018'])('collapses to the deterministic curve for an oral regimen with %s (depot path)', (modelId) => {
    const oral = {
      events: [
        { type: 'bolus', atMin: 0, route: 'oral', dose: '50 mg' },
        { type: 'bolus', atMin: 360, route: 'oral', dose: '50 mg' },
      ],
    };
    const population = run({ modelId, regimen: oral, variability: {}, subjects: 2, untilMin: 720 });
    const single = simulateRegimen({ ...base, modelId, regimen: oral, untilMin: 720, stepMin: 5 });
    if (!single.ok) throw new Error('simulation failed');
    population.timesMin.forEach((_, r) => {
      expect(population.percentiles.p50[r]).toBeCloseTo(single.value.plasmaNgPerMl[r]!, 3);
    });
  });

  it('orders the percentiles and the band probabilities', () => {
    const result = run();
    result.timesMin.forEach((_, r) => {
      expect(result.percentiles.p5[r]!).toBeLessThanOrEqual(result.percentiles.p50[r]!);
      expect(result.percentiles.p50[r]!).toBeLessThanOrEqual(result.percentiles.p95[r]!);
    });
    const probabilities = result.bandExceedance.map((b) => b.probability);
    expect([...probabilities].sort((a, b) => b - a)).toEqual(probabilities);
    expect(result.pointsSimulated).toBe(500 * 361);
  });

  it('widens the 5-95 band as the clearance CV grows', () => {
    const spread = (cv: number) => {
      const r = run({ variability: { clearance: cv } });
      return r.percentiles.p95[48]! - r.percentiles.p5[48]!;
    };
    expect(spread(0.1)).toBeLessThan(spread(0.4));
  });

  it('lists every variability value as a clinic-set assumption', () => {
    expect(run().assumptions.join('\n')).toMatch(/CV 30 % on elimination clearance: clinic-set assumption/);
  });

  it.each([
    [{ subjects: 0 }, 'subjects'],
    [{ seed: -1 }, 'seed'],
    [{ variability: { clearance: -0.1 } }, 'variability.clearance'],
    [{ variability: { halfLife: 0.3 } as never }, 'variability.halfLife'],
    [{ reportEveryMin: 2.5 }, 'reportEveryMin'],
    [{ regimen: { events: [{ type: 'bolus', atMin: 0.5, route: 'iv', dose: '1 mg' }] } }, 'regimen'],
    [{ regimen: { drug: 'esketamine', events: [] } }, 'regimen.drug'],
    [{ weightKg: 400 }, 'weightKg'],
    [{ subjects: 100_000, untilMin: 14_400, stepMin: 1 / 60, reportEveryMin: 60 }, 'subjects'],
  ])('refuses %j naming %s', (change, field) => {
    const result = simulatePopulation({ ...base, ...change });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.field)).toContain(field);
  });
});

describe('computePercentileInPlace', () => {
  it('matches the sorted-array type-7 percentile', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e4, noNaN: true }), { minLength: 1, maxLength: 200 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, q) => {
          const sorted = [...values].sort((a, b) => a - b);
          const h = q * (sorted.length - 1);
          const lo = Math.floor(h);
          const expected = sorted[lo]! + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? 0) - sorted[lo]!);
          expect(computePercentileInPlace(Float64Array.from(values), q)).toBeCloseTo(expected, 9);
        },
      ),
    );
  });
});
