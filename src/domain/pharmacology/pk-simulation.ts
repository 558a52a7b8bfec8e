import { computeTimeTo90PctSteadyStateMin } from './closed-form.ts';
import { BANDS_NOTE, computeTimeInBands } from './concentration-bands.ts';
import { buildTimeGrid, simulateTrajectory, type Trajectory } from './pk-engine.ts';
import {
  type Covariates,
  checkModelValidity,
  type DispositionParameters,
  ESKETAMINE_NO_MODEL,
  findPkModel,
  PK_MODELS,
  type Sex,
} from './pk-models.ts';
import { type FieldIssue, type ResolvedInput, resolveRegimen } from './regimen.ts';

/**
 * The request-level simulation API (CLI `pk simulate`, HTTP POST /api/pk/simulate): validated covariates and a
 * regimen document in, concentrations at every grid time and a summary out. Pure and structured-clone friendly.
 */

/** Plausible adult weight range for every dose and simulation (issue 3, item 7). */
export const WEIGHT_KG_RANGE = { min: 30, max: 300 } as const;
/** Upper bound on output points per request; protects the server (a 24 h day at 1 s is 86,401). */
export const MAX_POINTS = 1_000_000;

export interface SimulationRequest {
  modelId: string;
  weightKg: number;
  ageYears?: number;
  sex?: Sex;
  regimen: unknown;
  untilMin: number;
  stepMin: number;
}

export interface SimulationSummary {
  cmaxNgPerMl: number;
  tmaxMin: number;
  aucNgHPerMl: number;
  timeInBandsMin: Record<string, number>;
  timeTo90PctSteadyStateMin: number;
  amountGivenMg: number;
  amountBioavailableMg: number;
  notes: string[];
}

export interface SimulationResult {
  model: string;
  drug: 'ketamine' | 'esketamine';
  weightKg: number;
  status: 'simulated' | 'no-validated-model';
  timesMin: number[];
  plasmaNgPerMl: number[];
  effectSiteNgPerMl?: number[];
  summary?: SimulationSummary;
  warnings: string[];
}

export type SimulationOutcome = { ok: true; value: SimulationResult } | { ok: false; issues: FieldIssue[] };

/** True when until is a whole number of steps, to 1e-9 relative (issue 3, item 8: until-min must be a
 *  multiple of step-min; the tolerance only absorbs binary rounding of decimal steps such as 1/60 min). */
export function isMultipleOf(untilMin: number, stepMin: number): boolean {
  const ratio = untilMin / stepMin;
  return Math.abs(ratio - Math.round(ratio)) <= 1e-9 * Math.max(1, ratio);
}

/** Field-named problems with the covariates and grid of a request (issue 3, "Bad input"): model id, weight
 *  30-300 kg (issue 3 item 7), age, sex, step and until. Nothing is simulated while any remain. */
export function validateSimulationRequest(request: SimulationRequest): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!findPkModel(request.modelId)) {
    issues.push({ field: 'model', message: `unknown model "${request.modelId}"; known: ${PK_MODELS.map((m) => m.id).join(', ')}` });
  }
  const { weightKg, ageYears, untilMin, stepMin } = request;
  if (!Number.isFinite(weightKg) || weightKg < WEIGHT_KG_RANGE.min || weightKg > WEIGHT_KG_RANGE.max) {
    issues.push({
      field: 'weightKg',
      message: `${weightKg} is outside the plausible range ${WEIGHT_KG_RANGE.min}-${WEIGHT_KG_RANGE.max} kg`,
    });
  }
  if (ageYears !== undefined && (!Number.isFinite(ageYears) || ageYears < 0 || ageYears > 130)) {
    issues.push({ field: 'ageYears', message: `${ageYears} is not an age in years (0-130)` });
  }
  if (request.sex !== undefined && request.sex !== 'f' && request.sex !== 'm') {
    issues.push({ field: 'sex', message: 'must be f or m' });
  }
  if (!Number.isFinite(stepMin) || stepMin <= 0) issues.push({ field: 'stepMin', message: `${stepMin} must be a number > 0` });
  if (!Number.isFinite(untilMin) || untilMin <= 0) issues.push({ field: 'untilMin', message: `${untilMin} must be a number > 0` });
  else if (stepMin > 0 && !isMultipleOf(untilMin, stepMin)) {
    issues.push({ field: 'untilMin', message: `${untilMin} is not a multiple of the step (${stepMin} min)` });
  } else if (stepMin > 0 && untilMin / stepMin + 1 > MAX_POINTS) {
    issues.push({ field: 'stepMin', message: `${Math.round(untilMin / stepMin) + 1} points exceed the limit of ${MAX_POINTS}` });
  }
  return issues;
}

function sumAmountGivenMg(inputs: readonly ResolvedInput[], untilMin: number): number {
  let total = 0;
  for (const input of inputs) {
    if (input.kind === 'instant') total += input.atMin <= untilMin ? input.amountMg : 0;
    else total += input.rateMgPerMin * Math.max(0, Math.min(input.endMin, untilMin) - input.startMin);
  }
  return total;
}

function findPeak(times: Float64Array, values: Float64Array): { cmax: number; tmax: number } {
  let cmax = 0;
  let tmax = 0;
  for (let k = 0; k < values.length; k++) {
    if (values[k]! > cmax) {
      cmax = values[k]!;
      tmax = times[k]!;
    }
  }
  return { cmax, tmax };
}

// Round-off can leave -1e-17 where the exact value is 0; concentrations are reported non-negative.
function clampToArray(values: Float64Array): number[] {
  const out = new Array<number>(values.length);
  for (let k = 0; k < values.length; k++) out[k] = Math.max(values[k]!, 0);
  return out;
}

