import type { DispositionParameters } from './pk-models.ts';

/**
 * Sums of exponentials for mammillary 1-3 compartment models: the unit-bolus plasma response
 * C(t) = sum_i A_i exp(-lambda_i t) (mg/L per mg). Used for steady-state times, for deriving ka from a published
 * Tmax, and as an independent check of the matrix engine.
 */
export interface MacroConstants {
  /** Disposition rate constants lambda_i (1/min), largest first. */
  lambdasPerMin: number[];
  /** Coefficients A_i (1/L): plasma mg/L per mg given as an IV bolus. */
  coefficientsPerL: number[];
}

function solveDispositionRates(k10: number, k12: number, k21: number, k13: number, k31: number, peripheralCount: number): number[] {
  if (peripheralCount === 0) return [k10];
  if (peripheralCount === 1) {
    const sum = k10 + k12 + k21;
    const root = Math.sqrt(sum * sum - 4 * k10 * k21);
    return [(sum + root) / 2, (sum - root) / 2];
  }
  // Eigenvalues of the 3x3 rate matrix solve l^3 - a2 l^2 + a1 l - a0 = 0 (trigonometric method, three real roots).
  const a2 = k10 + k12 + k13 + k21 + k31;
  const a1 = k10 * k21 + k10 * k31 + k12 * k31 + k13 * k21 + k21 * k31;
  const a0 = k10 * k21 * k31;
  const p = a1 - (a2 * a2) / 3;
  const q = (-2 * a2 ** 3) / 27 + (a2 * a1) / 3 - a0;
  const r = 2 * Math.sqrt(-p / 3);
  const phi = Math.acos(Math.max(-1, Math.min(1, ((3 * q) / (2 * p)) * Math.sqrt(-3 / p)))) / 3;
  const roots = [0, 1, 2].map((k) => r * Math.cos(phi - (2 * Math.PI * k) / 3) + a2 / 3);
  return roots.sort((a, b) => b - a);
}

/** Macro constants of the unit IV bolus response: A_i = (1/V1) prod_j (kj1 - l_i) / prod_{m != i} (l_m - l_i).
 *  Standard result for mammillary models (Gibaldi & Perrier, Pharmacokinetics, 2nd ed., ch. 3). */
export function computeMacroConstants(params: DispositionParameters): MacroConstants {
  const v1 = params.centralVolumeL;
  const k10 = params.clearanceLPerMin / v1;
  const [p2, p3] = params.peripherals;
  const k12 = p2 ? p2.clearanceLPerMin / v1 : 0;
  const k21 = p2 ? p2.clearanceLPerMin / p2.volumeL : 0;
  const k13 = p3 ? p3.clearanceLPerMin / v1 : 0;
  const k31 = p3 ? p3.clearanceLPerMin / p3.volumeL : 0;
  const lambdas = solveDispositionRates(k10, k12, k21, k13, k31, params.peripherals.length);
  const returnRates = [k21, k31].slice(0, params.peripherals.length);
  const coefficients = lambdas.map((li, i) => {
    let numerator = 1;
    for (const kj1 of returnRates) numerator *= kj1 - li;
    let denominator = 1;
    lambdas.forEach((lm, m) => {
      if (m !== i) denominator *= lm - li;
    });
    return numerator / denominator / v1;
  });
  return { lambdasPerMin: lambdas, coefficientsPerL: coefficients };
}

/** Plasma mg/L at tMin after a 1 mg IV bolus at time 0: sum_i A_i exp(-lambda_i t).
 *  Sum of exponentials (Gibaldi & Perrier, Pharmacokinetics, ch. 3). */
export function evaluateUnitBolus(macro: MacroConstants, tMin: number): number {
  let sum = 0;
  macro.lambdasPerMin.forEach((l, i) => {
    sum += macro.coefficientsPerL[i]! * Math.exp(-l * tMin);
  });
  return sum;
}

/** Plasma mg/L at tMin during a 1 mg/min infusion started at 0: sum_i A_i/l_i (1 - exp(-l_i t)).
 *  Superposition of the unit bolus response (Gibaldi & Perrier ch. 3). */
export function evaluateUnitInfusion(macro: MacroConstants, tMin: number): number {
  let sum = 0;
  macro.lambdasPerMin.forEach((l, i) => {
    sum += (macro.coefficientsPerL[i]! / l) * (1 - Math.exp(-l * tMin));
  });
  return sum;
}

/** Plasma mg/L at tMin after 1 mg enters a depot with first-order absorption kaPerMin (F applied by the caller):
 *  sum_i A_i ka / (ka - l_i) (exp(-l_i t) - exp(-ka t)) (Gibaldi & Perrier ch. 3); ka must differ from every l_i. */
export function evaluateUnitAbsorption(macro: MacroConstants, kaPerMin: number, tMin: number): number {
  let sum = 0;
  macro.lambdasPerMin.forEach((l, i) => {
    sum += ((macro.coefficientsPerL[i]! * kaPerMin) / (kaPerMin - l)) * (Math.exp(-l * tMin) - Math.exp(-kaPerMin * tMin));
  });
  return sum;
}

function bisect(f: (x: number) => number, lo: number, hi: number, iterations = 200): number {
  let a = lo;
  let b = hi;
  const fa = f(a);
  for (let i = 0; i < iterations && b - a > 1e-12 * Math.max(1, Math.abs(b)); i++) {
    const mid = (a + b) / 2;
    if (f(mid) * fa > 0) a = mid;
    else b = mid;
  }
  return (a + b) / 2;
}

/** Minutes for a constant-rate infusion to reach 90 % of its steady-state plasma concentration (Css = R/CL).
 *  Derived from the model's sum of exponentials; labelled derived wherever shown (issue 3, item 4). */
export function computeTimeTo90PctSteadyStateMin(params: DispositionParameters): number {
  const macro = computeMacroConstants(params);
  const steady = 1 / params.clearanceLPerMin;
  const slowest = Math.min(...macro.lambdasPerMin);
  return bisect((t) => evaluateUnitInfusion(macro, t) - 0.9 * steady, 0, 50 / slowest);
}

/** Time of the plasma peak (min) after an extravascular dose with first-order absorption kaPerMin.
 *  Golden-section search on the closed-form absorption response (Gibaldi & Perrier ch. 3). */
export function computeTmaxMin(params: DispositionParameters, kaPerMin: number): number {
  const macro = computeMacroConstants(params);
  // The peak lies before the absorption is 99.99 % complete.
  let a = 0;
  let b = Math.log(1e4) / kaPerMin;
  const ratio = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 200 && b - a > 1e-9; i++) {
    const c = b - ratio * (b - a);
    const d = a + ratio * (b - a);
    if (evaluateUnitAbsorption(macro, kaPerMin, c) > evaluateUnitAbsorption(macro, kaPerMin, d)) b = d;
    else a = c;
  }
  return (a + b) / 2;
}

/** The first-order absorption rate (1/min) whose predicted Tmax equals a published Tmax under given disposition.
 *  A derived value, not a published one (DOMAIN.md 15: "ka values implied by these Tmax under Kamp clearance"). */
export function deriveKaFromTmax(params: DispositionParameters, tmaxMin: number): number {
  // Tmax falls as ka rises; search ka on a log scale between 1e-4 and 100 /min.
  const logKa = bisect((x) => computeTmaxMin(params, Math.exp(x) * (1 + 1e-9)) - tmaxMin, Math.log(1e-4), Math.log(100), 100);
  return Math.exp(logKa);
}
