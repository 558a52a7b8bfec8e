import { findIcd10 } from '../patients/icd10-picklist.ts';
import type { PatientRecord } from '../patients/patient-record.ts';
import { DEMO_ALLERGIES, DEMO_MEDICATIONS, DEMO_SHORT_COURSE_DAYS } from './demo-catalog.ts';
import { DEMO_FAMILY_NAMES, DEMO_FEMALE_GIVEN_NAMES, DEMO_LOCALITIES, DEMO_MALE_GIVEN_NAMES, DEMO_STREETS } from './demo-names.ts';
import type { DemoConditionSpec, DemoProfile } from './demo-profile-types.ts';
import { DEMO_PROFILES_MIXED } from './demo-profiles-mixed.ts';
import { DEMO_PROFILES_PAIN } from './demo-profiles-pain.ts';
import {
  computeCompletedMonths,
  computeDaysBetweenIsoDates,
  createDemoRandom,
  type DemoRandom,
  shiftIsoDateByDays,
  subtractYearsFromIsoDate,
} from './demo-random.ts';

/**
 * Builds the 30 synthetic demo patients from the hand-written profiles. All randomness comes from fixed seeds, so
 * the same build date gives the same records; dates move with the build date so ages and histories stay current.
 */

export interface DemoPatient {
  homeClinicIndex: 0 | 1;
  homeClinicId: string;
  record: PatientRecord;
}

type Clinical = PatientRecord['clinical'];
type Demographics = PatientRecord['demographics'];
type Condition = Clinical['conditions'][number];

const DEMO_PROFILES: readonly DemoProfile[] = [...DEMO_PROFILES_PAIN, ...DEMO_PROFILES_MIXED];
const NAME_SEED = 0x4b455441; // "KETA"
const PATIENT_SEED = 0x434c494e; // "CLIN"
const DAYS_PER_MONTH = 30.44;

/** The demo patients for a build date: 30 synthetic records, already normalised (kg, ids on every entry).
 * Source: clinical stories in demo-profiles-*.ts (shared/seeds conditions), codes from icd10-picklist.ts. */
export function buildDemoPatients(input: { todayIso: string; clinicIds: readonly [string, string] }): DemoPatient[] {
  const names = assignDemoNames(DEMO_PROFILES);
  return DEMO_PROFILES.map((profile, index) => {
    const random = createDemoRandom(PATIENT_SEED + index * 7919);
    const homeClinicIndex: 0 | 1 = index % 2 === 0 ? 0 : 1;
    const name = names[index] ?? { givenName: 'Demo', familyName: `Patient ${index + 1}` };
    const record: PatientRecord = {
      demographics: buildDemographics(profile, index, name, homeClinicIndex, input.todayIso, random),
      clinical: buildClinical(profile, index + 1, input.todayIso, random),
    };
    return { homeClinicIndex, homeClinicId: input.clinicIds[homeClinicIndex], record };
  });
}

/** Distinct given names per sex and distinct family names, shuffled by a fixed seed.
 * Source: demo-names.ts pools; uniqueness by construction (each pool index used once). */
function assignDemoNames(profiles: readonly DemoProfile[]): { givenName: string; familyName: string }[] {
  const random = createDemoRandom(NAME_SEED);
  const female = random.shuffle(DEMO_FEMALE_GIVEN_NAMES);
  const male = random.shuffle(DEMO_MALE_GIVEN_NAMES);
  const family = random.shuffle(DEMO_FAMILY_NAMES);
  let femaleIndex = 0;
  let maleIndex = 0;
  return profiles.map((profile, index) => {
    const givenName = profile.sex === 'female' ? female[femaleIndex++] : male[maleIndex++];
    const familyName = family[index];
    if (!givenName || !familyName) throw new Error('Demo name pools are smaller than the demo profile list');
    return { givenName, familyName };
  });
}

