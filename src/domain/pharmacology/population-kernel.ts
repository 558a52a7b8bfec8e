import { computePropagator } from './linear-system.ts';
import type { DispositionParameters } from './pk-models.ts';
import { isMultipleOf } from './pk-simulation.ts';
import { buildPkSystem } from './pk-system.ts';
import type { FieldIssue, ResolvedInput } from './regimen.ts';

/**
 * The hot loop of the population simulation: one precomputed exact propagator per subject for the grid step,
 * typed arrays, no allocation per point (issue 3, "Performance"). Inputs are compiled once onto the step grid.
 */

export interface Schedule {
  stepMin: number;
  steps: number;
  /** Distinct absorption rates, one depot each; slot 0 is the central compartment, slot j + 1 is depot j. */
  baseKa: number[];
  instants: Array<{ step: number; slot: number; amountMg: number }>;
  /** Rate (mg/min, F applied) per slot from this step until the next segment. */
  segments: Array<{ step: number; ratesBySlot: Float64Array }>;
}

/** Places resolved inputs on the grid k * stepMin (F applied) for the population loop.
 *  An input off the grid is a field error, never rounded (issue 3, "nothing is computed from a guess"). */
export function compileSchedule(
  inputs: readonly ResolvedInput[],
  untilMin: number,
  stepMin: number,
): { ok: true; value: Schedule } | { ok: false; issue: FieldIssue } {
  const baseKa = [...new Set(inputs.filter((i) => i.route !== 'iv').map((i) => i.kaPerMin!))];
  const slotOf = (input: ResolvedInput) => (input.route === 'iv' ? 0 : 1 + baseKa.indexOf(input.kaPerMin!));
  const steps = Math.round(untilMin / stepMin);
  const times = inputs.flatMap((i) => (i.kind === 'instant' ? [i.atMin] : [i.startMin, i.endMin]));
  const off = times.find((t) => !isMultipleOf(t, stepMin) && t !== 0);
  if (off !== undefined) {
    return {
      ok: false,
      issue: {
        field: 'regimen',
        message: `event time ${off} min is not a multiple of stepMin ${stepMin} (population runs on the step grid)`,
      },
    };
  }
  const toStep = (t: number) => Math.round(t / stepMin);
  const instants = inputs
    .filter((i) => i.kind === 'instant' && toStep(i.atMin) <= steps)
    .map((i) => (i.kind === 'instant' ? { step: toStep(i.atMin), slot: slotOf(i), amountMg: i.amountMg * i.bioavailability } : undefined)!)
    .sort((a, b) => a.step - b.step);
  const boundaries = [...new Set([0, ...times.map(toStep)])].filter((s) => s <= steps).sort((a, b) => a - b);
  const segments = boundaries.map((step) => {
    const ratesBySlot = new Float64Array(1 + baseKa.length);
    for (const input of inputs) {
      if (input.kind === 'zero-order' && toStep(input.startMin) <= step && toStep(input.endMin) > step) {
        ratesBySlot[slotOf(input)]! += input.rateMgPerMin * input.bioavailability;
      }
    }
    return { step, ratesBySlot };
  });
  return { ok: true, value: { stepMin, steps, baseKa, instants, segments } };
}

interface SubjectSystem {
  n: number;
  transition: Float64Array;
  inputIntegral: Float64Array;
  stateOfSlot: number[];
  scale: number;
}

function prepareSubject(params: DispositionParameters, kaFactor: number, schedule: Schedule): SubjectSystem {
  const kaValues = schedule.baseKa.map((ka) => ka * kaFactor);
  const system = buildPkSystem(params, kaValues, false);
  const propagator = computePropagator(system.matrix, system.n, schedule.stepMin);
  const stateOfSlot = [0, ...kaValues.map((ka) => system.depotIndexByKa.get(ka)!)];
  return {
    n: system.n,
    transition: propagator.transition,
    inputIntegral: propagator.inputIntegral,
    stateOfSlot,
    scale: 1000 / params.centralVolumeL,
  };
}

function computeSegmentForcing(s: SubjectSystem, ratesBySlot: Float64Array, out: Float64Array): void {
  out.fill(0);
  for (let slot = 0; slot < ratesBySlot.length; slot++) {
    const rate = ratesBySlot[slot]!;
    if (rate === 0) continue;
    const column = s.stateOfSlot[slot]!;
    for (let row = 0; row < s.n; row++) out[row]! += s.inputIntegral[row * s.n + column]! * rate;
  }
}

