import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeMacroConstants, evaluateUnitAbsorption, evaluateUnitBolus } from './closed-form.ts';
import { buildTimeGrid, simulateTrajectory } from './pk-engine.ts';
import { type DispositionParameters, findPkModel } from './pk-models.ts';
import type { ResolvedInput } from './regimen.ts';

const oneCompartment: DispositionParameters = { centralVolumeL: 10, clearanceLPerMin: 1, peripherals: [] };
const kamp70 = findPkModel('kamp-2020')!.computeParameters({ weightKg: 70 });
const domino70 = findPkModel('domino')!.computeParameters({ weightKg: 70 });

const iv = { route: 'iv', bioavailability: 1 } as const;
const times = (...values: number[]) => Float64Array.from(values);

describe('closed-form one-compartment cases', () => {
  // C = D/V exp(-CL/V t); textbook one-compartment bolus (Gibaldi & Perrier ch. 1).
  it.each([0, 1, 5, 10, 30, 60])('matches D/V exp(-kt) after an IV bolus at t = %d min', (t) => {
    const result = simulateTrajectory(oneCompartment, [{ kind: 'instant', atMin: 0, amountMg: 100, ...iv }], times(t));
    expect(result.plasmaNgPerMl[0]).toBeCloseTo(10_000 * Math.exp(-0.1 * t), 8);
  });

  // C = R/CL (1 - exp(-kt)) during, then decays (Gibaldi & Perrier ch. 2).
  it.each([5, 20, 60, 90])('matches R/CL (1 - exp(-kt)) for a 60 min infusion at t = %d min', (t) => {
    const input: ResolvedInput = { kind: 'zero-order', startMin: 0, endMin: 60, rateMgPerMin: 2, ...iv };
    const during = (x: number) => 2000 * (1 - Math.exp(-0.1 * x));
    const expected = t <= 60 ? during(t) : during(60) * Math.exp(-0.1 * (t - 60));
    expect(simulateTrajectory(oneCompartment, [input], times(t)).plasmaNgPerMl[0]).toBeCloseTo(expected, 8);
  });

  // Bateman function F D ka / (V (ka - k)) (exp(-kt) - exp(-ka t)).
  it.each([1, 10, 45, 120])('matches the Bateman function for an oral dose at t = %d min', (t) => {
    const input: ResolvedInput = { kind: 'instant', atMin: 0, amountMg: 50, route: 'oral', bioavailability: 0.2, kaPerMin: 0.05 };
    const expected = ((0.2 * 50 * 0.05) / (10 * (0.05 - 0.1))) * (Math.exp(-0.1 * t) - Math.exp(-0.05 * t)) * 1000;
    expect(simulateTrajectory(oneCompartment, [input], times(t)).plasmaNgPerMl[0]).toBeCloseTo(expected, 8);
  });
});

describe('effect site', () => {
  // One compartment with ke0: Ce = D/V ke0/(ke0 - k) (exp(-kt) - exp(-ke0 t)) (Sheiner 1979 effect compartment).
  it.each([0.5, 2, 10, 45])('matches the closed form at t = %d min', (t) => {
    const params = { ...oneCompartment, ke0PerMin: 0.5 };
    const result = simulateTrajectory(params, [{ kind: 'instant', atMin: 0, amountMg: 100, ...iv }], times(t));
    const expected = 10_000 * (0.5 / (0.5 - 0.1)) * (Math.exp(-0.1 * t) - Math.exp(-0.5 * t));
    expect(result.effectSiteNgPerMl?.[0]).toBeCloseTo(expected, 7);
  });

  it('equilibrates with plasma during a long infusion and is absent without ke0', () => {
    const input: ResolvedInput = { kind: 'zero-order', startMin: 0, endMin: 1e5, rateMgPerMin: 0.5, ...iv };
    const result = simulateTrajectory(kamp70, [input], times(20_000));
    expect(result.effectSiteNgPerMl?.[0]).toBeCloseTo(result.plasmaNgPerMl[0]!, 6);
    const hornik = findPkModel('hornik-2018')!.computeParameters({ weightKg: 60 });
    expect(simulateTrajectory(hornik, [input], times(10)).effectSiteNgPerMl).toBeUndefined();
  });
});