function buildDemographics(
  profile: DemoProfile,
  index: number,
  name: { givenName: string; familyName: string },
  homeClinicIndex: 0 | 1,
  todayIso: string,
  random: DemoRandom,
): Demographics {
  const locality = DEMO_LOCALITIES[homeClinicIndex];
  const areaCode = random.pick(locality.areaCodes);
  // 555-0100 to 555-0199 are reserved for fictional use; patients use 0101-0130, their contacts 0131-0160.
  const phoneOf = (line: number) => `(${areaCode}) 555-${String(100 + line).padStart(4, '0')}`;
  // A birth date 1-364 days before the age-th birthday keeps the age in completed years exactly ageYears.
  const birthDate = shiftIsoDateByDays(subtractYearsFromIsoDate(todayIso, profile.ageYears), -random.nextInt(1, 364));
  const emailLocal = `${name.givenName}.${name.familyName}`.toLowerCase().replace(/[^a-z.]/g, '');
  const demographics: Demographics = {
    mrn: `DEMO-${String(index + 1).padStart(4, '0')}`,
    givenName: name.givenName,
    familyName: name.familyName,
    birthDate,
    sex: profile.sex,
    phone: phoneOf(index + 1),
    email: `${emailLocal}@example.com`,
    address: `${random.nextInt(100, 9899)} ${random.pick(DEMO_STREETS)}, ${locality.cityLine}`,
  };
  if (random.next() < 0.6) {
    const relationships =
      profile.ageYears < 30
        ? ['parent', 'partner', 'sister', 'brother', 'friend']
        : ['spouse', 'partner', 'daughter', 'son', 'sister', 'friend'];
    const contactGiven = random.pick([...DEMO_FEMALE_GIVEN_NAMES, ...DEMO_MALE_GIVEN_NAMES]);
    demographics.emergencyContact = {
      name: `${contactGiven} ${name.familyName}`,
      relationship: random.pick(relationships),
      phone: phoneOf(index + 31),
    };
  }
  return demographics;
}

interface EntryContext {
  id: (kind: string, k: number) => string;
  daysAgo: (days: number) => string;
  todayIso: string;
  random: DemoRandom;
}

function buildClinical(profile: DemoProfile, n: number, todayIso: string, random: DemoRandom): Clinical {
  const context: EntryContext = {
    id: (kind, k) => `demo-${n}-${kind}-${k + 1}`,
    daysAgo: (days) => shiftIsoDateByDays(todayIso, -days),
    todayIso,
    random,
  };
  const { id, daysAgo } = context;
  const weights = buildWeightSeries(profile.weightKg, random).map((entry, k) => ({
    id: id('weight', k),
    measuredOn: daysAgo(entry.daysAgo),
    weightKg: entry.weightKg,
  }));
  const conditions = profile.conditions.map((spec, k) =>
    buildCondition(spec, id('condition', k), daysAgo(monthsToDays(spec.onsetMonthsAgo) + random.nextInt(0, 14))),
  );
  const painOnset = findPainOnset(profile.conditions, conditions) ?? daysAgo(365);
  const clinical: Clinical = {
    weights,
    heights: [{ id: id('height', 0), measuredOn: weights[0]?.measuredOn ?? todayIso, heightCm: profile.heightCm }],
    allergies: profile.allergies.map((key, k) => ({
      id: id('allergy', k),
      ...DEMO_ALLERGIES[key],
      substance: { ...DEMO_ALLERGIES[key].substance },
    })),
    conditions,
    medications: buildMedications(profile, painOnset, context),
    painHistory: {
      onsetDate: painOnset,
      durationMonths: computeCompletedMonths(painOnset, todayIso),
      summary: profile.painSummary,
      treatmentsTried: profile.treatmentsTried.map(([category, detail, result], k) => ({
        id: id('treatment', k),
        category,
        detail,
        result,
      })),
    },
    ...buildHistories(profile, context),
  };
  if (profile.pregnancy) clinical.pregnancy = { status: profile.pregnancy, recordedOn: daysAgo(random.nextInt(0, 30)) };
  if (profile.hepatic) clinical.hepaticImpairment = { class: profile.hepatic, recordedOn: daysAgo(random.nextInt(10, 200)) };
  return clinical;
}

