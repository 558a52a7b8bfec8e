import { CONCENTRATION_BANDS } from './concentration-bands.ts';
import { type DispositionParameters, ESKETAMINE_NO_MODEL, findPkModel } from './pk-models.ts';
import { type SimulationRequest, validateSimulationRequest } from './pk-simulation.ts';
import { compileSchedule, runSubject, type Schedule } from './population-kernel.ts';
import { createSeededRandom, type SeededRandom, sampleLogNormalFactor } from './prng.ts';
import type { FieldIssue } from './regimen.ts';
import { resolveRegimen } from './regimen.ts';

/**
 * Population Monte Carlo (issue 3, item 6): log-normal inter-individual variability on the model parameters,
 * seeded and reproducible; 5/50/95 percentile curves and the probability that the peak enters each band.
 * Pure input -> output and structured-clone friendly, so the HTTP layer can run it in a worker thread.
 */

/** Coefficients of variation (fractions, e.g. 0.3 = 30 %). DOMAIN.md 5 holds no published inter-individual
 *  variability for these models, so every value is a clinic-set assumption and is reported as one. */
export interface Variability {
  clearance?: number;
  centralVolume?: number;
  peripheralVolumes?: number;
  interCompartmentalClearances?: number;
  absorptionRate?: number;
}

export interface PopulationInput extends Omit<SimulationRequest, 'untilMin' | 'stepMin'> {
  untilMin: number;
  stepMin: number;
  /** Percentile curve resolution; a multiple of stepMin (default stepMin). */
  reportEveryMin?: number;
  subjects: number;
  seed: number;
  variability: Variability;
}

export interface PopulationResult {
  model: string;
  weightKg: number;
  subjects: number;
  seed: number;
  timesMin: number[];
  percentiles: { p5: number[]; p50: number[]; p95: number[] };
  cmaxPercentilesNgPerMl: { p5: number; p50: number; p95: number };
  /** Share of subjects whose peak (at step resolution) reaches each band's lower bound. */
  bandExceedance: Array<{ bandId: string; lowerNgPerMl: number; probability: number }>;
  pointsSimulated: number;
  assumptions: string[];
  warnings: string[];
}

export type PopulationOutcome = { ok: true; value: PopulationResult } | { ok: false; issues: FieldIssue[] };

export const MAX_SUBJECTS = 100_000;
export const MAX_REPORT_CELLS = 50_000_000;
/** Subjects x time points per request (~10 s on one core at the measured ~100 M points/s). */
export const MAX_POPULATION_POINTS = 1_000_000_000;
const SUBJECT_BLOCK = 256;

const VARIABILITY_LABELS: Record<keyof Variability, string> = {
  clearance: 'elimination clearance',
  centralVolume: 'central volume',
  peripheralVolumes: 'peripheral volumes',
  interCompartmentalClearances: 'inter-compartmental clearances',
  absorptionRate: 'absorption rate ka',
};

function validatePopulation(input: PopulationInput, issues: FieldIssue[]): number {
  if (!Number.isInteger(input.subjects) || input.subjects < 1 || input.subjects > MAX_SUBJECTS) {
    issues.push({ field: 'subjects', message: `must be a whole number from 1 to ${MAX_SUBJECTS}` });
  }
  if (!Number.isInteger(input.seed) || input.seed < 0 || input.seed > 0xffffffff)
    issues.push({ field: 'seed', message: 'must be an integer 0-4294967295' });
  for (const [key, cv] of Object.entries(input.variability ?? {})) {
    if (!(key in VARIABILITY_LABELS)) issues.push({ field: `variability.${key}`, message: 'unknown parameter' });
    else if (typeof cv !== 'number' || !(cv >= 0 && cv <= 2))
      issues.push({ field: `variability.${key}`, message: 'must be a CV fraction 0-2' });
  }
  if (input.subjects * (input.untilMin / input.stepMin + 1) > MAX_POPULATION_POINTS) {
    issues.push({
      field: 'subjects',
      message: `subjects x time points exceeds ${MAX_POPULATION_POINTS}; use fewer subjects or a longer step`,
    });
  }
  const reportEveryMin = input.reportEveryMin ?? input.stepMin;
  const ratio = reportEveryMin / input.stepMin;
  const every = Math.round(ratio);
  if (!(every >= 1) || Math.abs(ratio - every) > 1e-9 * ratio) {
    issues.push({ field: 'reportEveryMin', message: `${reportEveryMin} must be a multiple of stepMin ${input.stepMin}` });
  } else if ((Math.round(input.untilMin / reportEveryMin) + 1) * input.subjects > MAX_REPORT_CELLS) {
    issues.push({ field: 'reportEveryMin', message: `subjects x report times exceeds ${MAX_REPORT_CELLS}; report less often` });
  }
  return every;
}

