import { z } from 'zod';

/**
 * The structured patient record: typed and coded so rules (screening, MME, interactions) can read it.
 * One document per version; every change stores a new version (DESIGN.md principles).
 */

// Plausible adult ranges (issue 2): weight 30-300 kg, height 100-250 cm.
export const WEIGHT_KG_MIN = 30;
export const WEIGHT_KG_MAX = 300;
export const HEIGHT_CM_MIN = 100;
export const HEIGHT_CM_MAX = 250;
/** International avoirdupois pound, exact by definition (1959 agreement). */
export const KG_PER_LB = 0.45359237;

const isoDate = z.iso.date();
const shortText = z.string().trim().min(1).max(200);
const longText = z.string().trim().max(4000);
const entryId = z.string().min(1).max(64);

export const sexSchema = z.enum(['female', 'male', 'other', 'unknown']);

export const demographicsSchema = z.strictObject({
  mrn: z.string().trim().min(1).max(40),
  givenName: shortText,
  familyName: shortText,
  birthDate: isoDate,
  sex: sexSchema,
  phone: z.string().trim().max(40).optional(),
  email: z.email().max(200).optional(),
  address: z.string().trim().max(400).optional(),
  emergencyContact: z
    .strictObject({ name: shortText, relationship: z.string().trim().max(80).optional(), phone: z.string().trim().min(1).max(40) })
    .optional(),
});
export type Demographics = z.infer<typeof demographicsSchema>;

export const weightEntrySchema = z.strictObject({ id: entryId, measuredOn: isoDate, weightKg: z.number() });
export const heightEntrySchema = z.strictObject({ id: entryId, measuredOn: isoDate, heightCm: z.number() });

export const allergySchema = z.strictObject({
  id: entryId,
  /** Coded where possible (RxNorm ingredient for drugs); display always present. */
  substance: z.strictObject({ system: z.enum(['rxnorm', 'local']).optional(), code: z.string().max(40).optional(), display: shortText }),
  reaction: z.string().trim().max(200).optional(),
  severity: z.enum(['mild', 'moderate', 'severe', 'unknown']),
});

/** ICD-10-CM from the shipped pick list, or free text clearly marked as uncoded. */
export const conditionSchema = z.strictObject({
  id: entryId,
  coding: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('icd10cm'), code: z.string().regex(/^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/), display: shortText }),
    z.strictObject({ kind: z.literal('uncoded'), text: shortText }),
  ]),
  onsetDate: isoDate.optional(),
  status: z.enum(['active', 'resolved']),
});

export const medicationRouteSchema = z.enum([
  'oral',
  'sublingual',
  'transdermal',
  'intravenous',
  'intramuscular',
  'subcutaneous',
  'intranasal',
  'topical',
  'rectal',
  'inhaled',
  'other',
]);

/** Enough for the opioid MME calculation (DOMAIN.md 9) and the interaction rules (DOMAIN.md 11). */
export const medicationSchema = z.strictObject({
  id: entryId,
  ingredient: shortText,
  rxcui: z
    .string()
    .regex(/^[0-9]{1,10}$/)
    .optional(),
  strength: z.strictObject({ value: z.number().positive().max(100_000), unit: z.enum(['mg', 'mcg', 'g', 'mcg/h', 'mg/mL', 'mg/h', '%']) }),
  form: z.enum(['tablet', 'capsule', 'extended_release_tablet', 'solution', 'patch', 'injection', 'spray', 'cream', 'lozenge', 'other']),
  route: medicationRouteSchema,
  timesPerDay: z.number().positive().max(24),
  prn: z.boolean(),
  startDate: isoDate.optional(),
  stopDate: isoDate.optional(),
});
export type Medication = z.infer<typeof medicationSchema>;

export const pregnancySchema = z.strictObject({
  status: z.enum(['pregnant', 'not_pregnant', 'possible', 'not_applicable', 'unknown']),
  recordedOn: isoDate,
});

/** Child-Pugh class where known (DOMAIN.md 11: severe = not recommended, moderate = caution). */
export const hepaticImpairmentSchema = z.strictObject({
  class: z.enum(['none', 'mild', 'moderate', 'severe', 'unknown']),
  recordedOn: isoDate,
});

export const treatmentTriedSchema = z.strictObject({
  id: entryId,
  category: z.enum(['opioids', 'nsaids', 'anticonvulsants', 'antidepressants', 'physical_therapy', 'nerve_blocks', 'ketamine', 'other']),
  detail: z.string().trim().max(200).optional(),
  result: z.enum(['helped', 'partial', 'no_effect', 'not_tolerated', 'unknown']),
});

export const painHistorySchema = z.strictObject({
  onsetDate: isoDate.optional(),
  durationMonths: z.number().int().min(0).max(1200).optional(),
  summary: longText.optional(),
  treatmentsTried: z.array(treatmentTriedSchema).max(100),
});

/** Psychiatric history as coded entries (ICD-10-CM F codes from the pick list, or local codes). */
export const psychiatricEntrySchema = z.strictObject({
  id: entryId,
  code: z.enum([
    'psychosis',
    'schizophrenia',
    'bipolar',
    'major_depression',
    'treatment_resistant_depression',
    'ptsd',
    'anxiety',
    'suicide_attempt',
    'other',
  ]),
  icd10cm: z.string().max(10).optional(),
  status: z.enum(['active', 'controlled', 'past']),
  notedOn: isoDate.optional(),
  note: z.string().trim().max(400).optional(),
});

export const substanceUseEntrySchema = z.strictObject({
  id: entryId,
  substance: z.enum(['alcohol', 'opioids', 'cannabis', 'stimulants', 'sedatives', 'ketamine', 'hallucinogens', 'tobacco', 'other']),
  status: z.enum(['active', 'in_remission', 'past']),
  notedOn: isoDate.optional(),
  note: z.string().trim().max(400).optional(),
});

export const clinicalSchema = z.strictObject({
  weights: z.array(weightEntrySchema).max(2000),
  heights: z.array(heightEntrySchema).max(500),
  allergies: z.array(allergySchema).max(200),
  conditions: z.array(conditionSchema).max(200),
  medications: z.array(medicationSchema).max(200),
  pregnancy: pregnancySchema.optional(),
  hepaticImpairment: hepaticImpairmentSchema.optional(),
  painHistory: painHistorySchema.optional(),
  psychiatricHistory: z.array(psychiatricEntrySchema).max(200),
  substanceUseHistory: z.array(substanceUseEntrySchema).max(200),
});
export type Clinical = z.infer<typeof clinicalSchema>;

export const patientRecordSchema = z.strictObject({ demographics: demographicsSchema, clinical: clinicalSchema });
export type PatientRecord = z.infer<typeof patientRecordSchema>;

export const emptyClinical = (): Clinical => ({
  weights: [],
  heights: [],
  allergies: [],
  conditions: [],
  medications: [],
  psychiatricHistory: [],
  substanceUseHistory: [],
});
