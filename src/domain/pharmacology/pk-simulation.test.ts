import { describe, expect, it } from 'vitest';
import { predictConcentrations, simulateRegimen } from './pk-simulation.ts';

const issueExample = {
  drug: 'ketamine',
  events: [
    { type: 'bolus', atMin: 0, route: 'iv', dose: '0.35 mg/kg' },
    { type: 'infusion', startMin: 0, endMin: 240, route: 'iv', rate: '0.5 mg/kg/h' },
  ],
};
const request = { modelId: 'kamp-2020', weightKg: 70, ageYears: 45, regimen: issueExample, untilMin: 300, stepMin: 1 };

describe('simulateRegimen', () => {
  it('returns one point per step from 0 to until inclusive, with a summary', () => {
    const result = simulateRegimen(request);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const { timesMin, plasmaNgPerMl, summary, effectSiteNgPerMl } = result.value;
    expect(timesMin).toHaveLength(301);
    expect(timesMin.at(-1)).toBe(300);
    // Value just after the bolus: 24.5 mg into V1 25 L.
    expect(plasmaNgPerMl[0]).toBeCloseTo(980, 6);
    expect(effectSiteNgPerMl?.[0]).toBe(0);
    expect(summary?.amountGivenMg).toBeCloseTo(24.5 + 140, 9);
    expect(summary?.cmaxNgPerMl).toBeCloseTo(980, 6);
    expect(summary?.tmaxMin).toBe(0);
    expect(Object.values(summary!.timeInBandsMin).reduce((a, b) => a + b, 0)).toBeCloseTo(300, 9);
    expect(summary?.timeTo90PctSteadyStateMin).toBeGreaterThan(240);
  });

  it('warns, without refusing, when the covariates are outside the model range', () => {
    const result = simulateRegimen({ ...request, modelId: 'herd-2007' });
    expect(result.ok && result.value.warnings.join()).toMatch(/outside the herd-2007 range/);
  });

  it('says "no validated model" for esketamine instead of inventing one', () => {
    const result = simulateRegimen({
      ...request,
      regimen: { drug: 'esketamine', events: [{ type: 'bolus', atMin: 0, route: 'in', dose: '56 mg' }] },
    });
    expect(result.ok && result.value.status).toBe('no-validated-model');
    expect(result.ok && result.value.warnings.join()).toMatch(/no validated model/);
    expect(result.ok && result.value.plasmaNgPerMl).toEqual([]);
  });

  it.each([
    [{ weightKg: 0 }, 'weightKg'],
    [{ weightKg: 400 }, 'weightKg'],
    [{ untilMin: 10, stepMin: 3 }, 'untilMin'],
    [{ stepMin: 0 }, 'stepMin'],
    [{ modelId: 'marsh' }, 'model'],
    [{ ageYears: -3 }, 'ageYears'],
    [{ regimen: { events: [{ type: 'bolus', atMin: 0, route: 'iv', dose: '1 furlong' }] } }, 'regimen.events[0].dose'],
  ])('refuses %j naming %s', (change, field) => {
    const result = simulateRegimen({ ...request, ...change });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.field)).toContain(field);
  });

  it('accepts until as a multiple of a fractional step (1 s over 4 h)', () => {
    const result = simulateRegimen({ ...request, untilMin: 240, stepMin: 1 / 60 });
    expect(result.ok && result.value.timesMin).toHaveLength(14_401);
  });
});

describe('predictConcentrations', () => {
  it('gives the grid values at arbitrary times', () => {
    const grid = simulateRegimen(request);
    const at = predictConcentrations({
      modelId: 'kamp-2020',
      weightKg: 70,
      ageYears: 45,
      regimen: issueExample,
      timesMin: [0, 37, 240, 300],
    });
    if (!grid.ok || !at.ok) throw new Error('simulation failed');
    expect(at.value.plasmaNgPerMl).toEqual([0, 37, 240, 300].map((t) => expect.closeTo(grid.value.plasmaNgPerMl[t]!, 8)));
  });

  it.each([
    [[], 'timesMin'],
    [[5, 3], 'timesMin'],
    [[-1], 'timesMin'],
  ])('refuses times %j', (timesMin, field) => {
    const result = predictConcentrations({ modelId: 'kamp-2020', weightKg: 70, regimen: issueExample, timesMin });
    expect(!result.ok && result.issues.map((i) => i.field)).toContain(field);
  });
});
