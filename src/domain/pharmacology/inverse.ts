import { computeMacroConstants, evaluateUnitInfusion } from './closed-form.ts';
import { checkDose, type DoseCheckResult } from './dose-check.ts';
import type { DoseLimit, DrugLibrary, LibraryEntry } from './drug-library.ts';
import { findLibraryEntry } from './drug-library.ts';
import { computePropagator } from './linear-system.ts';
import { simulateTrajectory } from './pk-engine.ts';
import { type DispositionParameters, findPkModel } from './pk-models.ts';
import { buildPkSystem } from './pk-system.ts';
import type { FieldIssue, Regimen } from './regimen.ts';
import { resolveRegimen } from './regimen.ts';

/**
 * Inverse problems (issue 3, item 5): the constant rate for a target steady state, and a TCI-style loading +
 * maintenance plan that reaches and holds a target while every step stays inside the drug library's limits.
 */

/** Rate (mg/h) whose steady-state plasma concentration is targetNgPerMl: R = CL x Css (linear kinetics).
 *  DOMAIN.md 5.3 [D]: Css at 0.5 mg/kg/h ~ 0.5 x 70 / 79 with the meta-analytic CL. */
export function computeSteadyStateRateMgPerH(params: DispositionParameters, targetNgPerMl: number): number {
  return params.clearanceLPerMin * 60 * (targetNgPerMl / 1000);
}

export interface TargetPlanInput {
  modelId: string;
  weightKg: number;
  ageYears?: number;
  targetNgPerMl: number;
  /** Accepted relative deviation once the target is reached, e.g. 0.1 for +/-10 %. */
  tolerance: number;
  durationMin: number;
  /** Length of each constant-rate step (a pump is reprogrammed at most this often). */
  stepMin: number;
  library: DrugLibrary;
  productId: string;
  profileId: string;
  givenSessionMg?: number;
  given24hMg?: number;
}

export interface TargetPlan {
  regimen: Regimen;
  bolusMg: number;
  steps: Array<{ startMin: number; endMin: number; rateMgPerH: number }>;
  timesMin: number[];
  plasmaNgPerMl: number[];
  timeToTargetMin: number | null;
  maxDeviationAfterTarget: number | null;
  withinTolerance: boolean;
  /** Library limits that held a step back from the ideal (for example "bolus.softMax"). */
  limitedBy: string[];
  checks: DoseCheckResult[];
  libraryVersion: string;
}

export type TargetPlanOutcome = { ok: true; value: TargetPlan } | { ok: false; issues: FieldIssue[] };

/** The tightest bound of one kind in mg-based units: soft bounds first, so no step needs an override. */
function findCeiling(entry: LibraryEntry, kind: DoseLimit['kind'], weightKg: number, perKgUnit: string): number {
  let ceiling = Number.POSITIVE_INFINITY;
  for (const l of entry.limits.filter((x) => x.kind === kind)) {
    const bound = l.softMax ?? l.hardMax;
    if (bound !== undefined) ceiling = Math.min(ceiling, l.unit === perKgUnit ? bound * weightKg : bound);
  }
  return ceiling;
}

function findFloor(entry: LibraryEntry, kind: DoseLimit['kind'], weightKg: number, perKgUnit: string): number {
  let floor = 0;
  for (const l of entry.limits.filter((x) => x.kind === kind)) {
    const bound = l.softMin ?? l.hardMin;
    if (bound !== undefined) floor = Math.max(floor, l.unit === perKgUnit ? bound * weightKg : bound);
  }
  return floor;
}

