import { z } from 'zod';
import { DN4_DEFINITION } from '../instruments/dn4.ts';
import { instrumentAnswersSchema } from '../instruments/instrument-definition.ts';
import { PHQ9_DEFINITION } from '../instruments/phq9.ts';
import { classifyMedication, type DrugClass } from '../patients/drug-classes.ts';
import { type PatientRecord, patientRecordSchema } from '../patients/patient-record.ts';
import { type FieldIssue, formatPath } from '../pharmacology/regimen.ts';
import type { HepaticClass, ScreeningFacts } from './screening-policy.ts';

/**
 * The clinician evaluation document (issue 4): the structured patient record plus what the physician found on the
 * day. The same shape is the API body and the `ketaclinic screen --input` file (docs/screening.md).
 */

const isoDate = z.iso.date();
const note = z.string().trim().max(400).optional();

// Plausibility bounds catch typing errors only; they are not clinical limits (those live in ScreeningPolicy).
export const evaluationVitalsSchema = z
  .strictObject({
    systolicMmHg: z.number().int().min(40).max(300),
    diastolicMmHg: z.number().int().min(20).max(250),
    heartRateBpm: z.number().int().min(20).max(300).optional(),
  })
  .refine((v) => v.diastolicMmHg < v.systolicMmHg, { message: 'must be below systolicMmHg', path: ['diastolicMmHg'] });

export const evaluationFindingsSchema = z.strictObject({
  evaluatedOn: isoDate,
  /** Optional: derived from the record's birth date; when given it must agree. */
  ageYears: z.number().int().min(0).max(130).optional(),
  vitals: evaluationVitalsSchema,
  pregnancyTest: z.enum(['negative', 'positive', 'not_applicable']).optional(),
  psychiatricScreen: z.strictObject({ activePsychosis: z.boolean(), note }),
  substanceUseScreen: z.strictObject({ activeSud: z.boolean(), note }),
  cardiovascular: z.strictObject({
    poorlyControlled: z.boolean(),
    aneurysmOrAvm: z.boolean(),
    intracerebralHaemorrhageHistory: z.boolean(),
  }),
  raisedIcpOrIop: z.boolean(),
  cystitis: z.boolean(),
  /** The physician's reading of liver tests; no numeric cut-off is encoded (DOMAIN.md gives none). */
  liverTests: z
    .strictObject({
      takenOn: isoDate.optional(),
      altUPerL: z.number().min(0).max(100_000).optional(),
      astUPerL: z.number().min(0).max(100_000).optional(),
      impairment: z.enum(['none', 'mild', 'moderate', 'severe']),
    })
    .optional(),
  dn4: instrumentAnswersSchema(DN4_DEFINITION).optional(),
  phq9: instrumentAnswersSchema(PHQ9_DEFINITION).optional(),
});
export type EvaluationFindings = z.infer<typeof evaluationFindingsSchema>;

export const evaluationInputSchema = z
  .strictObject({ patient: patientRecordSchema, evaluation: evaluationFindingsSchema })
  .superRefine((input, ctx) => {
    const { birthDate } = input.patient.demographics;
    if (input.evaluation.evaluatedOn < birthDate) {
      ctx.addIssue({ code: 'custom', path: ['evaluation', 'evaluatedOn'], message: 'is before the birth date' });
      return;
    }
    const derived = ageInYears(birthDate, input.evaluation.evaluatedOn);
    if (input.evaluation.ageYears !== undefined && input.evaluation.ageYears !== derived) {
      ctx.addIssue({ code: 'custom', path: ['evaluation', 'ageYears'], message: `does not match the birth date (${derived})` });
    }
  });
export type EvaluationInput = z.infer<typeof evaluationInputSchema>;

/** Parses an untrusted document against a schema: the value, or one issue per problem with its dotted field path
 * (`evaluation.vitals.systolicMmHg`). Source: DESIGN.md principles ("bad input gets a clear error ... field"). */
export function parseWithFieldIssues<T>(schema: z.ZodType<T>, raw: unknown): { ok: true; value: T } | { ok: false; issues: FieldIssue[] } {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, issues: parsed.error.issues.map((issue) => ({ field: formatPath(issue.path), message: issue.message })) };
}

/** Whole years from birth date to date (both ISO yyyy-mm-dd); a 29 February birthday counts on 1 March.
 * Source: calendar arithmetic (no clinical source needed). */
export function ageInYears(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  const hadBirthday = m > bm || (m === bm && d >= bd);
  return y - by - (hadBirthday ? 0 : 1);
}

