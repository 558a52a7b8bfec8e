import { z } from 'zod';
import {
  type Clinical,
  clinicalSchema,
  demographicsSchema,
  HEIGHT_CM_MAX,
  HEIGHT_CM_MIN,
  heightEntrySchema,
  KG_PER_LB,
  type PatientRecord,
  painHistorySchema,
  WEIGHT_KG_MAX,
  WEIGHT_KG_MIN,
} from './patient-record.ts';

/**
 * What clients send: like the stored record, but weights may be entered in kg or lb (stored in kg) and list
 * entries may omit their id (a new entry gets one).
 */
const optionalId = z.string().min(1).max(64).optional();

export const weightInputSchema = z.strictObject({
  id: optionalId,
  measuredOn: z.iso.date(),
  value: z.number().positive(),
  unit: z.enum(['kg', 'lb']),
});

export const clinicalInputSchema = clinicalSchema
  .extend({
    weights: z.array(weightInputSchema).max(2000),
    heights: z.array(heightEntrySchema.extend({ id: optionalId })).max(500),
    allergies: z.array(clinicalSchema.shape.allergies.element.extend({ id: optionalId })).max(200),
    conditions: z.array(clinicalSchema.shape.conditions.element.extend({ id: optionalId })).max(200),
    medications: z.array(clinicalSchema.shape.medications.element.extend({ id: optionalId })).max(200),
    psychiatricHistory: z.array(clinicalSchema.shape.psychiatricHistory.element.extend({ id: optionalId })).max(200),
    substanceUseHistory: z.array(clinicalSchema.shape.substanceUseHistory.element.extend({ id: optionalId })).max(200),
    painHistory: painHistorySchema
      .extend({ treatmentsTried: z.array(painHistorySchema.shape.treatmentsTried.element.extend({ id: optionalId })).max(100) })
      .optional(),
  })
  .partial();
export type ClinicalInput = z.infer<typeof clinicalInputSchema>;

export const newPatientInputSchema = z.strictObject({
  demographics: demographicsSchema,
  clinical: clinicalInputSchema.optional(),
});
export type NewPatientInput = z.infer<typeof newPatientInputSchema>;

/** In a change, `null` clears an optional contact field (omitting it keeps the stored value). */
const demographicsChangesSchema = demographicsSchema.partial().extend({
  phone: demographicsSchema.shape.phone.unwrap().nullable().optional(),
  email: demographicsSchema.shape.email.unwrap().nullable().optional(),
  address: demographicsSchema.shape.address.unwrap().nullable().optional(),
  emergencyContact: demographicsSchema.shape.emergencyContact.unwrap().nullable().optional(),
});

export const patientChangesSchema = z.strictObject({
  demographics: demographicsChangesSchema.optional(),
  clinical: clinicalInputSchema.optional(),
});
export type PatientChanges = z.infer<typeof patientChangesSchema>;

export interface FieldIssue {
  path: string;
  message: string;
}

/** Converts an entered weight to kg; 1 lb = 0.45359237 kg exactly. */
export function convertWeightToKg(value: number, unit: 'kg' | 'lb'): number {
  return unit === 'kg' ? value : value * KG_PER_LB;
}

/** Body-mass index, kg/m^2 (WHO definition), from the latest weight and height; undefined when either is missing. */
export function computeBmi(clinical: Pick<Clinical, 'weights' | 'heights'>): number | undefined {
  const weight = latestByDate(clinical.weights);
  const height = latestByDate(clinical.heights);
  if (!weight || !height) return undefined;
  const heightM = height.heightCm / 100;
  return Math.round((weight.weightKg / (heightM * heightM)) * 10) / 10;
}

export function latestByDate<T extends { measuredOn: string }>(entries: readonly T[]): T | undefined {
  let latest: T | undefined;
  for (const entry of entries) if (!latest || entry.measuredOn >= latest.measuredOn) latest = entry;
  return latest;
}

/**
 * Applies changes to a record (lists are replaced whole, scalar sections replace theirs), assigning ids to new
 * entries and converting weights to kg. Returns the new record or the implausible values found.
 */