/** Simulates one subject over the schedule, writing plasma ng/mL at every report step r into
 *  out[offset + r * rowStride]; returns the peak at step resolution. Exact propagation (pk-engine.ts). */
export function runSubject(
  params: DispositionParameters,
  kaFactor: number,
  schedule: Schedule,
  reportEvery: number,
  out: Float32Array,
  offset: number,
  rowStride: number,
): number {
  const s = prepareSubject(params, kaFactor, schedule);
  const ivOnlyThreeStates = s.n === 3 && schedule.baseKa.length === 0;
  return ivOnlyThreeStates
    ? runThreeStates(s, schedule, reportEvery, out, offset, rowStride)
    : runAnyStates(s, schedule, reportEvery, out, offset, rowStride);
}

type Nine = [number, number, number, number, number, number, number, number, number];
const zeros = (): [number, number, number, number, number, number] => [0, 0, 0, 0, 0, 0];

function runThreeStates(
  s: SubjectSystem,
  schedule: Schedule,
  reportEvery: number,
  out: Float32Array,
  offset: number,
  rowStride: number,
): number {
  // Locals keep the propagator and state in registers: this loop is the population benchmark's hot path.
  const [e00, e01, e02, e10, e11, e12, e20, e21, e22] = s.transition as unknown as Nine;
  const forcing = new Float64Array(3);
  const scale = s.scale;
  const { steps, instants, segments } = schedule;
  let [x0, x1, x2, w0, w1, w2] = zeros();
  let [peak, nextReport, row, ii, si, k] = zeros();
  while (k <= steps) {
    for (; ii < instants.length && instants[ii]!.step === k; ii++) x0 += instants[ii]!.amountMg; // n = 3: IV only
    if (si < segments.length && segments[si]!.step === k) {
      computeSegmentForcing(s, segments[si]!.ratesBySlot, forcing);
      [w0, w1, w2] = [forcing[0]!, forcing[1]!, forcing[2]!];
      si++;
    }
    const nextInstant = ii < instants.length ? instants[ii]!.step : steps + 1;
    const nextSegment = si < segments.length ? segments[si]!.step : steps + 1;
    const stop = Math.min(nextInstant, nextSegment, steps + 1);
    for (; k < stop; k++) {
      const c = x0 * scale;
      if (c > peak) peak = c;
      if (k === nextReport) {
        out[offset + row * rowStride] = Math.max(c, 0);
        row++;
        nextReport += reportEvery;
      }
      const y0 = e00 * x0 + e01 * x1 + e02 * x2 + w0;
      const y1 = e10 * x0 + e11 * x1 + e12 * x2 + w1;
      x2 = e20 * x0 + e21 * x1 + e22 * x2 + w2;
      x0 = y0;
      x1 = y1;
    }
  }
  return peak;
}

function runAnyStates(
  s: SubjectSystem,
  schedule: Schedule,
  reportEvery: number,
  out: Float32Array,
  offset: number,
  rowStride: number,
): number {
  const { n, transition: e, scale } = s;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const w = new Float64Array(n);
  const { steps, instants, segments } = schedule;
  let peak = 0,
    nextReport = 0,
    row = 0,
    ii = 0,
    si = 0,
    k = 0;
  while (k <= steps) {
    for (; ii < instants.length && instants[ii]!.step === k; ii++) x[s.stateOfSlot[instants[ii]!.slot]!]! += instants[ii]!.amountMg;
    if (si < segments.length && segments[si]!.step === k) computeSegmentForcing(s, segments[si++]!.ratesBySlot, w);
    const nextInstant = ii < instants.length ? instants[ii]!.step : steps + 1;
    const nextSegment = si < segments.length ? segments[si]!.step : steps + 1;
    const stop = Math.min(nextInstant, nextSegment, steps + 1);
    for (; k < stop; k++) {
      const c = x[0]! * scale;
      if (c > peak) peak = c;
      if (k === nextReport) {
        out[offset + row * rowStride] = Math.max(c, 0);
        row++;
        nextReport += reportEvery;
      }
      for (let i = 0; i < n; i++) {
        let sum = w[i]!;
        for (let j = 0; j < n; j++) sum += e[i * n + j]! * x[j]!;
        y[i] = sum;
      }
      x.set(y);
    }
  }
  return peak;
}
