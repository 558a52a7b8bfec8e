import { emptyClinical, type Medication } from '../patients/patient-record.ts';
import type { EvaluationInput } from './evaluation-input.ts';

/**
 * Test fixtures (also used by the CLI tests): an adult with nothing to flag, evaluated on 2026-11-20.
 * Not clinical data; every value is chosen to sit clear of every rule.
 */

/** A 45-year-old, not pregnant, BP 120/80 mmHg, no findings, no medications, no allergies. */
export function buildCleanEvaluationInput(): EvaluationInput {
  return {
    patient: {
      demographics: { mrn: 'TEST-1', givenName: 'Test', familyName: 'Patient', birthDate: '1981-06-15', sex: 'female' },
      clinical: { ...emptyClinical(), pregnancy: { status: 'not_pregnant', recordedOn: '2026-11-01' } },
    },
    evaluation: {
      evaluatedOn: '2026-11-20',
      vitals: { systolicMmHg: 120, diastolicMmHg: 80 },
      psychiatricScreen: { activePsychosis: false },
      substanceUseScreen: { activeSud: false },
      cardiovascular: { poorlyControlled: false, aneurysmOrAvm: false, intracerebralHaemorrhageHistory: false },
      raisedIcpOrIop: false,
      cystitis: false,
    },
  };
}

/** A current oral medication row for the record (classified by name). */
export function buildMedication(ingredient: string, overrides: Partial<Medication> = {}): Medication {
  return {
    id: `med-${ingredient}`,
    ingredient,
    strength: { value: 1, unit: 'mg' },
    form: 'tablet',
    route: 'oral',
    timesPerDay: 1,
    prn: false,
    ...overrides,
  };
}
