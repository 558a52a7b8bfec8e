import { describe, expect, it } from 'vitest';
import { classifyMedication, type DrugClass } from '../patients/drug-classes.ts';
import { findIcd10 } from '../patients/icd10-picklist.ts';
import { findImplausibleValues } from '../patients/patient-input.ts';
import { type PatientRecord, patientRecordSchema } from '../patients/patient-record.ts';
import { buildDemoPatients } from './demo-patients.ts';
import { computeAgeYears } from './demo-random.ts';

const TODAY = '2026-03-15';
const CLINIC_IDS = ['clinic-denver', 'clinic-chicago'] as const;
const patients = buildDemoPatients({ todayIso: TODAY, clinicIds: CLINIC_IDS });
const records = patients.map((patient) => patient.record);

const codesOf = (record: PatientRecord) => record.clinical.conditions.flatMap((c) => (c.coding.kind === 'icd10cm' ? [c.coding.code] : []));
const countOnClass = (drugClass: DrugClass) =>
  records.filter((record) => record.clinical.medications.some((m) => classifyMedication(m).includes(drugClass))).length;

/** Every string value in a JSON-like tree, with its path. */
function collectStrings(value: unknown, path = ''): { path: string; text: string }[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, i) => collectStrings(item, `${path}.${i}`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => collectStrings(item, `${path}.${key}`));
  return [];
}

describe('buildDemoPatients: validity', () => {
  it('builds exactly 30 patients', () => {
    expect(patients).toHaveLength(30);
  });

  // Leap day, year ends and the default date: dates are computed from todayIso, so check several.
  it.each([TODAY, '2024-02-29', '2025-01-01', '2031-12-31'])('passes the record schema and the plausibility checks on %s', (todayIso) => {
    for (const { record } of buildDemoPatients({ todayIso, clinicIds: CLINIC_IDS })) {
      const parsed = patientRecordSchema.safeParse(record);
      expect(parsed.success, `${record.demographics.mrn}: ${parsed.error?.message}`).toBe(true);
      expect(findImplausibleValues(record, todayIso), record.demographics.mrn).toEqual([]);
      const age = computeAgeYears(record.demographics.birthDate, todayIso);
      expect(age >= 19 && age <= 84, `${record.demographics.mrn} age ${age}`).toBe(true);
      // Only a planned stop date (a 10-day antibiotic course) may lie in the future.
      const dates = collectStrings(record).filter((s) => /^\d{4}-\d{2}-\d{2}$/.test(s.text) && !s.path.endsWith('.stopDate'));
      for (const { path, text } of dates) expect(text <= todayIso, `${record.demographics.mrn}${path}`).toBe(true);
    }
  });

  it('spans the age range 19-84', () => {
    const ages = records.map((r) => computeAgeYears(r.demographics.birthDate, TODAY));
    expect(Math.min(...ages)).toBe(19);
    expect(Math.max(...ages)).toBe(84);
  });

  it('has 1-4 weights per patient, oldest first, and a height', () => {
    for (const { clinical } of records) {
      expect(clinical.weights.length).toBeGreaterThanOrEqual(1);
      expect(clinical.weights.length).toBeLessThanOrEqual(4);
      const dates = clinical.weights.map((w) => w.measuredOn);
      expect(dates).toEqual([...dates].sort());
      expect(clinical.heights).toHaveLength(1);
    }
  });

  it('gives every list entry a unique id of the form demo-<n>-<kind>-<k>', () => {
    const ids = collectStrings(records).filter((s) => s.path.endsWith('.id'));
    expect(ids.length).toBeGreaterThan(300);
    for (const { text } of ids) expect(text).toMatch(/^demo-\d{1,2}-[a-z]+-\d+$/);
    expect(new Set(ids.map((s) => s.text)).size).toBe(ids.length);
  });

  it('codes conditions only from the pick list, with its display text', () => {
    for (const record of records) {
      for (const condition of record.clinical.conditions) {
        if (condition.coding.kind !== 'icd10cm') continue;
        expect(findIcd10(condition.coding.code)?.display).toBe(condition.coding.display);
      }
    }
  });
});

describe('buildDemoPatients: determinism', () => {
  it('returns the same patients for the same input', () => {
    expect(buildDemoPatients({ todayIso: TODAY, clinicIds: CLINIC_IDS })).toEqual(patients);
  });

  it('keeps names and MRNs but moves dates with the build date', () => {
    const later = buildDemoPatients({ todayIso: '2027-03-15', clinicIds: CLINIC_IDS });
    expect(later.map((p) => p.record.demographics.familyName)).toEqual(records.map((r) => r.demographics.familyName));
    expect(later[0]?.record.demographics.birthDate).not.toBe(records[0]?.demographics.birthDate);
  });

  it('assigns home clinics from the given ids, in both clinics', () => {
    for (const patient of patients) expect(patient.homeClinicId).toBe(CLINIC_IDS[patient.homeClinicIndex]);
    expect(new Set(patients.map((p) => p.homeClinicIndex))).toEqual(new Set([0, 1]));
    expect(patients[0]?.homeClinicIndex).toBe(0);
  });
});