/** One subject's parameters: each typical value times exp(eta), eta ~ N(0, ln(1 + CV^2)) (NONMEM convention).
 *  CVs are clinic-set assumptions (no published IIV in DOMAIN.md 5). */
export function sampleSubjectParameters(
  typical: DispositionParameters,
  variability: Variability,
  random: SeededRandom,
): DispositionParameters {
  const cl = sampleLogNormalFactor(random, variability.clearance ?? 0);
  const v1 = sampleLogNormalFactor(random, variability.centralVolume ?? 0);
  return {
    centralVolumeL: typical.centralVolumeL * v1,
    clearanceLPerMin: typical.clearanceLPerMin * cl,
    peripherals: typical.peripherals.map((p) => ({
      volumeL: p.volumeL * sampleLogNormalFactor(random, variability.peripheralVolumes ?? 0),
      clearanceLPerMin: p.clearanceLPerMin * sampleLogNormalFactor(random, variability.interCompartmentalClearances ?? 0),
    })),
  };
}

/** In-place selection of the k-th smallest value (Hoare quickselect), then linear interpolation between order
 *  statistics (Hyndman & Fan 1996 type 7, the R default). Reorders the array. */
export function computePercentileInPlace(values: Float32Array | Float64Array, fraction: number): number {
  const position = fraction * (values.length - 1);
  const lower = Math.floor(position);
  const low = selectKth(values, lower);
  if (lower === position) return low;
  let next = Number.POSITIVE_INFINITY;
  for (let i = lower + 1; i < values.length; i++) if (values[i]! < next) next = values[i]!;
  return low + (position - lower) * (next - low);
}

function selectKth(a: Float32Array | Float64Array, k: number): number {
  let left = 0;
  let right = a.length - 1;
  while (right > left) {
    const pivot = a[(left + right) >> 1]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return a[k]!;
  }
  return a[k]!;
}

function summarise(input: PopulationInput, schedule: Schedule, reports: Float32Array, peaks: Float64Array, reportCount: number) {
  const subjects = input.subjects;
  const p5: number[] = [];
  const p50: number[] = [];
  const p95: number[] = [];
  for (let r = 0; r < reportCount; r++) {
    const column = reports.subarray(r * subjects, (r + 1) * subjects);
    p5.push(computePercentileInPlace(column, 0.05));
    p50.push(computePercentileInPlace(column, 0.5));
    p95.push(computePercentileInPlace(column, 0.95));
  }
  const bandExceedance = CONCENTRATION_BANDS.filter((b) => b.lowerNgPerMl > 0).map((band) => {
    let count = 0;
    for (let i = 0; i < subjects; i++) if (peaks[i]! >= band.lowerNgPerMl) count++;
    return { bandId: band.id, lowerNgPerMl: band.lowerNgPerMl, probability: count / subjects };
  });
  const sortedPeaks = peaks.slice();
  const cmax = {
    p5: computePercentileInPlace(sortedPeaks, 0.05),
    p50: computePercentileInPlace(sortedPeaks, 0.5),
    p95: computePercentileInPlace(sortedPeaks, 0.95),
  };
  return { percentiles: { p5, p50, p95 }, bandExceedance, cmax, pointsSimulated: subjects * (schedule.steps + 1) };
}