describe('output times', () => {
  it('gives the same values on an irregular time list as one time at a time', () => {
    const inputs: ResolvedInput[] = [
      { kind: 'instant', atMin: 3.3, amountMg: 20, ...iv },
      { kind: 'zero-order', startMin: 7.25, endMin: 61.5, rateMgPerMin: 0.4, ...iv },
    ];
    const list = Float64Array.of(0, 0.1, 3.3, 3.31, 5, 7.25, 30, 30.5, 61.5, 62, 200);
    const together = simulateTrajectory(domino70, inputs, list).plasmaNgPerMl;
    list.forEach((t, k) => {
      expect(together[k]).toBeCloseTo(simulateTrajectory(domino70, inputs, times(t)).plasmaNgPerMl[0]!, 8);
    });
  });
});

describe('multi-compartment closed form', () => {
  it('agrees with the sum of exponentials for Kamp and Domino boluses and absorption', () => {
    for (const params of [kamp70, domino70]) {
      const macro = computeMacroConstants(params);
      const grid = buildTimeGrid(600, 7.5);
      const bolus = simulateTrajectory(params, [{ kind: 'instant', atMin: 0, amountMg: 35, ...iv }], grid);
      const oral = simulateTrajectory(
        params,
        [{ kind: 'instant', atMin: 0, amountMg: 50, route: 'oral', bioavailability: 0.23, kaPerMin: 0.0094 }],
        grid,
      );
      grid.forEach((t, k) => {
        expect(bolus.plasmaNgPerMl[k]).toBeCloseTo(35_000 * evaluateUnitBolus(macro, t), 7);
        expect(oral.plasmaNgPerMl[k]).toBeCloseTo(0.23 * 50_000 * evaluateUnitAbsorption(macro, 0.0094, t), 7);
      });
    }
  });

  it('reports the value just after a bolus that falls exactly on an output time', () => {
    const result = simulateTrajectory(domino70, [{ kind: 'instant', atMin: 30, amountMg: 24.5, ...iv }], buildTimeGrid(60, 1));
    expect(result.plasmaNgPerMl[29]).toBe(0);
    expect(result.plasmaNgPerMl[30]).toBeCloseTo((24.5 / 4.41) * 1000, 6);
  });

  it('approaches Css = R / CL during a long infusion (Kamp: 0.5 mg/kg/h at 70 kg ~ 443 ng/mL, DOMAIN.md 5.3 [D])', () => {
    const rate = (0.5 * 70) / 60;
    const result = simulateTrajectory(kamp70, [{ kind: 'zero-order', startMin: 0, endMin: 1e5, rateMgPerMin: rate, ...iv }], times(20_000));
    // DOMAIN.md 5.3 uses the meta-analytic CL 79 L/h (443 ng/mL); the SimTIVA model has CL 84 L/h: 35/84 mg/L.
    expect(result.plasmaNgPerMl[0]).toBeCloseTo((35 / 84) * 1000, 3);
  });
});

