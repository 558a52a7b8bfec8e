import { DEFAULT_REEVALUATION_MONTHS, type StoredOverride } from '../db/schema/index.ts';
import { validateOverride } from '../domain/screening/index.ts';
import { recordPatientAccess } from './audit.usecases.ts';
import { absoluteContraindication, evaluationAlreadySigned, overrideRefused } from './candidacy.errors.ts';
import { type Deps, inTransaction, type RequestContext } from './deps.ts';
import { notFound, validationFailed } from './errors.ts';
import { toEvaluationView } from './evaluation.views.ts';
import { authorizeEvaluation, evaluateAllRoutes } from './evaluations.usecases.ts';

/** The same day `months` later, or the last day of that month (31 January + 1 month = 28 or 29 February). */
const addMonthsIso = (at: Date, months: number) => {
  const lastDay = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + months + 1, 0)).getUTCDate();
  const d = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + months, Math.min(at.getUTCDate(), lastDay)));
  return d.toISOString().slice(0, 10);
};

/**
 * A physician signs an evaluation (issue 4, item 3), overriding relative contraindications with a written
 * justification. The final verdicts are recomputed on the record version that was evaluated; re-evaluation is due
 * after the clinic's `reevaluationMonths` (default 12). An override of an
 * absolute rule answers 400 `screening.absolute_contraindication`; any other refused override 400 with its code.
 */
export async function signEvaluation(
  patientId: string,
  evaluationId: string,
  input: { overrides: StoredOverride[]; note?: string | undefined },
  ctx: RequestContext,
  deps: Deps,
) {
  const { current, role } = await authorizeEvaluation(patientId, 'evaluation.sign', 'sign evaluations', ctx.actor, deps);
  const [row] = await deps.repos.evaluations.listEvaluations(current.id, evaluationId);
  if (!row) throw notFound('evaluation');
  if (row.signature) throw evaluationAlreadySigned();
  const overrides = input.overrides.map((o) => ({ ...o, by: ctx.actor.name, justification: o.justification.trim() }));
  const issues = overrides.flatMap((o, index) =>
    validateOverride(o).map((issue) => ({ path: `overrides.${index}.${issue.field}`, code: issue.code, message: issue.message })),
  );
  if (issues.some((i) => i.code === 'screening.absolute_contraindication')) throw absoluteContraindication(issues);
  if (issues.length > 0) throw overrideRefused(issues);
  const evaluated = await deps.repos.patients.findVersion(current.id, row.evaluation.patientVersion);
  if (!evaluated) throw notFound('patient');
  const final = evaluateAllRoutes(evaluated.record, row.evaluation.findings, overrides);
  if (!final.ok) throw validationFailed(final.issues);
  const clinic = await deps.repos.organization.findClinic(current.homeClinicId);
  const months = clinic?.settings.reevaluationMonths ?? DEFAULT_REEVALUATION_MONTHS;
  const signedAt = deps.clock();
  const event = { clinicId: current.homeClinicId, patientId: current.id, role, action: 'create' as const };
  try {
    await inTransaction(deps, async (repos) => {
      await repos.evaluations.insertSignature({
        evaluationId: row.evaluation.id,
        signedBy: ctx.actor.userId,
        signedAt,
        overrides: overrides.map(({ route, rule, justification }) => ({ route, rule, justification })),
        results: final.results,
        note: input.note ?? null,
        reevaluationDue: addMonthsIso(signedAt, months),
      });
      await recordPatientAccess({ ...event, resource: `patient/${current.id}/evaluations/${evaluationId}/signature` }, ctx, deps, repos);
    });
  } catch (error) {
    // Two physicians signing at the same moment: the primary key lets one through; the other gets the 409.
    const [again] = await deps.repos.evaluations.listEvaluations(current.id, evaluationId);
    if (again?.signature) throw evaluationAlreadySigned();
    throw error;
  }
  const [signed] = await deps.repos.evaluations.listEvaluations(current.id, evaluationId);
  if (!signed) throw notFound('evaluation');
  return toEvaluationView(signed, current, deps.clock());
}
