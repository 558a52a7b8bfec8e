import { findGrantingRole } from '../domain/access/permissions.ts';
import { computeAgeYears } from '../domain/demo/demo-random.ts';
import { latestByDate } from '../domain/patients/patient-input.ts';
import { CONCENTRATION_BANDS } from '../domain/pharmacology/concentration-bands.ts';
import { checkDose } from '../domain/pharmacology/dose-check.ts';
import { type DoseCheckRequest, parseDoseCheckRequest } from '../domain/pharmacology/dose-request.ts';
import { planTargetControlled, type TargetPlanInput } from '../domain/pharmacology/inverse.ts';
import { DEFAULT_MODEL_ID, PK_MODELS } from '../domain/pharmacology/pk-models.ts';
import { type SimulationRequest, simulateRegimen } from '../domain/pharmacology/pk-simulation.ts';
import type { PopulationInput } from '../domain/pharmacology/population.ts';
import type { FieldIssue } from '../domain/pharmacology/regimen.ts';
import { recordPatientAccess } from './audit.usecases.ts';
import type { Deps, RequestContext } from './deps.ts';
import { inTransaction } from './deps.ts';
import { loadCurrentLibrary, requireClinicRole } from './drug-library.usecases.ts';
import { notFound, validationFailed } from './errors.ts';
import type { PopulationRunner } from './population-pool.ts';

/** HTTP caps, stricter than the domain's (which protect the engine, not a shared server). */
export const HTTP_LIMITS = { maxSubjects: 2_000, maxPopulationPoints: 20_000_000, maxSimulationPoints: 100_000 } as const;

/** Models for the UI's picker (ranges and citations) and the concentration bands (DOMAIN.md 5, 6). */
export function listPkModels() {
  return {
    defaultModelId: DEFAULT_MODEL_ID,
    models: PK_MODELS.map((m) => ({
      id: m.id,
      name: m.name,
      drug: m.drug,
      compartments: m.compartments,
      population: m.population,
      citation: m.citation,
      evidence: m.evidence,
      ranges: { weightKg: m.validity.weightKg ?? null, ageYears: m.validity.ageYears ?? null, note: m.validity.note },
    })),
    bands: CONCENTRATION_BANDS.map((b) => ({
      ...b,
      upperNgPerMl: Number.isFinite(b.upperNgPerMl) ? b.upperNgPerMl : null,
    })),
  };
}

const toPaths = (issues: FieldIssue[], prefix = '') => issues.map((i) => ({ path: `${prefix}${i.field}`, message: i.message }));

/** Weight, age and sex from the record of a patient the actor may see clinically (else 404); the read is audited. */
async function readPatientCovariates(patientId: string, resource: (id: string) => string, ctx: RequestContext, deps: Deps) {
  const current = await deps.repos.patients.findCurrent(patientId);
  const role =
    current && current.organizationId === ctx.actor.organizationId
      ? findGrantingRole(ctx.actor, 'patient.read_clinical', { clinicId: current.homeClinicId, patientId })
      : null;
  if (!current || !role) throw notFound('patient');
  const { demographics, clinical } = current.record;
  const todayIso = deps.clock().toISOString().slice(0, 10);
  return {
    weightKg: latestByDate(clinical.weights)?.weightKg,
    ageYears: computeAgeYears(demographics.birthDate, todayIso),
    sex: demographics.sex === 'female' ? ('f' as const) : demographics.sex === 'male' ? ('m' as const) : undefined,
    audit: { clinicId: current.homeClinicId, patientId, role, action: 'read' as const, resource: resource(patientId) },
  };
}

const NO_WEIGHT = { path: 'weightKg', message: 'no weight is recorded for this patient; give weightKg' };

export interface SimulateInput extends Omit<SimulationRequest, 'weightKg'> {
  weightKg?: number | undefined;
  patientId?: string | undefined;
  population?: Pick<PopulationInput, 'subjects' | 'seed' | 'variability' | 'reportEveryMin'> | undefined;
}

const POPULATION_FIELDS = /^(subjects|seed|variability|reportEveryMin)\b/;

/** Predicted blood levels for a regimen (physicians, nurses), optionally for a patient on record and with a
 *  population Monte Carlo run in the worker pool (issue 3, item 9). */
