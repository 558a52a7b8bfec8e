import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DRUG_LIBRARY } from './default-drug-library.ts';
import { computeSteadyStateRateMgPerH, planTargetControlled, type TargetPlanInput } from './inverse.ts';
import { simulateTrajectory } from './pk-engine.ts';
import { findPkModel } from './pk-models.ts';

const kamp70 = findPkModel('kamp-2020')!.computeParameters({ weightKg: 70 });
const base: TargetPlanInput = {
  modelId: 'kamp-2020',
  weightKg: 70,
  ageYears: 40,
  targetNgPerMl: 150,
  tolerance: 0.1,
  durationMin: 240,
  stepMin: 15,
  library: DEFAULT_DRUG_LIBRARY,
  productId: 'ketamine-10-mg-ml',
  profileId: 'pain-clinic-iv',
};
const plan = (change: Partial<TargetPlanInput> = {}) => {
  const result = planTargetControlled({ ...base, ...change });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
};

describe('computeSteadyStateRateMgPerH', () => {
  // Kamp (SimTIVA) CL 84 L/h at 70 kg: 443 ng/mL needs 84 x 0.443 = 37.2 mg/h (DOMAIN.md 5.3 uses CL 79 L/h: 35 mg/h).
  it.each([
    [443, 84 * 0.443],
    [310, 84 * 0.31],
    [100, 8.4],
  ])('gives %d ng/mL from CL x Css', (target, rate) => {
    expect(computeSteadyStateRateMgPerH(kamp70, target)).toBeCloseTo(rate, 9);
  });

  it('reaches the target when infused for a long time', () => {
    const rateMgPerMin = computeSteadyStateRateMgPerH(kamp70, 250) / 60;
    const input = { kind: 'zero-order', startMin: 0, endMin: 1e5, rateMgPerMin, route: 'iv', bioavailability: 1 } as const;
    expect(simulateTrajectory(kamp70, [input], Float64Array.of(30_000)).plasmaNgPerMl[0]).toBeCloseTo(250, 3);
  });
});

describe('planTargetControlled', () => {
  it('reaches 150 ng/mL at 1 min and holds it within 10 % with every step inside the library', () => {
    const result = plan();
    expect(result.timeToTargetMin).toBe(1);
    expect(result.withinTolerance).toBe(true);
    expect(result.bolusMg).toBeLessThanOrEqual(0.35 * 70);
    expect(result.checks.every((c) => c.verdict === 'ok')).toBe(true);
    expect(result.libraryVersion).toBe('ketaclinic-default-1');
    expect(result.regimen.events[0]).toMatchObject({ type: 'bolus', overMin: 1 });
  });

  it('says which limit held it back instead of breaking it (300 ng/mL needs more than the 40 mg/h soft cap)', () => {
    const result = plan({ targetNgPerMl: 300 });
    expect(result.limitedBy).toContain('rate.softMax');
    expect(result.withinTolerance).toBe(false);
    expect(Math.max(...result.steps.map((s) => s.rateMgPerH))).toBeLessThanOrEqual(40);
    expect(result.checks.every((c) => c.verdict === 'ok')).toBe(true);
  });

  it('never proposes a step outside the library limits', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 30, max: 1500 }),
        fc.integer({ min: 40, max: 160 }),
        fc.constantFrom(5, 10, 15, 30),
        fc.integer({ min: 0, max: 150 }),
        (targetNgPerMl, weightKg, stepMin, givenSessionMg) => {
          const result = plan({ targetNgPerMl, weightKg, stepMin, givenSessionMg, given24hMg: givenSessionMg });
          for (const check of result.checks) expect(check.verdict).toBe('ok');
        },
      ),
      { numRuns: 25 },
    );
  });

  it.each([
    [{ durationMin: 300 }, 'durationMin'],
    [{ profileId: 'esketamine-suite', productId: 'esketamine-28-mg-device' }, 'profile'],
    [{ productId: 'ketamine-100-mg-ml' }, 'product'],
    [{ targetNgPerMl: -5 }, 'targetNgPerMl'],
    [{ tolerance: 2 }, 'tolerance'],
    [{ weightKg: 400 }, 'weightKg'],
    [{ modelId: 'x' }, 'model'],
  ])('refuses %j naming %s', (change, field) => {
    const result = planTargetControlled({ ...base, ...change });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.field)).toContain(field);
  });
});