/** Long-term medicines start between the pain onset (at most 5 years back) and 2 weeks ago; short courses run
 * from 4 days ago for their listed length, so their stop date lies in the future. */
function buildMedications(
  profile: DemoProfile,
  painOnset: string,
  { id, daysAgo, todayIso, random }: EntryContext,
): Clinical['medications'] {
  const latestStartDaysAgo = Math.max(14, Math.min(computeDaysBetweenIsoDates(painOnset, todayIso), 5 * 365));
  return profile.medications.map((key, k) => {
    const medication = { id: id('medication', k), ...DEMO_MEDICATIONS[key], strength: { ...DEMO_MEDICATIONS[key].strength } };
    const courseDays = DEMO_SHORT_COURSE_DAYS[key];
    if (courseDays) return { ...medication, startDate: daysAgo(4), stopDate: daysAgo(4 - courseDays) };
    return { ...medication, startDate: daysAgo(random.nextInt(14, latestStartDaysAgo)) };
  });
}

function buildHistories(
  profile: DemoProfile,
  { id, daysAgo, random }: EntryContext,
): Pick<Clinical, 'psychiatricHistory' | 'substanceUseHistory'> {
  return {
    psychiatricHistory: (profile.psychiatric ?? []).map(([code, status, icd10cm, note], k) => ({
      id: id('psychiatric', k),
      code,
      status,
      notedOn: daysAgo(random.nextInt(30, 1500)),
      ...(icd10cm ? { icd10cm } : {}),
      ...(note ? { note } : {}),
    })),
    substanceUseHistory: (profile.substanceUse ?? []).map(([substance, status, note], k) => ({
      id: id('substance', k),
      substance,
      status,
      notedOn: daysAgo(random.nextInt(30, 900)),
      ...(note ? { note } : {}),
    })),
  };
}

/** 1-4 measurements, oldest first, 45-110 days apart, each within +/-2.5 kg of the typical weight, 0.1 kg steps. */
function buildWeightSeries(typicalKg: number, random: DemoRandom): { daysAgo: number; weightKg: number }[] {
  const count = random.nextInt(1, 4);
  let daysAgo = random.nextInt(0, 20);
  const newestFirst: { daysAgo: number; weightKg: number }[] = [];
  for (let k = 0; k < count; k++) {
    newestFirst.push({ daysAgo, weightKg: Math.round((typicalKg + (random.next() * 5 - 2.5)) * 10) / 10 });
    daysAgo += random.nextInt(45, 110);
  }
  return newestFirst.reverse();
}

function buildCondition(spec: DemoConditionSpec, id: string, onsetDate: string): Condition {
  if (spec.kind === 'uncoded') return { id, coding: { kind: 'uncoded', text: spec.text }, onsetDate, status: spec.status };
  const entry = findIcd10(spec.code);
  if (!entry) throw new Error(`Demo profile uses ${spec.code}, which is not on the ICD-10-CM pick list`);
  return { id, coding: { kind: 'icd10cm', code: entry.code, display: entry.display }, onsetDate, status: spec.status };
}

/** Pain onset: the first coded condition outside the depression group (depression may predate the pain). */
function findPainOnset(specs: readonly DemoConditionSpec[], conditions: readonly Condition[]): string | undefined {
  const index = specs.findIndex((spec) => spec.kind === 'coded' && findIcd10(spec.code)?.group !== 'depression');
  return conditions[index === -1 ? 0 : index]?.onsetDate;
}

function monthsToDays(months: number): number {
  return Math.round(months * DAYS_PER_MONTH);
}
