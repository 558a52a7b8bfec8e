import type { createEvaluationsRepository } from '../db/repositories/evaluations.repository.ts';
import type { PatientRecord } from '../domain/patients/patient-record.ts';
import {
  type CandidacyResult,
  evaluateCandidacy,
  evaluationInputSchema,
  parseWithFieldIssues,
  SCREENING_ROUTES,
} from '../domain/screening/index.ts';

type EvaluationListRow = Awaited<ReturnType<ReturnType<typeof createEvaluationsRepository>['listEvaluations']>>[number];

const firedIds = (results: readonly CandidacyResult[], route: string) =>
  new Set(results.find((r) => r.route === route)?.fired.map((f) => f.rule) ?? []);

/**
 * Why an evaluation no longer stands (issue 4, item 3): the current record with the stored findings fires a rule
 * that did not fire on that route then, or the re-evaluation date has passed. Rules that stopped firing do not
 * make it stale (the physician re-evaluates to lift a stop, never the software).
 */
export function findStaleReasons(row: EvaluationListRow, currentRecord: PatientRecord, currentVersion: number, now: Date): string[] {
  const reasons: string[] = [];
  const { evaluation, signature } = row;
  if (currentVersion !== evaluation.patientVersion) {
    const parsed = parseWithFieldIssues(evaluationInputSchema, { patient: currentRecord, evaluation: evaluation.findings });
    if (!parsed.ok) {
      reasons.push('The record changed so that the stored findings no longer apply to it.');
    } else {
      const newRules = new Set<string>();
      for (const route of SCREENING_ROUTES) {
        const then = firedIds(evaluation.results, route);
        for (const fired of evaluateCandidacy(parsed.value, { route }).fired) if (!then.has(fired.rule)) newRules.add(fired.rule);
      }
      for (const rule of newRules) reasons.push(`The record changed after the evaluation: rule ${rule} now fires.`);
    }
  }
  const today = now.toISOString().slice(0, 10);
  if (signature && signature.reevaluationDue < today) reasons.push(`Re-evaluation was due on ${signature.reevaluationDue}.`);
  return reasons;
}

/** The API shape of one evaluation with its signature and staleness. */
export function toEvaluationView(row: EvaluationListRow, current: { record: PatientRecord; version: number }, now: Date) {
  const { evaluation, signature } = row;
  const staleReasons = findStaleReasons(row, current.record, current.version, now);
  return {
    id: evaluation.id,
    createdAt: evaluation.createdAt,
    createdBy: { id: evaluation.createdBy, name: row.authorName },
    patientVersion: evaluation.patientVersion,
    ruleSetVersion: evaluation.ruleSetVersion,
    findings: evaluation.findings,
    instruments: evaluation.instruments,
    results: evaluation.results,
    signature: signature
      ? {
          signedBy: { id: signature.signedBy, name: row.signerName ?? '' },
          signedAt: signature.signedAt,
          overrides: signature.overrides,
          results: signature.results,
          note: signature.note,
          reevaluationDue: signature.reevaluationDue,
        }
      : null,
    stale: staleReasons.length > 0,
    staleReasons,
  };
}