/** Independent reference: classic RK4 on the compartment ODEs written out by hand, stopping at every breakpoint. */
function integrateReference(params: DispositionParameters, inputs: ResolvedInput[], until: number, h: number): number {
  const v1 = params.centralVolumeL;
  const p = params.peripherals;
  const depotKa = inputs.filter((i) => i.route !== 'iv').map((i) => i.kaPerMin!);
  const size = 1 + p.length + depotKa.length;
  const rhs = (x: number[], t: number) => {
    const dx = new Array<number>(size).fill(0);
    dx[0] = (-params.clearanceLPerMin / v1) * x[0]!;
    p.forEach((c, j) => {
      const flow = (c.clearanceLPerMin / v1) * x[0]! - (c.clearanceLPerMin / c.volumeL) * x[1 + j]!;
      dx[0]! -= flow;
      dx[1 + j] = flow;
    });
    depotKa.forEach((ka, d) => {
      dx[1 + p.length + d] = -ka * x[1 + p.length + d]!;
      dx[0]! += ka * x[1 + p.length + d]!;
    });
    for (const input of inputs) {
      if (input.kind === 'zero-order' && t >= input.startMin && t < input.endMin) {
        const index = input.route === 'iv' ? 0 : 1 + p.length + depotKa.indexOf(input.kaPerMin!);
        dx[index]! += input.rateMgPerMin * input.bioavailability;
      }
    }
    return dx;
  };
  const stops = [...new Set(inputs.flatMap((i) => (i.kind === 'instant' ? [i.atMin] : [i.startMin, i.endMin])).concat([0, until]))]
    .filter((t) => t <= until)
    .sort((a, b) => a - b);
  let x = new Array<number>(size).fill(0);
  for (let s = 0; s < stops.length; s++) {
    const t0 = stops[s]!;
    for (const input of inputs) {
      if (input.kind === 'instant' && input.atMin === t0) {
        const index = input.route === 'iv' ? 0 : 1 + p.length + depotKa.indexOf(input.kaPerMin!);
        x[index]! += input.amountMg * input.bioavailability;
      }
    }
    const t1 = stops[s + 1] ?? t0;
    const n = Math.max(1, Math.ceil((t1 - t0) / h));
    const dt = (t1 - t0) / n;
    for (let k = 0; k < n && t1 > t0; k++) {
      const t = t0 + k * dt;
      // Evaluate rates at the step midpoint so a step never straddles an input change (stops are breakpoints).
      const tm = t + dt / 2;
      const k1 = rhs(x, tm);
      const k2 = rhs(
        x.map((v, i) => v + (dt / 2) * k1[i]!),
        tm,
      );
      const k3 = rhs(
        x.map((v, i) => v + (dt / 2) * k2[i]!),
        tm,
      );
      const k4 = rhs(
        x.map((v, i) => v + dt * k3[i]!),
        tm,
      );
      x = x.map((v, i) => v + (dt / 6) * (k1[i]! + 2 * k2[i]! + 2 * k3[i]! + k4[i]!));
    }
  }
  return (x[0]! / v1) * 1000;
}

const routeArb = fc.constantFrom<ResolvedInput['route']>('iv', 'oral', 'sl', 'im', 'sc');
interface Target {
  route: ResolvedInput['route'];
  bioavailability: number;
  kaPerMin?: number;
}
const targetArb: fc.Arbitrary<Target> = routeArb.chain(
  (route): fc.Arbitrary<Target> =>
    route === 'iv'
      ? fc.constant({ route, bioavailability: 1 })
      : fc.record({
          route: fc.constant(route),
          bioavailability: fc.double({ min: 0.1, max: 1, noNaN: true }),
          kaPerMin: fc.constantFrom(0.0094, 0.025, 0.3),
        }),
);
const inputArb: fc.Arbitrary<ResolvedInput> = fc.oneof(
  fc
    .record({
      kind: fc.constant('instant' as const),
      atMin: fc.integer({ min: 0, max: 180 }),
      amountMg: fc.double({ min: 1, max: 100, noNaN: true }),
    })
    .chain((b) => targetArb.map((t) => ({ ...b, ...t }))),
  fc
    .record({
      startMin: fc.integer({ min: 0, max: 150 }),
      lengthMin: fc.integer({ min: 1, max: 120 }),
      rateMgPerMin: fc.double({ min: 0.01, max: 2, noNaN: true }),
    })
    .chain(({ startMin, lengthMin, rateMgPerMin }) =>
      fc.constantFrom('iv' as const, 'sc' as const).map((route) => ({
        kind: 'zero-order' as const,
        startMin,
        endMin: startMin + lengthMin,
        rateMgPerMin,
        route,
        bioavailability: route === 'iv' ? 1 : 0.8,
        ...(route === 'sc' ? { kaPerMin: 0.05 } : {}),
      })),
    ),
);
const regimenArb = fc.array(inputArb, { minLength: 1, maxLength: 5 });
const modelArb = fc.constantFrom(kamp70, domino70, findPkModel('hornik-2018')!.computeParameters({ weightKg: 60 }));