describe('buildDemoPatients: demographics', () => {
  it('uses unique DEMO-nnnn MRNs and unique names', () => {
    const mrns = records.map((r) => r.demographics.mrn);
    for (const mrn of mrns) expect(mrn).toMatch(/^DEMO-\d{4}$/);
    expect(new Set(mrns).size).toBe(30);
    expect(new Set(records.map((r) => `${r.demographics.givenName} ${r.demographics.familyName}`)).size).toBe(30);
  });

  it('uses fictional 555-01xx phones and example.com emails only', () => {
    for (const { demographics } of records) {
      expect(demographics.phone).toMatch(/^\(\d{3}\) 555-01\d{2}$/);
      expect(demographics.email).toMatch(/^[a-z.]+@example\.com$/);
      if (demographics.emergencyContact) expect(demographics.emergencyContact.phone).toMatch(/^\(\d{3}\) 555-01\d{2}$/);
    }
  });

  it('contains markup in exactly one field: the inert-display probe in a pain summary', () => {
    const withMarkup = collectStrings(records).filter((s) => /[<>]/.test(s.text));
    expect(withMarkup).toHaveLength(1);
    expect(withMarkup[0]?.path).toMatch(/^\.\d+\.clinical\.painHistory\.summary$/);
    expect(withMarkup[0]?.text).toContain('<script>alert(1)</script>');
  });
});

describe('buildDemoPatients: clinical mix', () => {
  // Conditions from the clinic pages in shared/seeds.
  it.each([
    ['CRPS', 5, /^G(90\.5|56\.4|57\.7)/],
    ['fibromyalgia', 2, /^M79\.7$/],
    ['diabetic neuropathy', 2, /^E1[01]\.4/],
    ['postherpetic neuralgia', 2, /^B02\.2/],
    ['phantom limb pain', 1, /^G54\.6$/],
    ['migraine', 2, /^G43\./],
    ['cancer pain', 1, /^G89\.3$/],
    ['depression', 3, /^F3[23]\./],
    ['sickle cell disease', 1, /^D57\./],
    ['chronic pain due to trauma (spinal injury)', 1, /^G89\.21$/],
  ])('includes %s (at least %i patients)', (_label, minimum, pattern) => {
    const count = records.filter((r) => codesOf(r).some((code) => pattern.test(code))).length;
    expect(count).toBeGreaterThanOrEqual(minimum);
  });

  it('has CRPS of both an upper and a lower limb', () => {
    const codes = records.flatMap(codesOf);
    expect(codes.some((c) => /^G90\.51/.test(c))).toBe(true);
    expect(codes.some((c) => /^G90\.52/.test(c))).toBe(true);
  });

  it('has depression with chronic pain and treatment-resistant depression', () => {
    const trd = records.filter((r) => r.clinical.psychiatricHistory.some((p) => p.code === 'treatment_resistant_depression'));
    expect(trd.length).toBeGreaterThanOrEqual(1);
    expect(trd.some((r) => codesOf(r).some((code) => code.startsWith('G89.')))).toBe(true);
  });

  it('puts at least 3 patients on opioids and 2 on benzodiazepines (classifyMedication)', () => {
    expect(countOnClass('opioid')).toBeGreaterThanOrEqual(3);
    expect(countOnClass('benzodiazepine')).toBeGreaterThanOrEqual(2);
  });

  it('puts at most one patient on an MAOI and exactly one on lamotrigine', () => {
    expect(countOnClass('maoi')).toBeLessThanOrEqual(1);
    expect(countOnClass('lamotrigine')).toBe(1);
  });

  it('includes the DOMAIN.md 9 worked-example opioid regimens', () => {
    const meds = records.flatMap((r) => r.clinical.medications);
    const has = (ingredient: string, value: number, unit: string, timesPerDay: number) =>
      meds.some(
        (m) =>
          m.ingredient.startsWith(ingredient) && m.strength.value === value && m.strength.unit === unit && m.timesPerDay === timesPerDay,
      );
    expect(has('hydrocodone', 5, 'mg', 4)).toBe(true);
    expect(has('oxycodone', 10, 'mg', 2)).toBe(true);
    expect(has('tramadol', 50, 'mg', 3)).toBe(true);
    expect(meds.some((m) => m.ingredient === 'fentanyl' && m.strength.unit === 'mcg/h' && m.strength.value === 25)).toBe(true);
  });

  it('records exactly one possible pregnancy, only in women aged 19-50', () => {
    const withStatus = records.filter((r) => r.clinical.pregnancy);
    expect(withStatus.filter((r) => r.clinical.pregnancy?.status === 'possible')).toHaveLength(1);
    for (const record of withStatus.filter((r) => r.clinical.pregnancy?.status !== 'not_applicable')) {
      expect(record.demographics.sex).toBe('female');
      expect(computeAgeYears(record.demographics.birthDate, TODAY)).toBeLessThanOrEqual(50);
    }
  });

  it('records one moderate hepatic impairment among a few classes', () => {
    const classes = records.flatMap((r) => (r.clinical.hepaticImpairment ? [r.clinical.hepaticImpairment.class] : []));
    expect(classes.filter((c) => c === 'moderate')).toHaveLength(1);
    expect(classes.length).toBeGreaterThanOrEqual(3);
  });

  it('has a past opioid use disorder in remission and an active alcohol use', () => {
    const substance = records.flatMap((r) => r.clinical.substanceUseHistory);
    expect(substance.some((s) => s.substance === 'opioids' && s.status === 'in_remission')).toBe(true);
    expect(substance.some((s) => s.substance === 'alcohol' && s.status === 'active')).toBe(true);
  });

  it('gives allergies with severities, including a codeine intolerance coded to RxCUI 2670', () => {
    const allergies = records.flatMap((r) => r.clinical.allergies);
    expect(new Set(allergies.map((a) => a.severity)).size).toBeGreaterThanOrEqual(3);
    expect(allergies.some((a) => a.substance.code === '2670' && a.reaction?.includes('nausea'))).toBe(true);
  });
});
