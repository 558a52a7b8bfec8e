import type { StoredInstruments } from '../db/schema/index.ts';
import { type Actor, findGrantingRole, type PatientPermission } from '../domain/access/permissions.ts';
import { DN4_CUT_OFF, DN4_DEFINITION } from '../domain/instruments/dn4.ts';
import { type InstrumentAnswers, type InstrumentDefinition, scoreInstrument } from '../domain/instruments/instrument-definition.ts';
import { PHQ9_DEFINITION, PHQ9_SELF_HARM_ITEM, requiresSafetyTask } from '../domain/instruments/phq9.ts';
import type { PatientRecord } from '../domain/patients/patient-record.ts';
import {
  CANDIDACY_RULE_SET_VERSION,
  type CandidacyOverride,
  type CandidacyResult,
  type EvaluationFindings,
  type EvaluationInput,
  evaluateCandidacy,
  evaluationInputSchema,
  parseWithFieldIssues,
  SCREENING_ROUTES,
} from '../domain/screening/index.ts';
import { recordPatientAccess } from './audit.usecases.ts';
import { type Deps, inTransaction, type RequestContext } from './deps.ts';
import { forbidden, notFound, validationFailed } from './errors.ts';
import { toEvaluationView } from './evaluation.views.ts';

export interface NewEvaluationInput {
  findings: EvaluationFindings;
  phq9?: InstrumentAnswers | undefined;
  dn4?: InstrumentAnswers | undefined;
}

/** The patient's current record and the staff role granting `permission` (evaluations are staff-only). */
export async function authorizeEvaluation(patientId: string, permission: PatientPermission, action: string, actor: Actor, deps: Deps) {
  const current = await deps.repos.patients.findCurrent(patientId);
  const target = current && { clinicId: current.homeClinicId, patientId: current.id };
  if (!current || !target || current.organizationId !== actor.organizationId) throw notFound('patient');
  const role = findGrantingRole(actor, permission, target);
  if (role && role !== 'patient') return { current, role };
  // Like clinical reads: a patient the actor may not see answers 404; a visible one without the action 403.
  if (permission === 'evaluation.read' || !findGrantingRole(actor, 'patient.read_demographics', target)) throw notFound('patient');
  throw forbidden(action);
}

/** Runs every route's rules on a record plus findings; field issues (with `findings.` paths) when they disagree. */
export function evaluateAllRoutes(
  record: PatientRecord,
  findings: EvaluationFindings,
  overrides: readonly (CandidacyOverride & { route: string })[] = [],
) {
  const parsed = parseWithFieldIssues<EvaluationInput>(evaluationInputSchema, { patient: record, evaluation: findings });
  if (!parsed.ok)
    return {
      ok: false as const,
      issues: parsed.issues.map((i) => ({ path: i.field.replace(/^evaluation/, 'findings'), message: i.message })),
    };
  const results: CandidacyResult[] = SCREENING_ROUTES.map((route) =>
    evaluateCandidacy(parsed.value, { route, overrides: overrides.filter((o) => o.route === route) }),
  );
  return { ok: true as const, results };
}

function scoreOrFail(definition: InstrumentDefinition, answers: InstrumentAnswers, prefix: string) {
  const result = scoreInstrument(definition, answers);
  if (!result.complete) throw validationFailed(result.issues.map((i) => ({ path: `${prefix}.${i.field}`, message: i.message })));
  return result;
}

/**
 * Evaluates every route on the patient's current record and today's findings (issue 4, item 3), scores PHQ-9 and
 * DN4 when given, and opens a safety task in the same transaction when PHQ-9 item 9 is above 0 (DOMAIN.md 8).
 */
export async function createEvaluation(patientId: string, input: NewEvaluationInput, ctx: RequestContext, deps: Deps) {
  const { current, role } = await authorizeEvaluation(patientId, 'evaluation.create', 'evaluate candidacy', ctx.actor, deps);
  const phq9 = input.phq9 ? scoreOrFail(PHQ9_DEFINITION, input.phq9, 'phq9') : undefined;
  const dn4 = input.dn4 ? scoreOrFail(DN4_DEFINITION, input.dn4, 'dn4') : undefined;
  const evaluated = evaluateAllRoutes(current.record, input.findings);
  if (!evaluated.ok) throw validationFailed(evaluated.issues);
  const instruments: StoredInstruments = {
    ...(phq9 ? { phq9: { total: phq9.total, band: phq9.band ?? null, item9: phq9.itemScores[PHQ9_SELF_HARM_ITEM] ?? 0 } } : {}),
    ...(dn4 ? { dn4: { total: dn4.total, positive: dn4.total >= DN4_CUT_OFF } } : {}),
  };
  const id = deps.newId();
  const at = deps.clock();
  await inTransaction(deps, async (repos) => {
    await repos.evaluations.insertEvaluation({
      id,
      clinicId: current.homeClinicId,
      patientId: current.id,
      patientVersion: current.version,
      findings: input.findings,
      instruments,
      results: evaluated.results,
      ruleSetVersion: CANDIDACY_RULE_SET_VERSION,
      createdBy: ctx.actor.userId,
      createdAt: at,
    });
    if (phq9 && requiresSafetyTask(phq9)) {
      await repos.evaluations.insertTask({
        id: deps.newId(),
        clinicId: current.homeClinicId,
        patientId: current.id,
        kind: 'phq9_item9',
        sourceId: id,
        createdAt: at,
      });
    }
    const event = { clinicId: current.homeClinicId, patientId: current.id, role, action: 'create' as const };
    await recordPatientAccess({ ...event, resource: `patient/${current.id}/evaluations/${id}` }, ctx, deps, repos);
  });
  const [row] = await deps.repos.evaluations.listEvaluations(current.id, id);
  if (!row) throw notFound('evaluation');
  return toEvaluationView(row, current, deps.clock());
}

/** A patient's evaluations newest first, each marked stale when the record or the date says to evaluate again. */
export async function listEvaluations(patientId: string, ctx: RequestContext, deps: Deps) {
  const { current, role } = await authorizeEvaluation(patientId, 'evaluation.read', 'read evaluations', ctx.actor, deps);
  const rows = await deps.repos.evaluations.listEvaluations(current.id);
  const event = { clinicId: current.homeClinicId, patientId: current.id, role, action: 'read' as const };
  await recordPatientAccess({ ...event, resource: `patient/${current.id}/evaluations` }, ctx, deps);
  const now = deps.clock();
  return rows.map((row) => toEvaluationView(row, current, now));
}