export async function simulatePk(input: SimulateInput, ctx: RequestContext, deps: Deps, runner: PopulationRunner) {
  requireClinicRole(ctx, 'pk.simulate', 'simulate blood levels');
  const { patientId, population, ...rest } = input;
  const patient = patientId ? await readPatientCovariates(patientId, (id) => `patient/${id}/pk`, ctx, deps) : undefined;
  if (patient) await recordPatientAccess(patient.audit, ctx, deps);
  const weightKg = input.weightKg ?? patient?.weightKg;
  if (weightKg === undefined) throw validationFailed([patient ? NO_WEIGHT : { path: 'weightKg', message: 'give weightKg or patientId' }]);
  const request: SimulationRequest = {
    ...rest,
    weightKg,
    ageYears: input.ageYears ?? patient?.ageYears,
    sex: input.sex ?? patient?.sex,
  };
  const points = Math.floor(request.untilMin / request.stepMin) + 1;
  if (points > HTTP_LIMITS.maxSimulationPoints) {
    throw validationFailed([{ path: 'stepMin', message: `${points} points exceed ${HTTP_LIMITS.maxSimulationPoints}; use a longer step` }]);
  }
  const simulated = simulateRegimen(request);
  if (!simulated.ok) throw validationFailed(toPaths(simulated.issues));
  if (!population) return { simulation: simulated.value };
  const populationPoints = population.subjects * points;
  if (populationPoints > HTTP_LIMITS.maxPopulationPoints) {
    throw validationFailed([
      {
        path: 'population.subjects',
        message: `subjects x time points (${populationPoints}) exceeds ${HTTP_LIMITS.maxPopulationPoints}; use fewer subjects or a longer step`,
      },
    ]);
  }
  const outcome = await runner.run({ ...request, ...population });
  if (!outcome.ok) {
    throw validationFailed(
      outcome.issues.map((i) => ({ path: POPULATION_FIELDS.test(i.field) ? `population.${i.field}` : i.field, message: i.message })),
    );
  }
  return { simulation: simulated.value, population: outcome.value };
}

export type DoseCheckInputBody = Omit<DoseCheckRequest, 'weightKg'> & { weightKg?: number | undefined; patientId?: string | undefined };

const DOSE_FIELD_NAMES: Record<string, string> = { product: 'productId', profile: 'profileId' };

/** Checks a dose or rate against the active clinic's current library (physicians, nurses) and logs the check
 *  with the library version it used (DOMAIN.md 13: breaches and overrides are reviewed). */
export async function checkDoseInClinic(input: DoseCheckInputBody, ctx: RequestContext, deps: Deps) {
  const { clinicId } = requireClinicRole(ctx, 'dose.check', 'check doses');
  const { patientId, ...fields } = input;
  const id = deps.newId();
  const patient = patientId ? await readPatientCovariates(patientId, () => `dose-check/${id}`, ctx, deps) : undefined;
  const weightKg = input.weightKg ?? patient?.weightKg;
  if (weightKg === undefined) throw validationFailed([patient ? NO_WEIGHT : { path: 'weightKg', message: 'give weightKg or patientId' }]);
  const current = await loadCurrentLibrary(clinicId, deps.repos);
  const request: DoseCheckRequest = { ...fields, weightKg };
  const parsed = parseDoseCheckRequest(current.library, request);
  if (!parsed.ok) throw validationFailed(parsed.issues.map((i) => ({ path: DOSE_FIELD_NAMES[i.field] ?? i.field, message: i.message })));
  const result = checkDose(parsed.value);
  await inTransaction(deps, async (repos) => {
    await repos.drugLibrary.insertDoseCheck({
      id,
      clinicId,
      patientId: patientId ?? null,
      actorId: ctx.actor.userId,
      at: deps.clock(),
      libraryVersion: result.libraryVersion,
      productId: request.productId,
      profileId: request.profileId,
      request: { ...request, weightFrom: input.weightKg === undefined ? 'record' : 'request' },
      verdict: result.verdict,
      violations: result.violations,
    });
    if (patient) await recordPatientAccess(patient.audit, ctx, deps, repos);
  });
  return { ...result, checkId: id };
}

export type PlanInput = Omit<TargetPlanInput, 'weightKg' | 'library' | 'ageYears'> & {
  weightKg?: number | undefined;
  ageYears?: number | undefined;
  patientId?: string | undefined;
};

/** A TCI-style plan (loading bolus + step rates) to reach and hold a target concentration, never stepping outside
 *  the active clinic's current library (issue 3, item 5); for a patient on record, covariates come from the chart. */
export async function planToTarget(input: PlanInput, ctx: RequestContext, deps: Deps) {
  const { clinicId } = requireClinicRole(ctx, 'pk.simulate', 'plan doses');
  const { patientId, ...rest } = input;
  const patient = patientId ? await readPatientCovariates(patientId, (id) => `patient/${id}/pk`, ctx, deps) : undefined;
  if (patient) await recordPatientAccess(patient.audit, ctx, deps);
  const weightKg = input.weightKg ?? patient?.weightKg;
  if (weightKg === undefined) throw validationFailed([patient ? NO_WEIGHT : { path: 'weightKg', message: 'give weightKg or patientId' }]);
  const ageYears = input.ageYears ?? patient?.ageYears;
  const { library } = await loadCurrentLibrary(clinicId, deps.repos);
  const planned = planTargetControlled({ ...rest, weightKg, ...(ageYears !== undefined ? { ageYears } : {}), library });
  if (!planned.ok) throw validationFailed(planned.issues.map((i) => ({ path: DOSE_FIELD_NAMES[i.field] ?? i.field, message: i.message })));
  return planned.value;
}
