import type { Clinical, ClinicalInput } from './patients.api.ts';

/**
 * The clinical record as the Edit form holds it: the API's shape (so the server's issue paths land on the
 * right field), with empty strings for "not given" and numbers that may be '' while being typed.
 */

type Entry<K extends keyof Clinical> = Clinical[K] extends (infer E)[] ? E : never;
type NumberDraft = number | string;

export const CM_PER_IN = 2.54;

export interface ClinicalDraft {
  weights: { id?: string; measuredOn: string; value: NumberDraft; unit: 'kg' | 'lb' }[];
  heights: { id?: string; measuredOn: string; value: NumberDraft; unit: 'cm' | 'in' }[];
  allergies: { id?: string; substance: Entry<'allergies'>['substance']; reaction: string; severity: Entry<'allergies'>['severity'] }[];
  conditions: {
    id?: string;
    coding: { kind: 'icd10cm' | 'uncoded'; code: string; display: string; text: string };
    onsetDate: string;
    status: Entry<'conditions'>['status'];
  }[];
  medications: (Omit<Entry<'medications'>, 'id' | 'strength' | 'timesPerDay' | 'startDate' | 'stopDate'> & {
    id?: string;
    strength: { value: NumberDraft; unit: Entry<'medications'>['strength']['unit'] };
    timesPerDay: NumberDraft;
    startDate: string;
    stopDate: string;
  })[];
  pregnancy: { status: NonNullable<Clinical['pregnancy']>['status'] | ''; recordedOn: string };
  hepaticImpairment: { class: NonNullable<Clinical['hepaticImpairment']>['class'] | ''; recordedOn: string };
  painHistory: {
    onsetDate: string;
    durationMonths: NumberDraft;
    summary: string;
    treatmentsTried: { id?: string; category: PainTreatment['category']; detail: string; result: PainTreatment['result'] }[];
  };
  psychiatricHistory: (Omit<Entry<'psychiatricHistory'>, 'id' | 'icd10cm' | 'notedOn' | 'note'> &
    DatedNote & { id?: string; icd10cm: string })[];
  substanceUseHistory: (Omit<Entry<'substanceUseHistory'>, 'id' | 'notedOn' | 'note'> & DatedNote & { id?: string })[];
}

type PainTreatment = NonNullable<Clinical['painHistory']>['treatmentsTried'][number];
interface DatedNote {
  notedOn: string;
  note: string;
}

/** Newest measurement first, where the nurse adds today's. */
const newestFirst = <T extends { measuredOn: string }>(entries: readonly T[]) =>
  [...entries].sort((a, b) => b.measuredOn.localeCompare(a.measuredOn));

export function toClinicalDraft(clinical: Clinical): ClinicalDraft {
  return {
    weights: newestFirst(clinical.weights).map((w) => ({
      id: w.id,
      measuredOn: w.measuredOn,
      value: Math.round(w.weightKg * 10) / 10,
      unit: 'kg',
    })),
    heights: newestFirst(clinical.heights).map((h) => ({ id: h.id, measuredOn: h.measuredOn, value: h.heightCm, unit: 'cm' })),
    allergies: clinical.allergies.map((a) => ({ id: a.id, substance: a.substance, reaction: a.reaction ?? '', severity: a.severity })),
    conditions: clinical.conditions.map((c) => ({
      id: c.id,
      coding:
        c.coding.kind === 'icd10cm'
          ? { kind: 'icd10cm', code: c.coding.code, display: c.coding.display, text: '' }
          : { kind: 'uncoded', code: '', display: '', text: c.coding.text },
      onsetDate: c.onsetDate ?? '',
      status: c.status,
    })),
    medications: clinical.medications.map((m) => ({ ...m, startDate: m.startDate ?? '', stopDate: m.stopDate ?? '' })),
    pregnancy: { status: clinical.pregnancy?.status ?? '', recordedOn: clinical.pregnancy?.recordedOn ?? '' },
    hepaticImpairment: { class: clinical.hepaticImpairment?.class ?? '', recordedOn: clinical.hepaticImpairment?.recordedOn ?? '' },
    painHistory: {
      onsetDate: clinical.painHistory?.onsetDate ?? '',
      durationMonths: clinical.painHistory?.durationMonths ?? '',
      summary: clinical.painHistory?.summary ?? '',
      treatmentsTried: (clinical.painHistory?.treatmentsTried ?? []).map((t) => ({ ...t, detail: t.detail ?? '' })),
    },
    psychiatricHistory: clinical.psychiatricHistory.map((p) => ({
      ...p,
      icd10cm: p.icd10cm ?? '',
      notedOn: p.notedOn ?? '',
      note: p.note ?? '',
    })),
    substanceUseHistory: clinical.substanceUseHistory.map((s) => ({ ...s, notedOn: s.notedOn ?? '', note: s.note ?? '' })),
  };
}

