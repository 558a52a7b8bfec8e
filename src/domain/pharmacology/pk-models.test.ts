import { describe, expect, it } from 'vitest';
import { computeMacroConstants, computeTimeTo90PctSteadyStateMin } from './closed-form.ts';
import { checkModelValidity, findPkModel, PK_MODELS } from './pk-models.ts';

describe('Domino reproduces the derived values of DOMAIN.md 5.1 at 70 kg', () => {
  const params = findPkModel('domino')!.computeParameters({ weightKg: 70 });
  const [p2, p3] = params.peripherals;
  // DOMAIN.md 5.1 [D]: V1 4.41 L; V2 10.6 L (0.151 L/kg); V3 178 L (2.55 L/kg); Vss ~2.76 L/kg; CL 27.6 mL/kg/min ~ 116 L/h
  it.each([
    ['V1 (L)', params.centralVolumeL, 4.41, 2],
    ['V2 (L)', p2!.volumeL, 10.6, 1],
    ['V2 (L/kg)', p2!.volumeL / 70, 0.151, 3],
    ['V3 (L)', p3!.volumeL, 178, 0],
    ['V3 (L/kg)', p3!.volumeL / 70, 2.55, 2],
    ['Vss (L/kg)', (params.centralVolumeL + p2!.volumeL + p3!.volumeL) / 70, 2.76, 2],
    ['CL (mL/kg/min)', (params.clearanceLPerMin * 1000) / 70, 27.6, 1],
    ['CL (L/min)', params.clearanceLPerMin, 1.93, 2],
    ['CL (L/h)', params.clearanceLPerMin * 60, 116, 0],
  ])('%s = %d', (_name, actual, expected, digits) => {
    expect(actual).toBeCloseTo(expected, digits);
  });
});

describe('Kamp 2020 as coded in SimTIVA (DOMAIN.md 5.3)', () => {
  it('gives V1 25, V2 56, V3 157 L and CL 84, Q2 161, Q3 79 L/h at 70 kg', () => {
    const p = findPkModel('kamp-2020')!.computeParameters({ weightKg: 70 });
    expect([p.centralVolumeL, p.peripherals[0]!.volumeL, p.peripherals[1]!.volumeL]).toEqual([25, 56, 157]);
    expect(p.clearanceLPerMin * 60).toBeCloseTo(84, 10);
    expect(p.peripherals.map((x) => x.clearanceLPerMin * 60)).toEqual([expect.closeTo(161, 10), expect.closeTo(79, 10)]);
    expect(p.ke0PerMin).toBeCloseTo(0.1876 * Math.log(70) + 0.5932, 12);
  });

  it('scales volumes linearly and clearances with exponent 0.75', () => {
    const p = findPkModel('kamp-2020')!.computeParameters({ weightKg: 140 });
    expect(p.centralVolumeL).toBeCloseTo(50, 10);
    expect(p.clearanceLPerMin * 60).toBeCloseTo(84 * 2 ** 0.75, 10);
  });
});

describe('model catalogue', () => {
  it('has kamp-2020, domino and the DOMAIN.md 5.2 comparison sets, each cited', () => {
    expect(PK_MODELS.map((m) => m.id)).toEqual(['kamp-2020', 'domino', 'clements-250', 'hijazi-2003', 'herd-2007', 'hornik-2018']);
    for (const model of PK_MODELS) {
      expect(model.citation.length).toBeGreaterThan(20);
      expect(model.parameters.length).toBeGreaterThanOrEqual(4);
      expect(model.computeParameters({ weightKg: 70 }).peripherals).toHaveLength(model.compartments - 1);
    }
  });

  it.each([
    ['herd-2007', { weightKg: 80, ageYears: 10 }, /weightKg 80 is outside/],
    ['herd-2007', { weightKg: 40, ageYears: 40 }, /ageYears 40 is outside/],
    ['hornik-2018', { weightKg: 70, ageYears: 30 }, /ageYears 30 is outside/],
    ['kamp-2020', { weightKg: 70 }, /age not given/],
    ['hijazi-2003', { weightKg: 70, ageYears: 45 }, /ageYears 45 is outside/],
  ])('warns when %s is used outside its range', (id, covariates, pattern) => {
    expect(checkModelValidity(findPkModel(id)!, covariates).join('\n')).toMatch(pattern);
  });

  it('does not warn inside the range', () => {
    expect(checkModelValidity(findPkModel('kamp-2020')!, { weightKg: 70, ageYears: 45, sex: 'm' })).toEqual([]);
  });

  it('computes macro constants whose coefficients sum to 1/V1 (C(0) after a unit bolus)', () => {
    for (const model of PK_MODELS) {
      const p = model.computeParameters({ weightKg: 70 });
      const macro = computeMacroConstants(p);
      expect(macro.coefficientsPerL.reduce((a, b) => a + b, 0)).toBeCloseTo(1 / p.centralVolumeL, 12);
      // AUC of a unit bolus is 1/CL: sum A_i / l_i.
      expect(macro.coefficientsPerL.reduce((a, c, i) => a + c / macro.lambdasPerMin[i]!, 0)).toBeCloseTo(1 / p.clearanceLPerMin, 8);
    }
  });

  it('derives the time to 90 % of steady state (Kamp 70 kg ~ 8 h, Domino ~ 5 h)', () => {
    expect(computeTimeTo90PctSteadyStateMin(findPkModel('kamp-2020')!.computeParameters({ weightKg: 70 }))).toBeCloseTo(478.86, 1);
    expect(computeTimeTo90PctSteadyStateMin(findPkModel('domino')!.computeParameters({ weightKg: 70 }))).toBeCloseTo(295.53, 1);
  });
});
