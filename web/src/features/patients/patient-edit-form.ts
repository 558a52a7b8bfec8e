import type { UseFormReturnType } from '@mantine/form';
import { emptyClinical } from '../../../../src/domain/patients/patient-record.ts';
import { type ClinicalDraft, fromClinicalDraft, toClinicalDraft } from './clinical-draft.ts';
import { type DemographicsDraft, fromDemographicsDraft, toDemographicsDraft } from './demographics-draft.ts';
import type { PatientChangesInput, PatientView } from './patients.api.ts';

/** What the Edit tab holds: the whole record as drafts, plus the reason for the change. */
export interface EditDraft {
  demographics: DemographicsDraft;
  clinical: ClinicalDraft;
  reason: string;
}

export type EditForm = UseFormReturnType<EditDraft>;

export function toEditDraft(patient: PatientView): EditDraft {
  return {
    demographics: toDemographicsDraft(patient.demographics),
    clinical: toClinicalDraft(patient.clinical ?? emptyClinical()),
    reason: '',
  };
}

/** The PATCH body: only the sections the user changed (lists are sent whole), based on the version they edited. */
export function toPatientChanges(form: EditForm, patient: PatientView, baseVersion: number): PatientChangesInput {
  const values = form.getValues();
  const changes: PatientChangesInput = { baseVersion };
  if (values.reason.trim()) changes.reason = values.reason.trim();
  if (form.isDirty('demographics')) changes.demographics = fromDemographicsDraft(values.demographics);
  if (patient.access === 'full') {
    const clinical = fromClinicalDraft(values.clinical, (section) => form.isDirty(`clinical.${section}`));
    if (Object.keys(clinical).length > 0) changes.clinical = clinical;
  }
  return changes;
}

export function hasRecordChanges(changes: PatientChangesInput): boolean {
  return changes.demographics !== undefined || changes.clinical !== undefined;
}