describe('against an independent RK4 reference on random regimens', () => {
  it('agrees to 1e-6 relative at random times', () => {
    fc.assert(
      fc.property(modelArb, regimenArb, fc.integer({ min: 1, max: 400 }), (params, inputs, until) => {
        const exact = simulateTrajectory(params, inputs, times(until)).plasmaNgPerMl[0]!;
        const reference = integrateReference(params, inputs, until, 0.02);
        expect(Math.abs(exact - reference)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(reference)));
      }),
      { numRuns: 60 },
    );
  });
});

describe('properties', () => {
  const grid = buildTimeGrid(300, 2.5);
  const sim = (params: DispositionParameters, inputs: ResolvedInput[]) => simulateTrajectory(params, inputs, grid).plasmaNgPerMl;

  it('is linear in dose', () => {
    fc.assert(
      fc.property(modelArb, regimenArb, fc.double({ min: 0.1, max: 10, noNaN: true }), (params, inputs, c) => {
        const scaled = inputs.map((i) =>
          i.kind === 'instant' ? { ...i, amountMg: i.amountMg * c } : { ...i, rateMgPerMin: i.rateMgPerMin * c },
        );
        const a = sim(params, inputs);
        const b = sim(params, scaled);
        a.forEach((v, k) => {
          expect(b[k]).toBeCloseTo(v * c, 6);
        });
      }),
      { numRuns: 40 },
    );
  });

  it('superposes events: the response to A and B is the sum of the responses', () => {
    fc.assert(
      fc.property(modelArb, regimenArb, regimenArb, (params, a, b) => {
        const both = sim(params, [...a, ...b]);
        const sa = sim(params, a);
        const sb = sim(params, b);
        both.forEach((v, k) => {
          expect(v).toBeCloseTo(sa[k]! + sb[k]!, 6);
        });
      }),
      { numRuns: 40 },
    );
  });

  it('never goes meaningfully negative', () => {
    fc.assert(
      fc.property(modelArb, regimenArb, (params, inputs) => {
        for (const v of sim(params, inputs)) expect(v).toBeGreaterThanOrEqual(-1e-9);
      }),
      { numRuns: 40 },
    );
  });

  it('is time-invariant: shifting every event shifts the curve', () => {
    fc.assert(
      fc.property(modelArb, regimenArb, fc.integer({ min: 1, max: 20 }), (params, inputs, shiftSteps) => {
        const shift = shiftSteps * 2.5;
        const moved = inputs.map((i) =>
          i.kind === 'instant' ? { ...i, atMin: i.atMin + shift } : { ...i, startMin: i.startMin + shift, endMin: i.endMin + shift },
        );
        const a = sim(params, inputs);
        const b = sim(params, moved);
        for (let k = 0; k + shiftSteps < grid.length; k++) expect(b[k + shiftSteps]).toBeCloseTo(a[k]!, 6);
      }),
      { numRuns: 40 },
    );
  });

  it('balances mass: bioavailable input = CL x AUC (fine trapezoid) + amount left in the body', () => {
    fc.assert(
      fc.property(modelArb, regimenArb, (params, inputs) => {
        const fine = buildTimeGrid(400, 0.01);
        const result = simulateTrajectory(params, inputs, fine);
        let aucMgMinPerL = 0;
        for (let k = 1; k < fine.length; k++) aucMgMinPerL += ((result.plasmaNgPerMl[k - 1]! + result.plasmaNgPerMl[k]!) / 2000) * 0.01;
        const eliminated = aucMgMinPerL * params.clearanceLPerMin;
        // Trapezoid error across bolus jumps is O(step * jump); 0.5 % is far above it and far below any bug.
        expect(eliminated + result.amountInBodyMg).toBeCloseTo(result.bioavailableInputMg, 0);
        expect(Math.abs(eliminated + result.amountInBodyMg - result.bioavailableInputMg)).toBeLessThan(
          5e-3 * result.bioavailableInputMg + 1e-9,
        );
        expect(result.aucNgHPerMl).toBeCloseTo((aucMgMinPerL * 1000) / 60, -1);
      }),
      { numRuns: 20 },
    );
  });
});
