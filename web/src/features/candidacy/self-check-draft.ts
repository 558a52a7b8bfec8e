import { DN4_INTERVIEW_ITEMS } from '../../../../src/domain/instruments/dn4.ts';
import { type SelfCheckAnswers, selfCheckSchema } from '../../../../src/domain/screening/index.ts';

/**
 * The self-check as the form holds it: every question present, '' meaning "not answered yet". `toSelfCheckAnswers`
 * turns it into the public schema's shape (src/domain/screening/self-check.ts); that schema checks it again.
 */

type Exclusions = SelfCheckAnswers['exclusions'];
type Treatment = SelfCheckAnswers['treatmentsTried'][number];
export type TreatmentCategory = Treatment['category'];
export type DiagnosisGroup = Extract<SelfCheckAnswers['diagnoses'][number], { kind: 'group' }>['group'];

export interface SelfCheckDraft {
  clinicId: string;
  ageYears: number | string;
  painDurationMonths: number | string;
  diagnosisGroups: DiagnosisGroup[];
  otherDiagnosis: string;
  treatments: Record<TreatmentCategory, Treatment['result'] | 'not_tried'>;
  dailyActivity0to10: number | string;
  sleep0to10: number | string;
  dn4: Record<string, '' | 'yes' | 'no'>;
  painSpreadingOrOutOfProportion: SelfCheckAnswers['painSpreadingOrOutOfProportion'] | '';
  exclusions: { [K in keyof Exclusions]: Exclusions[K] | '' };
}

export const TREATMENT_LABELS: Record<TreatmentCategory, string> = {
  opioids: 'Opioid pain medicines (for example morphine, oxycodone, tramadol)',
  nsaids: 'Anti-inflammatory medicines (for example ibuprofen, naproxen)',
  anticonvulsants: 'Nerve pain medicines (for example gabapentin, pregabalin)',
  antidepressants: 'Antidepressants used for pain (for example amitriptyline, duloxetine)',
  physical_therapy: 'Physiotherapy or exercise therapy',
  nerve_blocks: 'Nerve blocks or injections',
  ketamine: 'Ketamine or esketamine before',
  other: 'Something else',
};

export const DIAGNOSIS_LABELS: Record<DiagnosisGroup, string> = {
  crps: 'Complex regional pain syndrome (CRPS)',
  fibromyalgia: 'Fibromyalgia',
  diabetic_neuropathy: 'Nerve pain from diabetes',
  postherpetic_neuralgia: 'Nerve pain after shingles',
  phantom_limb: 'Phantom limb pain',
  migraine: 'Migraine',
  chronic_pain: 'Another long-lasting pain',
  cancer_pain: 'Pain related to cancer',
  sickle_cell: 'Sickle cell disease',
  depression: 'Depression',
};

export function emptySelfCheckDraft(): SelfCheckDraft {
  const treatments = Object.fromEntries(Object.keys(TREATMENT_LABELS).map((key) => [key, 'not_tried'])) as SelfCheckDraft['treatments'];
  return {
    clinicId: '',
    ageYears: '',
    painDurationMonths: '',
    diagnosisGroups: [],
    otherDiagnosis: '',
    treatments,
    dailyActivity0to10: '',
    sleep0to10: '',
    dn4: Object.fromEntries(DN4_INTERVIEW_ITEMS.map((item) => [item.id, ''])),
    painSpreadingOrOutOfProportion: '',
    exclusions: {
      pregnancy: '',
      psychosisNotControlled: '',
      highBloodPressureNotControlled: '',
      heartDiseaseNotControlled: '',
      liverDisease: '',
      glaucomaOrRaisedIntracranialPressure: '',
      substanceUse: '',
      ketamineAllergy: '',
    },
  };
}

const asNumber = (value: number | string) => (typeof value === 'number' ? value : undefined);

