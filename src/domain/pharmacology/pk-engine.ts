import type { Propagator } from './linear-system.ts';
import type { DispositionParameters } from './pk-models.ts';
import { buildPkSystem, createPropagatorCache, findInputIndex, type PkSystem, sumAmountsMg } from './pk-system.ts';
import type { ResolvedInput } from './regimen.ts';

/**
 * Exact piecewise solution of the linear PK system for any sequence of boluses and zero-order inputs: between
 * breakpoints the input is constant, so x(t + dt) = exp(A dt) x(t) + Phi(dt) u exactly (matrix exponential with
 * superposition, issue 3 item 4). No fixed-step integration error; cost is one small mat-vec per output time.
 */

export interface Trajectory {
  timesMin: Float64Array;
  plasmaNgPerMl: Float64Array;
  /** Present when the model has ke0. */
  effectSiteNgPerMl?: Float64Array;
  /** Bioavailable amount (mg) that entered the body (central compartment or depots) up to the last time. */
  bioavailableInputMg: number;
  /** Drug remaining in the body and depots (mg) at the last time. */
  amountInBodyMg: number;
  /** Exact area under the plasma curve from 0 to the last time (ng*h/mL), from mass balance: eliminated / CL. */
  aucNgHPerMl: number;
}

type InstantInput = Extract<ResolvedInput, { kind: 'instant' }>;

interface Breakpoint {
  timeMin: number;
  instants: InstantInput[];
}

// Two times closer than this (relative to the step) are the same instant: grid times are k * step in doubles.
const SAME_TIME_TOLERANCE = 1e-9;

function collectBreakpoints(inputs: readonly ResolvedInput[]): Breakpoint[] {
  const byTime = new Map<number, Breakpoint>();
  const at = (timeMin: number) => {
    let bp = byTime.get(timeMin);
    if (!bp) {
      bp = { timeMin, instants: [] };
      byTime.set(timeMin, bp);
    }
    return bp;
  };
  for (const input of inputs) {
    if (input.kind === 'instant') at(input.atMin).instants.push(input);
    else {
      at(input.startMin);
      at(input.endMin);
    }
  }
  return [...byTime.values()].sort((a, b) => a.timeMin - b.timeMin);
}

function computeRates(system: PkSystem, inputs: readonly ResolvedInput[], fromMin: number, rates: Float64Array): void {
  rates.fill(0);
  for (const input of inputs) {
    if (input.kind === 'zero-order' && input.startMin <= fromMin && input.endMin > fromMin) {
      rates[findInputIndex(system, input)]! += input.rateMgPerMin * input.bioavailability;
    }
  }
}

function computeBioavailableInputMg(inputs: readonly ResolvedInput[], untilMin: number): number {
  let total = 0;
  for (const input of inputs) {
    if (input.kind === 'instant') {
      if (input.atMin <= untilMin) total += input.amountMg * input.bioavailability;
    } else {
      const overlap = Math.max(0, Math.min(input.endMin, untilMin) - input.startMin);
      total += input.rateMgPerMin * overlap * input.bioavailability;
    }
  }
  return total;
}

/** One step: state = E state + Phi rates (scratch holds the old state). */
function step(p: Propagator, state: Float64Array, forcing: Float64Array, scratch: Float64Array): void {
  const n = p.n;
  scratch.set(state);
  const e = p.transition;
  for (let i = 0; i < n; i++) {
    let sum = forcing[i]!;
    for (let j = 0; j < n; j++) sum += e[i * n + j]! * scratch[j]!;
    state[i] = sum;
  }
}

function computeForcing(p: Propagator, rates: Float64Array, out: Float64Array): void {
  const n = p.n;
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < n; j++) sum += p.inputIntegral[i * n + j]! * rates[j]!;
    out[i] = sum;
  }
}

/** Plasma (and effect-site) concentrations at ascending times >= 0 for resolved inputs; a time that falls on a
 *  bolus reports the value just after it. Exact linear-system solution (issue 3 item 4; DOMAIN.md 5). */
export function simulateTrajectory(params: DispositionParameters, inputs: readonly ResolvedInput[], timesMin: Float64Array): Trajectory {
  const kaValues = inputs.filter((i) => i.route !== 'iv').map((i) => i.kaPerMin!);
  const system = buildPkSystem(params, kaValues, true);
  const propagatorFor = createPropagatorCache(system);
  const n = system.n;
  const state = new Float64Array(n);
  const scratch = new Float64Array(n);
  const rates = new Float64Array(n);
  const forcing = new Float64Array(n);
  const plasma = new Float64Array(timesMin.length);
  const effect = system.effectIndex >= 0 ? new Float64Array(timesMin.length) : undefined;
  const breakpoints = collectBreakpoints(inputs);
  let bp = 0;
  let now = 0;
  let current: Propagator | undefined;
  let ratesChanged = true;
  const advanceTo = (target: number) => {
    const dt = target - now;
    if (dt <= 0) return;
    if (!current || Math.abs(dt - current.dtMin) > 1e-12 * dt) {
      current = propagatorFor(dt);
      ratesChanged = true;
    }
    if (ratesChanged) computeForcing(current, rates, forcing);
    ratesChanged = false;
    step(current, state, forcing, scratch);
    now = target;
  };
  for (let k = 0; k < timesMin.length; k++) {
    const tk = timesMin[k]!;
    const tolerance = SAME_TIME_TOLERANCE * Math.max(1e-3, tk - now);
    while (bp < breakpoints.length && breakpoints[bp]!.timeMin <= tk + tolerance) {
      const b = breakpoints[bp]!;
      const at = Math.abs(b.timeMin - tk) <= tolerance ? tk : b.timeMin;
      advanceTo(at);
      for (const instant of b.instants) state[findInputIndex(system, instant)]! += instant.amountMg * instant.bioavailability;
      computeRates(system, inputs, b.timeMin, rates);
      ratesChanged = true;
      bp++;
    }
    advanceTo(tk);
    plasma[k] = (state[0]! / system.centralVolumeL) * 1000;
    if (effect) effect[k] = state[system.effectIndex]! * 1000;
  }
  const last = timesMin.length > 0 ? timesMin[timesMin.length - 1]! : 0;
  const bioavailableInputMg = computeBioavailableInputMg(inputs, last);
  const amountInBodyMg = sumAmountsMg(system, state);
  const aucNgHPerMl = (((bioavailableInputMg - amountInBodyMg) / system.clearanceLPerMin) * 1000) / 60;
  return { timesMin, plasmaNgPerMl: plasma, effectSiteNgPerMl: effect, bioavailableInputMg, amountInBodyMg, aucNgHPerMl };
}

/** The uniform grid 0, step, ..., until (until a multiple of step; the caller checks) as k * step. */
export function buildTimeGrid(untilMin: number, stepMin: number): Float64Array {
  const count = Math.round(untilMin / stepMin) + 1;
  const times = new Float64Array(count);
  for (let k = 0; k < count; k++) times[k] = k * stepMin;
  return times;
}
