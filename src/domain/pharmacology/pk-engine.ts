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

function computeForcing(p: Propagator, rates: Float64Array, out: Float64Array): void {
  const n = p.n;
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < n; j++) sum += p.inputIntegral[i * n + j]! * rates[j]!;
    out[i] = sum;
  }
}

interface UniformRun {
  propagator: Propagator;
  forcing: Float64Array;
  state: Float64Array;
  scratch: Float64Array;
  timesMin: Float64Array;
  limitMin: number;
  plasma: Float64Array;
  effect: Float64Array | undefined;
  effectIndex: number;
  scale: number;
}

/** The hot loop: consecutive output times one propagator step apart and before the next breakpoint, with no
 *  allocation or closure per point. Returns the index of the first time it did not handle. */
function runUniformSteps(run: UniformRun, first: number): number {
  const { propagator, forcing, state, scratch, timesMin, limitMin, plasma, effect, effectIndex, scale } = run;
  const n = propagator.n;
  const e = propagator.transition;
  const dtMin = propagator.dtMin;
  if (n === 4) return runUniformSteps4(run, first);
  let k = first;
  for (; k < timesMin.length; k++) {
    const t = timesMin[k]!;
    const dt = t - timesMin[k - 1]!;
    if (t + SAME_TIME_TOLERANCE * Math.max(1e-3, dt) >= limitMin || Math.abs(dt - dtMin) > 1e-12 * dt) break;
    for (let i = 0; i < n; i++) {
      let sum = forcing[i]!;
      for (let j = 0; j < n; j++) sum += e[i * n + j]! * state[j]!;
      scratch[i] = sum;
    }
    for (let i = 0; i < n; i++) state[i] = scratch[i]!;
    plasma[k] = state[0]! * scale;
    if (effect) effect[k] = state[effectIndex]! * 1000;
  }
  return k;
}

/** runUniformSteps unrolled for four states (three compartments and the effect site: Kamp, Domino with IV). */
function runUniformSteps4(run: UniformRun, first: number): number {
  const { propagator, forcing: w, state, timesMin, limitMin, plasma, effect, effectIndex, scale } = run;
  const e = propagator.transition;
  const dtMin = propagator.dtMin;
  const [e00, e01, e02, e03, e10, e11, e12, e13, e20, e21, e22, e23, e30, e31, e32, e33] = e as unknown as number[];
  const [w0, w1, w2, w3] = w as unknown as number[];
  let [x0, x1, x2, x3] = state as unknown as number[];
  let k = first;
  for (; k < timesMin.length; k++) {
    const t = timesMin[k]!;
    const dt = t - timesMin[k - 1]!;
    if (t + SAME_TIME_TOLERANCE * Math.max(1e-3, dt) >= limitMin || Math.abs(dt - dtMin) > 1e-12 * dt) break;
    const y0 = e00! * x0! + e01! * x1! + e02! * x2! + e03! * x3! + w0!;
    const y1 = e10! * x0! + e11! * x1! + e12! * x2! + e13! * x3! + w1!;
    const y2 = e20! * x0! + e21! * x1! + e22! * x2! + e23! * x3! + w2!;
    x3 = e30! * x0! + e31! * x1! + e32! * x2! + e33! * x3! + w3!;
    x0 = y0;
    x1 = y1;
    x2 = y2;
    plasma[k] = x0 * scale;
    if (effect) effect[k] = (effectIndex === 3 ? x3 : effectIndex === 2 ? x2 : x1)! * 1000;
  }
  state[0] = x0!;
  state[1] = x1!;
  state[2] = x2!;
  state[3] = x3!;
  return k;
}

/** Plasma (and effect-site) concentrations at ascending times >= 0 for resolved inputs; a time that falls on a
 *  bolus reports the value just after it. Exact linear-system solution (issue 3 item 4; DOMAIN.md 5). */
