import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DRUG_LIBRARY } from './default-drug-library.ts';
import { checkDose, type DoseCheckInput } from './dose-check.ts';
import type { DoseCheckRequest } from './dose-request.ts';
import { parseDoseCheckRequest } from './dose-request.ts';

const iv = { productId: 'ketamine-10-mg-ml', profileId: 'pain-clinic-iv', weightKg: 70 };
const check = (request: Partial<DoseCheckRequest>) => {
  const parsed = parseDoseCheckRequest(DEFAULT_DRUG_LIBRARY, { ...iv, ...request });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return checkDose(parsed.value);
};
const limitsOf = (request: Partial<DoseCheckRequest>) => check(request).violations.map((v) => v.limit);

describe('checkDose: every limit kind and verdict (default library, DOMAIN.md 13)', () => {
  it.each([
    // [case, request, verdict, violated limits]
    ['bolus within Schwenk 0.35 mg/kg', { dose: '0.35 mg/kg' }, 'ok', []],
    ['bolus above the soft max', { dose: '0.5 mg/kg' }, 'soft', ['bolus.softMax']],
    ['bolus above the hard max', { dose: '1.5 mg/kg' }, 'hard', ['bolus.softMax', 'bolus.hardMax']],
    ['rate 0.35 mg/kg/h (Schwartzman)', { rate: '0.35 mg/kg/h' }, 'ok', []],
    ['rate below the soft min', { rate: '0.05 mg/kg/h' }, 'soft', ['rate.softMin']],
    ['rate above the soft max', { rate: '1.2 mg/kg/h' }, 'soft', ['rate.softMax', 'rate.softMax']],
    ['rate above the hard max', { rate: '2 mg/kg/h' }, 'hard', ['rate.softMax', 'rate.hardMax', 'rate.softMax']],
    ['duration above 4 h', { rate: '0.35 mg/kg/h', durationMin: 300 }, 'soft', ['duration.softMax']],
    ['session total above 200 mg', { dose: '0.3 mg/kg', givenSession: '190 mg' }, 'soft', ['cumulativeSession.softMax']],
    [
      'session total above the hard max',
      { rate: '0.5 mg/kg/h', durationMin: 240, givenSession: '900 mg' },
      'hard',
      ['cumulativeSession.softMax', 'cumulativeSession.hardMax'],
    ],
    ['24 h total above 200 mg', { dose: '0.3 mg/kg', given24h: '190 mg' }, 'soft', ['cumulative24h.softMax']],
    ['24 h total above the hard max', { dose: '0.3 mg/kg', given24h: '1 g' }, 'hard', ['cumulative24h.softMax', 'cumulative24h.hardMax']],
    ['diluted below the hard low concentration', { rate: '0.35 mg/kg/h', concentration: '0.5 mg/mL' }, 'hard', ['concentration.hardMin']],
    [
      'a concentration above the vial strength (wrong vial)',
      { dose: '0.2 mg/kg', concentration: '100 mg/mL' },
      'hard',
      ['concentration.aboveStock'],
    ],
  ] as const)('%s -> %s', (_name, request, verdict, limits) => {
    const result = check(request);
    expect(result.verdict).toBe(verdict);
    expect(result.violations.map((v) => v.limit).sort()).toEqual([...limits].sort());
    expect(result.libraryVersion).toBe('ketaclinic-default-1');
  });

  it('names value, limit value, unit and severity in each violation', () => {
    expect(check({ dose: '1.5 mg/kg' }).violations).toContainEqual(
      expect.objectContaining({ limit: 'bolus.hardMax', value: 1.5, limitValue: 1, unit: 'mg/kg', severity: 'hard' }),
    );
  });
});