function validatePlanInput(input: TargetPlanInput): { issues: FieldIssue[]; entry?: LibraryEntry } {
  const issues: FieldIssue[] = [];
  if (!findPkModel(input.modelId)) issues.push({ field: 'model', message: `unknown model "${input.modelId}"` });
  if (!(input.weightKg >= input.library.weightKgRange.min && input.weightKg <= input.library.weightKgRange.max)) {
    issues.push({
      field: 'weightKg',
      message: `${input.weightKg} is outside ${input.library.weightKgRange.min}-${input.library.weightKgRange.max} kg`,
    });
  }
  if (!(input.targetNgPerMl > 0 && input.targetNgPerMl < 1e4))
    issues.push({ field: 'targetNgPerMl', message: 'must be > 0 and < 10,000 ng/mL' });
  if (!(input.tolerance > 0 && input.tolerance < 1)) issues.push({ field: 'tolerance', message: 'must be a fraction between 0 and 1' });
  if (!(input.stepMin >= 1 && input.durationMin >= input.stepMin))
    issues.push({ field: 'stepMin', message: 'must be >= 1 min and <= durationMin' });
  const { entry } = findLibraryEntry(input.library, input.productId, input.profileId);
  if (!entry)
    return { issues: [...issues, { field: 'product', message: `no entry for ${input.productId} in profile ${input.profileId}` }] };
  if (entry.route !== 'iv' || !entry.modes.includes('rate'))
    issues.push({ field: 'profile', message: 'target plans need an IV entry that allows rates' });
  const maxDuration = findCeiling(entry, 'duration', input.weightKg, 'none');
  if (input.durationMin > maxDuration)
    issues.push({ field: 'durationMin', message: `${input.durationMin} exceeds the library duration limit ${maxDuration} min` });
  return { issues, entry };
}

/** Picks the rate in {0} U [minRate, maxRate] minimising the largest deviation from target over an interval,
 *  where C(t_j) = free_j + R unit_j is linear in R (so the maximum deviation is convex in R). */
function chooseRate(free: Float64Array, unit: Float64Array, target: number, minRate: number, maxRate: number): number {
  const worst = (r: number) => {
    let max = 0;
    for (let j = 0; j < free.length; j++) max = Math.max(max, Math.abs(free[j]! + r * unit[j]! - target));
    return max;
  };
  let lo = minRate;
  let hi = Math.max(minRate, maxRate);
  for (let i = 0; i < 100; i++) {
    const a = lo + (hi - lo) / 3;
    const b = hi - (hi - lo) / 3;
    if (worst(a) <= worst(b)) hi = b;
    else lo = a;
  }
  const best = (lo + hi) / 2;
  return worst(0) < worst(best) ? 0 : best;
}

const roundUp = (value: number, step: number) => Number((Math.ceil(value / step - 1e-9) * step).toFixed(6));
const roundDown = (value: number, step: number) => Number((Math.floor(value / step + 1e-9) * step).toFixed(6));

/** Loading bolus (over 1 min, the label convention) plus piecewise-constant rates chosen interval by interval to
 *  hold the target (TCI-style; Shafer & Gregg, J Pharmacokinet Biopharm 1992;20:147), clamped to library limits. */
export function planTargetControlled(input: TargetPlanInput): TargetPlanOutcome {
  const { issues, entry } = validatePlanInput(input);
  if (issues.length > 0 || !entry) return { ok: false, issues };
  const params = findPkModel(input.modelId)!.computeParameters({ weightKg: input.weightKg, ageYears: input.ageYears });
  const limitedBy = new Set<string>();
  const target = input.targetNgPerMl / 1000;
  const cumulativeRoom = Math.min(
    findCeiling(entry, 'cumulativeSession', input.weightKg, 'mg/kg') - (input.givenSessionMg ?? 0),
    findCeiling(entry, 'cumulative24h', input.weightKg, 'mg/kg') - (input.given24hMg ?? 0),
  );
  const idealBolus = target / evaluateUnitInfusion(computeMacroConstants(params), 1);
  const maxBolus = entry.modes.includes('bolus') ? Math.min(findCeiling(entry, 'bolus', input.weightKg, 'mg/kg'), cumulativeRoom) : 0;
  if (idealBolus > maxBolus) limitedBy.add(maxBolus === 0 ? 'bolus.notAllowed' : 'bolus.softMax');
  // A bolus is drawn from the stock vial: whole syringe graduations only (the library's volume step).
  const stockMgPerMl = findLibraryEntry(input.library, input.productId, input.profileId).product?.concentrationMgPerMl ?? 1;
  const drawStepMg = entry.volumeStepMl * stockMgPerMl;
  const bolusMg = roundDown(Math.min(idealBolus, Math.max(0, maxBolus)), drawStepMg);
  const steps = planRates(input, entry, params, bolusMg, cumulativeRoom - bolusMg, limitedBy);
  return { ok: true, value: verifyPlan(input, bolusMg, steps, [...limitedBy]) };
}