/** The draft in the API's shape; unanswered DN4 items are left out (the schema allows it). */
export function toSelfCheckAnswers(draft: SelfCheckDraft): unknown {
  const dn4Entries = Object.entries(draft.dn4).flatMap(([id, value]) => (value === '' ? [] : [[id, value === 'yes' ? 1 : 0] as const]));
  const treatmentsTried = Object.entries(draft.treatments).flatMap(([category, result]) =>
    result === 'not_tried' ? [] : [{ category, result }],
  );
  const otherDiagnosis = draft.otherDiagnosis.trim();
  return {
    ...(typeof draft.ageYears === 'number' ? { ageYears: draft.ageYears } : {}),
    painDurationMonths: asNumber(draft.painDurationMonths),
    diagnoses: [
      ...draft.diagnosisGroups.map((group) => ({ kind: 'group', group })),
      ...(otherDiagnosis ? [{ kind: 'text', text: otherDiagnosis }] : []),
    ],
    treatmentsTried,
    interference: { dailyActivity0to10: asNumber(draft.dailyActivity0to10), sleep0to10: asNumber(draft.sleep0to10) },
    ...(dn4Entries.length > 0 ? { dn4Interview: Object.fromEntries(dn4Entries) } : {}),
    painSpreadingOrOutOfProportion: draft.painSpreadingOrOutOfProportion || undefined,
    exclusions: Object.fromEntries(Object.entries(draft.exclusions).map(([key, value]) => [key, value || undefined])),
  };
}

/** Plain-language messages for the questions a person skipped, keyed by the form's field path. */
const REQUIRED_MESSAGES: Record<string, string> = {
  painDurationMonths: 'Tell us how many months you have had this pain',
  'interference.dailyActivity0to10': 'Choose a number from 0 to 10',
  'interference.sleep0to10': 'Choose a number from 0 to 10',
  painSpreadingOrOutOfProportion: 'Choose an answer',
};

/** Maps an API or schema path to the form's field path. */
export function toDraftPath(apiPath: string): string {
  const path = apiPath.replace(/^body\./, '').replace(/^answers\./, '');
  if (path.startsWith('interference.')) return path.replace('interference.', '');
  if (path.startsWith('dn4Interview.')) return path.replace('dn4Interview.', 'dn4.');
  if (path.startsWith('diagnoses')) return 'otherDiagnosis';
  if (path.startsWith('treatmentsTried')) return 'treatments';
  return path;
}

/** Every problem with the answers, keyed by the form's field path (empty when the answers are complete). */
export function validateSelfCheckDraft(draft: SelfCheckDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!draft.clinicId) errors.clinicId = 'Choose the clinic you would like to visit';
  const parsed = selfCheckSchema.safeParse(toSelfCheckAnswers(draft));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const apiPath = issue.path.join('.');
      const path = toDraftPath(apiPath);
      const missing = issue.code === 'invalid_type' || issue.code === 'invalid_value';
      errors[path] ??= missing ? (REQUIRED_MESSAGES[apiPath] ?? 'Choose an answer') : issue.message;
    }
  }
  return errors;
}

/** Narrows a draft that passed validation. */
export function parseSelfCheckDraft(draft: SelfCheckDraft): SelfCheckAnswers {
  return selfCheckSchema.parse(toSelfCheckAnswers(draft));
}

/** Which fields each step of the form holds, so "Next" shows only that step's problems. */
export const SELF_CHECK_STEP_FIELDS: readonly (readonly string[])[] = [
  ['clinicId', 'ageYears'],
  ['painDurationMonths', 'otherDiagnosis'],
  ['treatments'],
  ['dailyActivity0to10', 'sleep0to10', 'dn4', 'painSpreadingOrOutOfProportion'],
  ['exclusions'],
];

export function stepErrors(errors: Record<string, string>, step: number): Record<string, string> {
  const fields = SELF_CHECK_STEP_FIELDS[step] ?? [];
  return Object.fromEntries(
    Object.entries(errors).filter(([path]) => fields.some((field) => path === field || path.startsWith(`${field}.`))),
  );
}