function describeAssumptions(variability: Variability): string[] {
  return (Object.keys(VARIABILITY_LABELS) as Array<keyof Variability>).map((key) => {
    const cv = variability[key];
    return cv === undefined || cv === 0
      ? `no variability on ${VARIABILITY_LABELS[key]} (no published value in DOMAIN.md 5; none set)`
      : `CV ${Math.round(cv * 1000) / 10} % on ${VARIABILITY_LABELS[key]}: clinic-set assumption, no published value in DOMAIN.md 5`;
  });
}

/** Runs every subject in blocks written subject-major (sequential writes), then transposed to time-major
 *  columns for the percentiles. Parameters are drawn in subject order, so a seed fixes the whole population. */
function runSubjects(
  input: PopulationInput,
  typical: DispositionParameters,
  schedule: Schedule,
  reportEvery: number,
  reports: Float32Array,
  peaks: Float64Array,
): void {
  const reportCount = reports.length / input.subjects;
  const random = createSeededRandom(input.seed);
  const block = new Float32Array(SUBJECT_BLOCK * reportCount);
  for (let first = 0; first < input.subjects; first += SUBJECT_BLOCK) {
    const size = Math.min(SUBJECT_BLOCK, input.subjects - first);
    for (let b = 0; b < size; b++) {
      const params = sampleSubjectParameters(typical, input.variability, random);
      const kaFactor = sampleLogNormalFactor(random, input.variability.absorptionRate ?? 0);
      peaks[first + b] = runSubject(params, kaFactor, schedule, reportEvery, block, b * reportCount, 1);
    }
    for (let r = 0; r < reportCount; r++) {
      const row = r * input.subjects + first;
      for (let b = 0; b < size; b++) reports[row + b] = block[b * reportCount + r]!;
    }
  }
}

/** Monte Carlo over `subjects` virtual patients with the exact per-step propagators (issue 3, item 6).
 *  Reproducible for a given seed; events must fall on the step grid. */
export function simulatePopulation(input: PopulationInput): PopulationOutcome {
  const issues = validateSimulationRequest(input);
  const reportEvery = validatePopulation(input, issues);
  const regimen = resolveRegimen(input.regimen, input.weightKg);
  if (!regimen.ok) issues.push(...regimen.issues.map((i) => ({ field: `regimen.${i.field}`, message: i.message })));
  if (regimen.ok && regimen.value.drug === 'esketamine') issues.push({ field: 'regimen.drug', message: ESKETAMINE_NO_MODEL });
  const compiled = regimen.ok && issues.length === 0 ? compileSchedule(regimen.value.inputs, input.untilMin, input.stepMin) : undefined;
  if (compiled && !compiled.ok) issues.push(compiled.issue);
  if (issues.length > 0 || !compiled?.ok || !regimen.ok) return { ok: false, issues };
  const model = findPkModel(input.modelId)!;
  const typical = model.computeParameters({ weightKg: input.weightKg, ageYears: input.ageYears, sex: input.sex });
  const schedule = compiled.value;
  const reportCount = Math.floor(schedule.steps / reportEvery) + 1;
  const reports = new Float32Array(reportCount * input.subjects);
  const peaks = new Float64Array(input.subjects);
  runSubjects(input, typical, schedule, reportEvery, reports, peaks);
  const summary = summarise(input, schedule, reports, peaks, reportCount);
  const timesMin = Array.from({ length: reportCount }, (_, r) => r * reportEvery * input.stepMin);
  return {
    ok: true,
    value: {
      model: model.id,
      weightKg: input.weightKg,
      subjects: input.subjects,
      seed: input.seed,
      timesMin,
      percentiles: summary.percentiles,
      cmaxPercentilesNgPerMl: summary.cmax,
      bandExceedance: summary.bandExceedance,
      pointsSimulated: summary.pointsSimulated,
      assumptions: [...describeAssumptions(input.variability), 'peaks are read at step resolution; bands are derived (DOMAIN.md 6)'],
      warnings: regimen.value.notes,
    },
  };
}