function planRates(
  input: TargetPlanInput,
  entry: LibraryEntry,
  params: DispositionParameters,
  bolusMg: number,
  roomMg: number,
  limitedBy: Set<string>,
) {
  const system = buildPkSystem(params, [], false);
  const n = system.n;
  const samples = 20;
  const sub = computePropagator(system.matrix, n, input.stepMin / samples);
  const state = new Float64Array(n);
  // The bolus runs over the first minute: start the first interval from the state at 1 min.
  const first = computePropagator(system.matrix, n, 1);
  for (let i = 0; i < n; i++) state[i] = first.inputIntegral[i * n]! * bolusMg;
  const maxRate = findCeiling(entry, 'rate', input.weightKg, 'mg/kg/h') / 60;
  const minRate = findFloor(entry, 'rate', input.weightKg, 'mg/kg/h') / 60;
  const steps: Array<{ startMin: number; endMin: number; rateMgPerH: number }> = [];
  let remaining = roomMg;
  for (let start = 1; start < input.durationMin - 1e-9; start += input.stepMin) {
    const end = Math.min(start + input.stepMin, input.durationMin);
    const { free, unit } = sampleInterval(sub, state, samples, system.centralVolumeL);
    const ideal = chooseRate(free, unit, input.targetNgPerMl / 1000, minRate, maxRate);
    const rateMgPerH = clampRate(ideal, { minRate, maxRate, capMgPerMin: Math.max(0, remaining / (end - start)) }, limitedBy);
    remaining -= (rateMgPerH / 60) * (end - start);
    steps.push({ startMin: start, endMin: end, rateMgPerH });
    advanceState(system.matrix, state, end - start, rateMgPerH / 60);
  }
  return steps;
}

/** Applies the rate ceiling, the cumulative cap and pump rounding (0.1 mg/h) to an ideal rate (mg/min), keeping
 *  the result in {0} U [minRate, min(maxRate, cap)]; returns mg/h. Limits from the drug library (DOMAIN.md 13). */
function clampRate(ideal: number, bounds: { minRate: number; maxRate: number; capMgPerMin: number }, limitedBy: Set<string>): number {
  const { minRate, maxRate, capMgPerMin } = bounds;
  let rate = ideal;
  if (rate >= maxRate * (1 - 1e-6)) limitedBy.add('rate.softMax');
  if (rate > capMgPerMin) {
    rate = capMgPerMin >= minRate ? capMgPerMin : 0;
    limitedBy.add('cumulative.softMax');
  }
  const rateMgPerH = roundDown(rate * 60, 0.1);
  // Rounding must not push a rate chosen at the lower limit below it, nor past the cumulative cap.
  if (rateMgPerH > 0 && rateMgPerH < minRate * 60) {
    const up = roundUp(minRate * 60, 0.1);
    return up / 60 <= capMgPerMin ? up : 0;
  }
  return rateMgPerH;
}

/** state <- exp(A dt) state + Phi(dt) e_central rate: exact advance with a constant IV rate (pk-engine.ts). */
function advanceState(matrix: Float64Array, state: Float64Array, dtMin: number, rateMgPerMin: number): void {
  const n = state.length;
  const whole = computePropagator(matrix, n, dtMin);
  const next = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = whole.inputIntegral[i * n]! * rateMgPerMin;
    for (let j = 0; j < n; j++) sum += whole.transition[i * n + j]! * state[j]!;
    next[i] = sum;
  }
  state.set(next);
}