describe('checkDose with a clinic library (limit kinds the default leaves soft)', () => {
  const clinic = structuredClone(DEFAULT_DRUG_LIBRARY);
  clinic.version = 'clinic-2';
  const entry = clinic.profiles[0]!.entries[0]!;
  // Clinic policy for the test, not a clinical number: a hard stop on infusion length and a minimum bolus.
  entry.limits.push({ kind: 'duration', unit: 'min', hardMax: 480, source: 'test clinic policy', verified: false });
  entry.limits.push({ kind: 'bolus', unit: 'mg', hardMin: 1, source: 'test clinic policy', verified: false });
  const run = (request: Partial<DoseCheckInput>) => checkDose({ library: clinic, ...iv, ...request });

  it.each([
    [{ rate: { value: 0.3, unit: 'mg/kg/h' }, durationMin: 300 }, 'soft', ['duration.softMax']],
    [
      { rate: { value: 0.3, unit: 'mg/kg/h' }, durationMin: 600 },
      'hard',
      ['duration.softMax', 'duration.hardMax', 'cumulativeSession.softMax', 'cumulative24h.softMax'],
    ],
    [{ dose: { value: 0.5, unit: 'mg' } }, 'hard', ['bolus.hardMin']],
  ] as const)('%j -> %s', (request, verdict, limits) => {
    const result = run(request as Partial<DoseCheckInput>);
    expect(result.verdict).toBe(verdict);
    expect(result.violations.map((v) => v.limit).sort()).toEqual([...limits].sort());
    expect(result.libraryVersion).toBe('clinic-2');
  });
});

describe('checkDose catches slips (ISMP, DOMAIN.md 13)', () => {
  it.each([
    ['mg entered for mcg (1000x)', { dose: '350 mg/kg' }, 'hard', /1000x too high/],
    ['mg/kg entered for mg (70x at 70 kg)', { dose: '24.5 mg/kg' }, 'hard', /weight-fold too high/],
    ['mg/kg/h entered for mcg/kg/min', { rate: '8.3 mg/kg/h' }, 'hard', /16.67x too high/],
    ['mcg/kg/min entered for mg/kg/h', { rate: '0.5 mcg/kg/min' }, 'soft', /16.67x too low/],
    ['10x decimal slip on a rate', { rate: '3.5 mg/kg/h' }, 'hard', /10x too high/],
    ['mcg entered for mg (1000x too low)', { rate: '350 mcg/kg/h', dose: undefined }, 'ok', null],
  ] as const)('%s', (_name, request, verdict, hint) => {
    const result = check(request);
    expect(result.verdict).toBe(verdict);
    if (hint) expect(result.slipHints.join('\n')).toMatch(hint);
  });

  it('refuses the 100 mg/mL vial in the pain-clinic profile (wrong vial strength)', () => {
    expect(check({ productId: 'ketamine-100-mg-ml', dose: '0.35 mg/kg' })).toMatchObject({
      verdict: 'hard',
      violations: [{ limit: 'product.notInProfile' }],
    });
  });

  it.each([
    [20, 'weight.hardMin'],
    [350, 'weight.hardMax'],
  ])('refuses an implausible weight of %d kg (outside 30-300 kg)', (weightKg, limit) => {
    expect(limitsOf({ weightKg, dose: '0.35 mg/kg' })).toContain(limit);
  });
});

describe('volume to draw', () => {
  it.each([
    // 0.35 mg/kg x 70 kg = 24.5 mg from 10 mg/mL = 2.45 mL -> 2.5 mL at a 0.1 mL step (round half up)
    [{ dose: '0.35 mg/kg' }, 2.5, null],
    [{ productId: 'ketamine-50-mg-ml', dose: '0.35 mg/kg' }, 0.5, null],
    // 0.5 mg/kg/h x 70 = 35 mg/h at the standard 1 mg/mL bag = 35 mL/h; 4 h = 140 mL
    [{ rate: '0.5 mg/kg/h', durationMin: 240 }, 140, 35],
    [{ rate: '0.5 mg/kg/h', concentration: '5 mg/mL' }, null, 7],
  ])('%j -> %d mL, %d mL/h', (request, volumeMl, pumpRate) => {
    const result = check(request);
    expect(result.volumeMl).toBe(volumeMl);
    expect(result.pumpRateMlPerH).toBe(pumpRate);
  });
});

describe('pump rates in mL/h', () => {
  it.each([
    // 35 mL/h of the standard 1 mg/mL bag = 35 mg/h = 0.5 mg/kg/h at 70 kg
    [{ rate: '35 mL/h' }, 'ok'],
    [{ rate: '35 mL/h', concentration: '1 mg/mL' }, 'ok'],
    // the same pump rate with undiluted 10 mg/mL stock is 350 mg/h: a 10x overdose
    [{ rate: '35 mL/h', concentration: '10 mg/mL' }, 'hard'],
  ])('%j -> %s', (request, verdict) => {
    expect(check(request).verdict).toBe(verdict);
  });
});

