import type { PatientRecord } from '../patients/patient-record.ts';
import type { DemoAllergyKey, DemoMedicationKey } from './demo-catalog.ts';

/**
 * The hand-written clinical story of one synthetic demo patient. The generator (demo-patients.ts) turns it into a
 * PatientRecord: names, exact dates, weight series and ids come from the seeded PRNG.
 */

type Clinical = PatientRecord['clinical'];
type Psychiatric = Clinical['psychiatricHistory'][number];
type SubstanceUse = Clinical['substanceUseHistory'][number];
type Treatment = NonNullable<Clinical['painHistory']>['treatmentsTried'][number];

export type DemoConditionSpec =
  | { kind: 'coded'; code: string; onsetMonthsAgo: number; status: 'active' | 'resolved' }
  | { kind: 'uncoded'; text: string; onsetMonthsAgo: number; status: 'active' | 'resolved' };

export type DemoTreatmentSpec = readonly [category: Treatment['category'], detail: string, result: Treatment['result']];
export type DemoPsychiatricSpec = readonly [code: Psychiatric['code'], status: Psychiatric['status'], icd10cm?: string, note?: string];
export type DemoSubstanceSpec = readonly [substance: SubstanceUse['substance'], status: SubstanceUse['status'], note?: string];

export interface DemoProfile {
  readonly sex: 'female' | 'male';
  /** Age in completed years on the build date; 19-84. */
  readonly ageYears: number;
  /** Typical weight; the generator adds a small drift per measurement. */
  readonly weightKg: number;
  readonly heightCm: number;
  /** The first entry is the main pain (or mood) condition; pain history onset follows it. */
  readonly conditions: readonly DemoConditionSpec[];
  readonly medications: readonly DemoMedicationKey[];
  readonly allergies: readonly DemoAllergyKey[];
  readonly painSummary: string;
  readonly treatmentsTried: readonly DemoTreatmentSpec[];
  readonly psychiatric?: readonly DemoPsychiatricSpec[];
  readonly substanceUse?: readonly DemoSubstanceSpec[];
  readonly pregnancy?: NonNullable<Clinical['pregnancy']>['status'];
  readonly hepatic?: NonNullable<Clinical['hepaticImpairment']>['class'];
}

/** A condition coded from the ICD-10-CM pick list; the generator refuses codes that are not on the list.
 * Source: icd10-picklist.ts (DOMAIN.md 12, 15). */
export function coded(code: string, onsetMonthsAgo: number, status: 'active' | 'resolved' = 'active'): DemoConditionSpec {
  return { kind: 'coded', code, onsetMonthsAgo, status };
}

/** A condition outside the pick list, stored as marked free text (patient-record.ts conditionSchema).
 * Source: patient-record.ts. */
export function uncoded(text: string, onsetMonthsAgo: number, status: 'active' | 'resolved' = 'active'): DemoConditionSpec {
  return { kind: 'uncoded', text, onsetMonthsAgo, status };
}
