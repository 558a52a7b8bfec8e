import { describe, expect, it } from 'vitest';
import { ABSORPTION_DEFAULTS } from './absorption.ts';
import { computeTmaxMin, deriveKaFromTmax } from './closed-form.ts';
import { findPkModel } from './pk-models.ts';

const kamp70 = findPkModel('kamp-2020')!.computeParameters({ weightKg: 70 });

describe('absorption defaults (DOMAIN.md 4 and 15)', () => {
  // Published F: oral 23 % (Chong 2006), SL 29 % (Rolan 2014), IM ~93 % (secondary); IN and SC have no single value.
  it.each([
    ['oral', 0.23],
    ['sl', 0.29],
    ['im', 0.93],
    ['in', undefined],
    ['sc', undefined],
  ] as const)('%s bioavailability is %s', (route, f) => {
    expect(ABSORPTION_DEFAULTS[route].bioavailability).toBe(f);
  });

  it.each(['oral', 'sl', 'in', 'im'] as const)('the stored %s ka reproduces its published Tmax under Kamp 2020 at 70 kg', (route) => {
    const { kaPerMin, tmaxMin } = ABSORPTION_DEFAULTS[route];
    expect(kaPerMin).toBeCloseTo(deriveKaFromTmax(kamp70, tmaxMin!), 3);
    expect(Math.abs(computeTmaxMin(kamp70, kaPerMin!) - tmaxMin!) / tmaxMin!).toBeLessThan(0.01);
  });

  it('explains the DOMAIN.md 15 ka values: a one-compartment model (Vd 252 L, CL 79 L/h) with ka 0.04 /min peaks near 0.96 h', () => {
    const oneCompartment = { centralVolumeL: 252, clearanceLPerMin: 79 / 60, peripherals: [] };
    expect(computeTmaxMin(oneCompartment, 0.04) / 60).toBeCloseTo(0.96, 1);
    expect(deriveKaFromTmax(oneCompartment, 45)).toBeCloseTo(0.059, 2);
  });
});