describe('other profiles', () => {
  const esk = { productId: 'esketamine-28-mg-device', profileId: 'esketamine-suite' };
  it.each([
    ['56 mg', 'ok', []],
    ['84 mg', 'ok', []],
    ['28 mg', 'soft', ['bolus.softMin']],
    ['112 mg', 'hard', ['bolus.hardMax', 'cumulativeSession.hardMax', 'cumulative24h.hardMax']],
    ['60 mg', 'hard', ['bolus.step']],
  ] as const)('esketamine %s -> %s (Spravato label, DOMAIN.md 3)', (dose, verdict, limits) => {
    const result = check({ ...esk, dose });
    expect(result.verdict).toBe(verdict);
    expect(result.violations.map((v) => v.limit).sort()).toEqual([...limits].sort());
  });

  it('refuses a rate where the entry allows only doses', () => {
    expect(limitsOf({ ...esk, rate: '10 mg/h' })).toContain('rate.notAllowed');
  });

  it('checks home oral doses in mg and mg/kg', () => {
    expect(check({ productId: 'ketamine-compounded-oral', profileId: 'home-oral', dose: '25 mg' }).verdict).toBe('ok');
    expect(check({ productId: 'ketamine-compounded-oral', profileId: 'home-oral', dose: '200 mg' }).verdict).toBe('hard');
    expect(check({ productId: 'ketamine-compounded-oral', profileId: 'sublingual', dose: '30 mg' }).verdict).toBe('soft');
  });

  it('checks topical strength in % w/w', () => {
    const topical = { productId: 'ketamine-compounded-topical', profileId: 'topical', dose: '1 g' };
    expect(check({ ...topical, concentration: '5 %' }).verdict).toBe('ok');
    expect(check({ ...topical, concentration: '20 %' })).toMatchObject({
      verdict: 'soft',
      violations: [{ limit: 'concentration.softMax' }],
    });
    expect(check({ ...topical, concentration: '5 mg/mL' }).violations[0]?.limit).toBe('concentration.unit');
  });
});

describe('request parsing names the field', () => {
  it.each([
    [{ dose: '0.5 mg/kg/h' }, 'dose'],
    [{ rate: '0.5 mg/kg' }, 'rate'],
    [{ dose: '1 mg', rate: '1 mg/h' }, 'dose'],
    [{}, 'dose'],
    [{ dose: '1 furlong' }, 'dose'],
    [{ dose: '1 mg', weightKg: 0 }, 'weightKg'],
    [{ dose: '1 mg', productId: 'ketamine-1-mg-ml' }, 'product'],
    [{ dose: '1 mg', profileId: 'icu' }, 'profile'],
    [{ dose: '1 mg', givenSession: '1 mg/h' }, 'givenSession'],
    [{ dose: '1 mg', concentration: '10 mg' }, 'concentration'],
    [{ dose: '1 mg', durationMin: -5 }, 'durationMin'],
  ])('%j -> %s', (request, field) => {
    const parsed = parseDoseCheckRequest(DEFAULT_DRUG_LIBRARY, { ...iv, ...request } as DoseCheckRequest);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues.map((i) => i.field)).toContain(field);
  });
});

describe('properties', () => {
  it('never returns ok for a proposal above a hard limit, and verdict matches the worst violation', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 100, noNaN: true }),
        fc.double({ min: 30, max: 300, noNaN: true }),
        (rateMgPerKgPerH, weightKg) => {
          const input: DoseCheckInput = {
            library: DEFAULT_DRUG_LIBRARY,
            ...iv,
            weightKg,
            rate: { value: rateMgPerKgPerH, unit: 'mg/kg/h' },
          };
          const result = checkDose(input);
          if (rateMgPerKgPerH > 1.5 * (1 + 1e-9)) expect(result.verdict).toBe('hard');
          const worst = result.violations.some((v) => v.severity === 'hard') ? 'hard' : result.violations.length ? 'soft' : 'ok';
          expect(result.verdict).toBe(worst);
        },
      ),
    );
  });

  it('gives the same verdict for the same rate in mg/kg/h and mcg/kg/min', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 5, noNaN: true }), (rate) => {
        const a = checkDose({ library: DEFAULT_DRUG_LIBRARY, ...iv, rate: { value: rate, unit: 'mg/kg/h' } });
        const b = checkDose({ library: DEFAULT_DRUG_LIBRARY, ...iv, rate: { value: (rate * 1000) / 60, unit: 'mcg/kg/min' } });
        expect(b.verdict).toBe(a.verdict);
      }),
    );
  });
});