// RxNorm ingredient 6130 = ketamine (DOMAIN.md 15, secondary source). Names matched as whole words.
const KETAMINE_RXCUI = '6130';
const KETAMINE_NAMES = new Set(['ketamine', 'esketamine', 'arketamine', 'spravato', 'ketalar']);
// Tobacco use does not count as the "substance abuse problem" of DOMAIN.md 15 (clinic policy, README.md).
const NOT_COUNTED_SUBSTANCES = new Set(['tobacco']);
const HEPATIC_RANK: Record<HepaticClass, number> = { unknown: 0, none: 1, mild: 2, moderate: 3, severe: 4 };

function isKetamineAllergy(allergy: PatientRecord['clinical']['allergies'][number]): boolean {
  if (allergy.substance.system === 'rxnorm' && allergy.substance.code === KETAMINE_RXCUI) return true;
  return allergy.substance.display
    .toLowerCase()
    .split(/[^a-z]+/)
    .some((word) => KETAMINE_NAMES.has(word));
}

/** Medications current on the date (started on or before it, not stopped by it), grouped by drug class. */
function currentMedicationsByClass(record: PatientRecord, onDate: string): Partial<Record<DrugClass, string[]>> {
  const byClass: Partial<Record<DrugClass, string[]>> = {};
  for (const medication of record.clinical.medications) {
    if (medication.startDate !== undefined && medication.startDate > onDate) continue;
    if (medication.stopDate !== undefined && medication.stopDate <= onDate) continue;
    for (const drugClass of classifyMedication(medication)) {
      const names = byClass[drugClass] ?? [];
      if (!names.includes(medication.ingredient)) names.push(medication.ingredient);
      byClass[drugClass] = names;
    }
  }
  return byClass;
}

function pregnancyFact(input: EvaluationInput): ScreeningFacts['pregnancy'] {
  const recorded = input.patient.clinical.pregnancy?.status;
  const test = input.evaluation.pregnancyTest;
  if (recorded === 'pregnant' || test === 'positive') return 'pregnant';
  if (test === 'negative' || test === 'not_applicable' || recorded === 'not_pregnant' || recorded === 'not_applicable') {
    return 'not_pregnant';
  }
  return recorded === 'possible' ? 'possible' : 'unknown';
}

/** Reduces a validated evaluation input to the facts the rules read: record entries, evaluation findings and drug
 * classes (classifyMedication). Source: DOMAIN.md 11 (what the interaction rules need) and issue 4. */
export function deriveScreeningFacts(input: EvaluationInput): ScreeningFacts {
  const { clinical, demographics } = input.patient;
  const evaluation = input.evaluation;
  const substances = clinical.substanceUseHistory.filter((entry) => !NOT_COUNTED_SUBSTANCES.has(entry.substance));
  const recordedHepatic = clinical.hepaticImpairment?.class ?? 'unknown';
  const testedHepatic = evaluation.liverTests?.impairment ?? 'unknown';
  return {
    ageYears: ageInYears(demographics.birthDate, evaluation.evaluatedOn),
    bloodPressure: { systolicMmHg: evaluation.vitals.systolicMmHg, diastolicMmHg: evaluation.vitals.diastolicMmHg },
    uncontrolledHypertensionReported: false,
    pregnancy: pregnancyFact(input),
    activePsychosis:
      evaluation.psychiatricScreen.activePsychosis ||
      clinical.psychiatricHistory.some(
        (entry) => entry.status === 'active' && (entry.code === 'psychosis' || entry.code === 'schizophrenia'),
      ),
    activeSubstanceUse: evaluation.substanceUseScreen.activeSud || substances.some((entry) => entry.status === 'active'),
    substanceUseHistory: substances.some((entry) => entry.status !== 'active'),
    cardiovascularPoorlyControlled: evaluation.cardiovascular.poorlyControlled,
    aneurysmOrAvm: evaluation.cardiovascular.aneurysmOrAvm,
    intracerebralHaemorrhageHistory: evaluation.cardiovascular.intracerebralHaemorrhageHistory,
    // The worse of the record and the evaluation's reading of liver tests.
    hepaticImpairment: HEPATIC_RANK[testedHepatic] > HEPATIC_RANK[recordedHepatic] ? testedHepatic : recordedHepatic,
    raisedIcpOrIop: evaluation.raisedIcpOrIop,
    cystitis: evaluation.cystitis,
    ketamineHypersensitivity: clinical.allergies.some(isKetamineAllergy),
    medicationsByClass: currentMedicationsByClass(input.patient, evaluation.evaluatedOn),
  };
}