function summariseTrajectory(
  times: Float64Array,
  trajectory: Trajectory,
  params: DispositionParameters,
  inputs: readonly ResolvedInput[],
  untilMin: number,
): SimulationSummary {
  const peak = findPeak(times, trajectory.plasmaNgPerMl);
  return {
    cmaxNgPerMl: peak.cmax,
    tmaxMin: peak.tmax,
    aucNgHPerMl: trajectory.aucNgHPerMl,
    timeInBandsMin: computeTimeInBands(times, trajectory.plasmaNgPerMl),
    timeTo90PctSteadyStateMin: computeTimeTo90PctSteadyStateMin(params),
    amountGivenMg: sumAmountGivenMg(inputs, untilMin),
    amountBioavailableMg: trajectory.bioavailableInputMg,
    notes: [
      'cmax and tmax are read on the output grid; AUC is exact (mass balance)',
      `time in bands is derived from the sampled curve; ${BANDS_NOTE}`,
      'time to 90 % of steady state is derived from the model for a constant-rate infusion',
    ],
  };
}

/** Simulates a regimen document for one patient on the grid 0..untilMin by stepMin (issue 3, items 2-4 and 8).
 *  Returns field-named issues for bad input; esketamine returns status 'no-validated-model' (DOMAIN.md 5.3). */
export function simulateRegimen(request: SimulationRequest): SimulationOutcome {
  const issues = validateSimulationRequest(request);
  const regimen = resolveRegimen(request.regimen, request.weightKg);
  if (!regimen.ok) issues.push(...regimen.issues.map((i) => ({ field: `regimen.${i.field}`, message: i.message })));
  if (issues.length > 0 || !regimen.ok) return { ok: false, issues };
  const model = findPkModel(request.modelId)!;
  const covariates: Covariates = { weightKg: request.weightKg, ageYears: request.ageYears, sex: request.sex };
  const warnings = [...checkModelValidity(model, covariates), ...regimen.value.notes];
  const base = { model: model.id, drug: regimen.value.drug, weightKg: request.weightKg };
  if (regimen.value.drug === 'esketamine') {
    const notes = warnings.includes(ESKETAMINE_NO_MODEL) ? warnings : [...warnings, ESKETAMINE_NO_MODEL];
    return { ok: true, value: { ...base, status: 'no-validated-model', timesMin: [], plasmaNgPerMl: [], warnings: notes } };
  }
  const params = model.computeParameters(covariates);
  const times = buildTimeGrid(request.untilMin, request.stepMin);
  const trajectory = simulateTrajectory(params, regimen.value.inputs, times);
  const summary = summariseTrajectory(times, trajectory, params, regimen.value.inputs, request.untilMin);
  return {
    ok: true,
    value: {
      ...base,
      status: 'simulated',
      timesMin: clampToArray(times),
      plasmaNgPerMl: clampToArray(trajectory.plasmaNgPerMl),
      effectSiteNgPerMl: trajectory.effectSiteNgPerMl ? clampToArray(trajectory.effectSiteNgPerMl) : undefined,
      summary,
      warnings,
    },
  };
}

export interface PredictionRequest extends Omit<SimulationRequest, 'untilMin' | 'stepMin'> {
  /** Ascending times (min from the first event's clock origin), e.g. the times vitals were recorded. */
  timesMin: number[];
}

export type PredictionOutcome =
  | {
      ok: true;
      value: {
        model: string;
        status: SimulationResult['status'];
        plasmaNgPerMl: number[];
        effectSiteNgPerMl?: number[];
        warnings: string[];
      };
    }
  | { ok: false; issues: FieldIssue[] };

/** Plasma (and effect-site) ng/mL at arbitrary ascending times, e.g. next to charted vitals (issue 3, item 4).
 *  Same exact engine and validation as simulateRegimen; at a bolus time the value just after it. */
export function predictConcentrations(request: PredictionRequest): PredictionOutcome {
  const times = request.timesMin;
  const issues = validateSimulationRequest({ ...request, untilMin: 1, stepMin: 1 });
  if (!Array.isArray(times) || times.length === 0 || times.length > MAX_POINTS) {
    issues.push({ field: 'timesMin', message: `give 1-${MAX_POINTS} times` });
  } else if (times.some((t, i) => !Number.isFinite(t) || t < 0 || (i > 0 && t < times[i - 1]!))) {
    issues.push({ field: 'timesMin', message: 'times must be finite, >= 0 and ascending' });
  }
  const regimen = resolveRegimen(request.regimen, request.weightKg);
  if (!regimen.ok) issues.push(...regimen.issues.map((i) => ({ field: `regimen.${i.field}`, message: i.message })));
  if (issues.length > 0 || !regimen.ok) return { ok: false, issues };
  const model = findPkModel(request.modelId)!;
  const covariates: Covariates = { weightKg: request.weightKg, ageYears: request.ageYears, sex: request.sex };
  const warnings = [...checkModelValidity(model, covariates), ...regimen.value.notes];
  if (regimen.value.drug === 'esketamine') {
    return {
      ok: true,
      value: { model: model.id, status: 'no-validated-model', plasmaNgPerMl: [], warnings: [...warnings, ESKETAMINE_NO_MODEL] },
    };
  }
  const trajectory = simulateTrajectory(model.computeParameters(covariates), regimen.value.inputs, Float64Array.from(times));
  const effect = trajectory.effectSiteNgPerMl;
  return {
    ok: true,
    value: {
      model: model.id,
      status: 'simulated',
      plasmaNgPerMl: clampToArray(trajectory.plasmaNgPerMl),
      effectSiteNgPerMl: effect && clampToArray(effect),
      warnings,
    },
  };
}