const text = (value: string) => (value.trim() ? value.trim() : undefined);
/** An unfinished number goes to the server as NaN -> null in JSON, which it refuses with a field message. */
const num = (value: NumberDraft) => (typeof value === 'number' ? value : value.trim() === '' ? Number.NaN : Number(value));

/** 128 random bits as hex; getRandomValues works on plain-http LAN installs, where randomUUID does not. */
function newEntryId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The sections of the draft the form reports as changed, in the API's input shape (lists are sent whole). */
export function fromClinicalDraft(draft: ClinicalDraft, changed: (section: keyof ClinicalDraft) => boolean): ClinicalInput {
  const input: ClinicalInput = {};
  if (changed('weights'))
    input.weights = draft.weights.map((w) => ({ id: w.id, measuredOn: w.measuredOn, value: num(w.value), unit: w.unit }));
  if (changed('heights'))
    input.heights = draft.heights.map((h) => ({
      id: h.id,
      measuredOn: h.measuredOn,
      heightCm: h.unit === 'cm' ? num(h.value) : Math.round(num(h.value) * CM_PER_IN * 10) / 10,
    }));
  if (changed('allergies'))
    input.allergies = draft.allergies.map((a) => ({
      id: a.id,
      substance: { ...a.substance, display: a.substance.display.trim() },
      reaction: text(a.reaction),
      severity: a.severity,
    }));
  if (changed('conditions'))
    input.conditions = draft.conditions.map((c) => ({
      id: c.id,
      coding:
        c.coding.kind === 'icd10cm'
          ? { kind: 'icd10cm', code: c.coding.code, display: c.coding.display }
          : { kind: 'uncoded', text: c.coding.text.trim() },
      onsetDate: text(c.onsetDate),
      status: c.status,
    }));
  if (changed('medications'))
    input.medications = draft.medications.map((m) => ({
      ...m,
      ingredient: m.ingredient.trim(),
      strength: { value: num(m.strength.value), unit: m.strength.unit },
      timesPerDay: num(m.timesPerDay),
      startDate: text(m.startDate),
      stopDate: text(m.stopDate),
    }));
  if (changed('pregnancy') && draft.pregnancy.status !== '')
    input.pregnancy = { status: draft.pregnancy.status, recordedOn: draft.pregnancy.recordedOn };
  if (changed('hepaticImpairment') && draft.hepaticImpairment.class !== '')
    input.hepaticImpairment = { class: draft.hepaticImpairment.class, recordedOn: draft.hepaticImpairment.recordedOn };
  if (changed('painHistory'))
    input.painHistory = {
      onsetDate: text(draft.painHistory.onsetDate),
      durationMonths: draft.painHistory.durationMonths === '' ? undefined : num(draft.painHistory.durationMonths),
      summary: text(draft.painHistory.summary),
      // The input schema requires ids on treatments (unlike other lists), so a new one gets its id here.
      treatmentsTried: draft.painHistory.treatmentsTried.map((t) => ({ ...t, id: t.id ?? newEntryId(), detail: text(t.detail) })),
    };
  if (changed('psychiatricHistory'))
    input.psychiatricHistory = draft.psychiatricHistory.map((p) => ({
      ...p,
      icd10cm: text(p.icd10cm),
      notedOn: text(p.notedOn),
      note: text(p.note),
    }));
  if (changed('substanceUseHistory'))
    input.substanceUseHistory = draft.substanceUseHistory.map((s) => ({ ...s, notedOn: text(s.notedOn), note: text(s.note) }));
  return input;
}

/** Server paths name `heightCm`; the form holds the entered value and its unit. */
export const renameClinicalIssuePath = (path: string) => path.replace(/^(clinical\.heights\.\d+)\.heightCm$/, '$1.value');