export function simulateTrajectory(params: DispositionParameters, inputs: readonly ResolvedInput[], timesMin: Float64Array): Trajectory {
  const engine = createEngine(params, inputs);
  const { system, state } = engine;
  const plasma = new Float64Array(timesMin.length);
  const effect = system.effectIndex >= 0 ? new Float64Array(timesMin.length) : undefined;
  const scale = 1000 / system.centralVolumeL;
  const breakpoints = collectBreakpoints(inputs);
  let bp = 0;
  let k = 0;
  while (k < timesMin.length) {
    bp = applyBreakpointsUpTo(engine, breakpoints, bp, timesMin[k]!);
    advanceEngine(engine, timesMin[k]!);
    plasma[k] = state[0]! * scale;
    if (effect) effect[k] = state[system.effectIndex]! * 1000;
    k++;
    if (engine.current && !engine.ratesChanged) {
      const limitMin = bp < breakpoints.length ? breakpoints[bp]!.timeMin : Number.POSITIVE_INFINITY;
      const { current: propagator, forcing, scratch } = engine;
      k = runUniformSteps(
        { propagator, forcing, state, scratch, timesMin, limitMin, plasma, effect, effectIndex: system.effectIndex, scale },
        k,
      );
      engine.now = timesMin[k - 1]!;
    }
  }
  const last = timesMin.length > 0 ? timesMin[timesMin.length - 1]! : 0;
  const bioavailableInputMg = computeBioavailableInputMg(inputs, last);
  const amountInBodyMg = sumAmountsMg(system, state);
  const aucNgHPerMl = (((bioavailableInputMg - amountInBodyMg) / system.clearanceLPerMin) * 1000) / 60;
  return { timesMin, plasmaNgPerMl: plasma, effectSiteNgPerMl: effect, bioavailableInputMg, amountInBodyMg, aucNgHPerMl };
}

/** The state of one simulation between output times. */
interface Engine {
  system: PkSystem;
  inputs: readonly ResolvedInput[];
  propagatorFor: (dtMin: number) => Propagator;
  state: Float64Array;
  scratch: Float64Array;
  rates: Float64Array;
  forcing: Float64Array;
  now: number;
  current: Propagator | undefined;
  ratesChanged: boolean;
}

function createEngine(params: DispositionParameters, inputs: readonly ResolvedInput[]): Engine {
  const kaValues = inputs.filter((i) => i.route !== 'iv').map((i) => i.kaPerMin!);
  const system = buildPkSystem(params, kaValues, true);
  const n = system.n;
  return {
    system,
    inputs,
    propagatorFor: createPropagatorCache(system),
    state: new Float64Array(n),
    scratch: new Float64Array(n),
    rates: new Float64Array(n),
    forcing: new Float64Array(n),
    now: 0,
    current: undefined,
    ratesChanged: true,
  };
}

/** Advances the state exactly from engine.now to target with the current input rates. */
function advanceEngine(engine: Engine, target: number): void {
  const dt = target - engine.now;
  if (dt <= 0) return;
  const current = engine.current;
  if (!current || Math.abs(dt - current.dtMin) > 1e-12 * dt) {
    engine.current = engine.propagatorFor(dt);
    engine.ratesChanged = true;
  }
  const p = engine.current!;
  if (engine.ratesChanged) computeForcing(p, engine.rates, engine.forcing);
  engine.ratesChanged = false;
  const { state, scratch, forcing } = engine;
  scratch.set(state);
  for (let i = 0; i < p.n; i++) {
    let sum = forcing[i]!;
    for (let j = 0; j < p.n; j++) sum += p.transition[i * p.n + j]! * scratch[j]!;
    state[i] = sum;
  }
  engine.now = target;
}

/** Applies every breakpoint at or before tk (a breakpoint within rounding of tk is applied at tk, so the value
 *  reported at tk is the one just after a bolus); returns the index of the next pending breakpoint. */
function applyBreakpointsUpTo(engine: Engine, breakpoints: readonly Breakpoint[], first: number, tk: number): number {
  const tolerance = SAME_TIME_TOLERANCE * Math.max(1e-3, tk - engine.now);
  let bp = first;
  while (bp < breakpoints.length && breakpoints[bp]!.timeMin <= tk + tolerance) {
    const b = breakpoints[bp]!;
    advanceEngine(engine, Math.abs(b.timeMin - tk) <= tolerance ? tk : b.timeMin);
    for (const instant of b.instants) engine.state[findInputIndex(engine.system, instant)]! += instant.amountMg * instant.bioavailability;
    computeRates(engine.system, engine.inputs, b.timeMin, engine.rates);
    engine.ratesChanged = true;
    bp++;
  }
  return bp;
}

/** The uniform grid 0, step, ..., until (minutes) computed as k * step so no rounding accumulates.
 *  until must be a multiple of step (issue 3, item 8); the caller checks. */
export function buildTimeGrid(untilMin: number, stepMin: number): Float64Array {
  const count = Math.round(untilMin / stepMin) + 1;
  const times = new Float64Array(count);
  for (let k = 0; k < count; k++) times[k] = k * stepMin;
  return times;
}