/** Concentrations (mg/L) over one interval without input (free) and per unit rate (unit), at `samples` points. */
function sampleInterval(sub: ReturnType<typeof computePropagator>, state: Float64Array, samples: number, v1: number) {
  const n = sub.n;
  let x = state.slice();
  let u = new Float64Array(n);
  const free = new Float64Array(samples);
  const unit = new Float64Array(samples);
  for (let s = 0; s < samples; s++) {
    const nx = new Float64Array(n);
    const nu = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        nx[i]! += sub.transition[i * n + j]! * x[j]!;
        nu[i]! += sub.transition[i * n + j]! * u[j]!;
      }
      nu[i]! += sub.inputIntegral[i * n]!;
    }
    x = nx;
    u = nu;
    free[s] = x[0]! / v1;
    unit[s] = u[0]! / v1;
  }
  return { free, unit };
}

function verifyPlan(input: TargetPlanInput, bolusMg: number, steps: TargetPlan['steps'], limitedBy: string[]): TargetPlan {
  const events: Regimen['events'] = [];
  if (bolusMg > 0) events.push({ type: 'bolus', atMin: 0, route: 'iv', dose: `${bolusMg.toFixed(1)} mg`, overMin: 1 });
  for (const s of steps) {
    if (s.rateMgPerH > 0)
      events.push({ type: 'infusion', startMin: s.startMin, endMin: s.endMin, route: 'iv', rate: `${s.rateMgPerH.toFixed(1)} mg/h` });
  }
  const regimen: Regimen = { drug: 'ketamine', events };
  const resolved = resolveRegimen(regimen, input.weightKg);
  if (!resolved.ok) throw new Error(`planTargetControlled built an invalid regimen: ${JSON.stringify(resolved.issues)}`);
  const params = findPkModel(input.modelId)!.computeParameters({ weightKg: input.weightKg, ageYears: input.ageYears });
  const times = Float64Array.from({ length: Math.round(input.durationMin * 4) + 1 }, (_, k) => k / 4);
  const plasma = simulateTrajectory(params, resolved.value.inputs, times).plasmaNgPerMl;
  const lower = input.targetNgPerMl * (1 - input.tolerance);
  const reached = plasma.findIndex((c) => c >= lower);
  let maxDeviation: number | null = null;
  if (reached >= 0) {
    maxDeviation = 0;
    for (let k = reached; k < plasma.length; k++) maxDeviation = Math.max(maxDeviation, Math.abs(plasma[k]! / input.targetNgPerMl - 1));
  }
  const checks = buildChecks(input, bolusMg, steps);
  return {
    regimen,
    bolusMg,
    steps,
    timesMin: Array.from(times),
    plasmaNgPerMl: Array.from(plasma),
    timeToTargetMin: reached >= 0 ? times[reached]! : null,
    maxDeviationAfterTarget: maxDeviation,
    withinTolerance: maxDeviation !== null && maxDeviation <= input.tolerance,
    limitedBy,
    checks,
    libraryVersion: input.library.version,
  };
}

function buildChecks(input: TargetPlanInput, bolusMg: number, steps: TargetPlan['steps']): DoseCheckResult[] {
  const common = { library: input.library, productId: input.productId, profileId: input.profileId, weightKg: input.weightKg };
  let givenMg = input.givenSessionMg ?? 0;
  let given24Mg = input.given24hMg ?? 0;
  const checks: DoseCheckResult[] = [];
  if (bolusMg > 0) {
    checks.push(
      checkDose({
        ...common,
        dose: { value: bolusMg, unit: 'mg' },
        givenSession: { value: givenMg, unit: 'mg' },
        given24h: { value: given24Mg, unit: 'mg' },
      }),
    );
    givenMg += bolusMg;
    given24Mg += bolusMg;
  }
  for (const s of steps.filter((x) => x.rateMgPerH > 0)) {
    const durationMin = s.endMin - s.startMin;
    const rate = { value: s.rateMgPerH, unit: 'mg/h' } as const;
    checks.push(
      checkDose({ ...common, rate, durationMin, givenSession: { value: givenMg, unit: 'mg' }, given24h: { value: given24Mg, unit: 'mg' } }),
    );
    givenMg += (s.rateMgPerH * durationMin) / 60;
    given24Mg += (s.rateMgPerH * durationMin) / 60;
  }
  return checks;
}