export function applyPatientChanges(
  base: PatientRecord,
  changes: PatientChanges,
  context: { todayIso: string; newId: () => string },
): { ok: true; record: PatientRecord } | { ok: false; issues: FieldIssue[] } {
  const clinicalInput = changes.clinical ?? {};
  const withIds = <T extends { id?: string | undefined }>(entries: T[] | undefined): (T & { id: string })[] | undefined =>
    entries?.map((entry) => ({ ...entry, id: entry.id ?? context.newId() }));
  const clinical: Clinical = {
    ...base.clinical,
    ...clinicalInput,
    weights: clinicalInput.weights
      ? clinicalInput.weights.map((w) => ({
          id: w.id ?? context.newId(),
          measuredOn: w.measuredOn,
          weightKg: convertWeightToKg(w.value, w.unit),
        }))
      : base.clinical.weights,
    heights: withIds(clinicalInput.heights) ?? base.clinical.heights,
    painHistory: clinicalInput.painHistory
      ? { ...clinicalInput.painHistory, treatmentsTried: withIds(clinicalInput.painHistory.treatmentsTried) ?? [] }
      : base.clinical.painHistory,
    allergies: withIds(clinicalInput.allergies) ?? base.clinical.allergies,
    conditions: withIds(clinicalInput.conditions) ?? base.clinical.conditions,
    medications: withIds(clinicalInput.medications) ?? base.clinical.medications,
    psychiatricHistory: withIds(clinicalInput.psychiatricHistory) ?? base.clinical.psychiatricHistory,
    substanceUseHistory: withIds(clinicalInput.substanceUseHistory) ?? base.clinical.substanceUseHistory,
  };
  const demographics = { ...base.demographics, ...changes.demographics };
  for (const key of Object.keys(demographics) as (keyof typeof demographics)[]) if (demographics[key] === null) delete demographics[key];
  const record: PatientRecord = { demographics: demographics as PatientRecord['demographics'], clinical };
  const issues = findImplausibleValues(record, context.todayIso);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, record };
}

/** Plausible ranges from issue 2: adult weight 30-300 kg, height 100-250 cm, no dates in the future. */
export function findImplausibleValues(record: PatientRecord, todayIso: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const { demographics, clinical } = record;
  if (demographics.birthDate > todayIso) issues.push({ path: 'demographics.birthDate', message: 'Birth date is in the future.' });
  if (demographics.birthDate < '1900-01-01') issues.push({ path: 'demographics.birthDate', message: 'Birth date is before 1900.' });
  clinical.weights.forEach((w, i) => {
    if (w.weightKg < WEIGHT_KG_MIN || w.weightKg > WEIGHT_KG_MAX)
      issues.push({
        path: `clinical.weights.${i}`,
        message: `Weight must be ${WEIGHT_KG_MIN}-${WEIGHT_KG_MAX} kg (${Math.round(w.weightKg * 10) / 10} kg given).`,
      });
    if (w.measuredOn > todayIso) issues.push({ path: `clinical.weights.${i}.measuredOn`, message: 'Measurement date is in the future.' });
  });
  clinical.heights.forEach((h, i) => {
    if (h.heightCm < HEIGHT_CM_MIN || h.heightCm > HEIGHT_CM_MAX)
      issues.push({ path: `clinical.heights.${i}`, message: `Height must be ${HEIGHT_CM_MIN}-${HEIGHT_CM_MAX} cm.` });
    if (h.measuredOn > todayIso) issues.push({ path: `clinical.heights.${i}.measuredOn`, message: 'Measurement date is in the future.' });
  });
  clinical.medications.forEach((m, i) => {
    if (m.startDate && m.stopDate && m.stopDate < m.startDate)
      issues.push({ path: `clinical.medications.${i}.stopDate`, message: 'Stop date is before start date.' });
  });
  if (clinical.pregnancy && clinical.pregnancy.recordedOn > todayIso)
    issues.push({ path: 'clinical.pregnancy.recordedOn', message: 'Date is in the future.' });
  return issues;
}
