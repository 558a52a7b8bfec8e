import { keepPreviousData, type UseQueryResult, useQueries, useQuery } from '@tanstack/react-query';
import { isApiError } from '../../lib/api-client.ts';
import { checkDose, type DoseCheckResult, pharmacologyKeys, type SimulateRequest, simulatePk } from './pharmacology.api.ts';
import {
  assignIssuesToRows,
  buildDoseCheckRequests,
  buildRegimen,
  chooseHorizon,
  mapDoseCheckIssues,
  type RegimenRow,
  type RowErrors,
  toNumber,
} from './regimen-rows.ts';

/** What the screen has typed, after the debounce: the inputs of every check and of the simulation. */
export interface DosingInputs {
  weightKg: number | string;
  ageYears: number | string;
  sex: '' | 'f' | 'm';
  modelId: string;
  drug: 'ketamine' | 'esketamine';
  productId: string | null;
  profileId: string | null;
  rows: readonly RegimenRow[];
  patientId?: string;
  population: PopulationSettings;
}

export interface PopulationSettings {
  enabled: boolean;
  subjects: number | string;
  seed: number | string;
  /** Coefficients of variation in percent (clinic assumptions). */
  clearanceCvPct: number | string;
  centralVolumeCvPct: number | string;
}

export const DEFAULT_POPULATION: PopulationSettings = {
  enabled: false,
  subjects: 200,
  seed: 1,
  clearanceCvPct: 30,
  centralVolumeCvPct: 30,
};

/** About 240 percentile points: a divisor of 60 min (so of the horizon) and a multiple of the step. */
function chooseReportEvery(untilMin: number, stepMin: number): number {
  return [1, 2, 5, 10, 15, 30, 60].find((every) => every >= untilMin / 240 && every % stepMin === 0) ?? 60;
}

function buildSimulateRequest(inputs: DosingInputs, weightKg: number) {
  const { regimen, rowIds } = buildRegimen(inputs.drug, inputs.rows);
  const ageYears = toNumber(inputs.ageYears);
  const { untilMin, stepMin } = chooseHorizon(inputs.rows);
  const { population } = inputs;
  const request: SimulateRequest = {
    modelId: inputs.modelId,
    weightKg,
    ...(ageYears !== undefined ? { ageYears } : {}),
    ...(inputs.sex ? { sex: inputs.sex } : {}),
    regimen,
    untilMin,
    stepMin,
    ...(inputs.patientId ? { patientId: inputs.patientId } : {}),
    // Esketamine has no model, so there is no population to run (the curve request says so on its own).
    ...(population.enabled && inputs.drug === 'ketamine'
      ? {
          population: {
            subjects: toNumber(population.subjects) ?? 200,
            seed: toNumber(population.seed) ?? 1,
            reportEveryMin: chooseReportEvery(untilMin, stepMin),
            variability: {
              clearance: (toNumber(population.clearanceCvPct) ?? 0) / 100,
              centralVolume: (toNumber(population.centralVolumeCvPct) ?? 0) / 100,
            },
          },
        }
      : {}),
  };
  return { request, rowIds, hasEvents: rowIds.length > 0 };
}

/** Dose checks (one per started row) and the simulation, recomputed when the debounced inputs change; the last
 *  answer stays on screen while the next one loads. */
export function useDosingQueries(inputs: DosingInputs) {
  const weightKg = toNumber(inputs.weightKg);
  const ready = weightKg !== undefined && weightKg > 0;
  const { productId, profileId } = inputs;
  const checkRequests =
    ready && productId && profileId
      ? buildDoseCheckRequests(inputs.rows, {
          productId,
          profileId,
          weightKg,
          ...(inputs.patientId ? { patientId: inputs.patientId } : {}),
        })
      : [];
  const checkResults = useQueries({
    queries: checkRequests.map(({ request }) => ({
      queryKey: pharmacologyKeys.doseCheck(request),
      queryFn: ({ signal }: { signal: AbortSignal }) => checkDose(request, signal),
      placeholderData: keepPreviousData,
      staleTime: 5 * 60_000,
    })),
  });
  const checks: Record<string, UseQueryResult<DoseCheckResult>> = {};
  const checkErrors: RowErrors = {};
  checkRequests.forEach(({ rowId }, i) => {
    const result = checkResults[i];
    if (!result) return;
    checks[rowId] = result as UseQueryResult<DoseCheckResult>;
    if (result.isError && isApiError(result.error, 400)) checkErrors[rowId] = mapDoseCheckIssues(result.error.fieldIssues);
  });

  const simulation = ready ? buildSimulateRequest(inputs, weightKg) : null;
  const simulate = useQuery({
    queryKey: pharmacologyKeys.simulate(simulation?.request ?? ({} as SimulateRequest)),
    queryFn: ({ signal }) => simulatePk(simulation!.request, signal),
    enabled: (simulation?.hasEvents ?? false) && inputs.modelId !== '',
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
  const simulationIssues = simulate.isError && isApiError(simulate.error, 400) ? simulate.error.fieldIssues : [];
  const assigned = assignIssuesToRows(simulationIssues, simulation?.rowIds ?? []);
  return {
    checks,
    simulate,
    hasEvents: simulation?.hasEvents ?? false,
    weightReady: ready,
    rowErrors: mergeRowErrors(assigned.rowErrors, checkErrors),
    /** Simulation issues not about a row (weight, age, model). */
    formIssues: assigned.other,
  };
}

function mergeRowErrors(a: RowErrors, b: RowErrors): RowErrors {
  const merged: RowErrors = { ...a };
  for (const [rowId, errors] of Object.entries(b)) {
    const into = { ...(merged[rowId] ?? {}) };
    for (const [field, message] of Object.entries(errors) as Array<[keyof typeof errors, string]>) {
      into[field] = into[field] && into[field] !== message ? `${into[field]} ${message}` : message;
    }
    merged[rowId] = into;
  }
  return merged;
}
