import type { Medication, PatientRecord } from '../patients/patient-record.ts';

/**
 * Building blocks for the synthetic demo patients: medications with common US strengths, forms and schedules, and
 * allergies. RxCUIs appear only where DOMAIN.md 15 gives them (opioid ingredients, codeine allergy); other rows
 * are matched by name, which is what `classifyMedication` does for uncoded entries.
 */

export type DemoMedication = Omit<Medication, 'id' | 'startDate' | 'stopDate'>;
type Allergy = PatientRecord['clinical']['allergies'][number];
export type DemoAllergy = Omit<Allergy, 'id'>;

const oral = (ingredient: string, value: number, timesPerDay: number, extra: Partial<DemoMedication> = {}): DemoMedication => ({
  ingredient,
  strength: { value, unit: 'mg' },
  form: 'tablet',
  route: 'oral',
  timesPerDay,
  prn: false,
  ...extra,
});

export const DEMO_MEDICATIONS = {
  // Opioids (DOMAIN.md 9 worked examples: hydrocodone 5 mg QID = 20 MME; oxycodone ER 10 mg BID = 30 MME).
  oxycodoneEr10Bid: oral('oxycodone', 10, 2, { rxcui: '7804', form: 'extended_release_tablet' }),
  oxycodone5PrnQid: oral('oxycodone hydrochloride', 5, 4, { prn: true }),
  hydrocodone5Qid: oral('hydrocodone', 5, 4, { rxcui: '5489' }),
  tramadol50Tid: oral('tramadol', 50, 3, { rxcui: '10689' }),
  // One patch every 72 h: the record has no interval field, so 1/3 per day. MME uses the mcg/h strength (DOMAIN.md 9).
  fentanylPatch25: {
    ingredient: 'fentanyl',
    rxcui: '4337',
    strength: { value: 25, unit: 'mcg/h' },
    form: 'patch',
    route: 'transdermal',
    timesPerDay: 1 / 3,
    prn: false,
  },
  morphineEr15Bid: oral('morphine sulfate', 15, 2, { rxcui: '7052', form: 'extended_release_tablet' }),
  hydromorphone2PrnQid: oral('hydromorphone', 2, 4, { rxcui: '3423', prn: true }),
  methadone5Tid: oral('methadone', 5, 3, { rxcui: '6813' }),
  tapentadol50Bid: oral('tapentadol', 50, 2, { rxcui: '787390' }),
  // Buprenorphine/naloxone sublingual film, 8 mg/2 mg daily: no CDC 2022 MME factor (DOMAIN.md 9, 15).
  buprenorphineNaloxone8Daily: oral('buprenorphine / naloxone', 8, 1, { form: 'other', route: 'sublingual' }),
  // Benzodiazepines and a Z-drug.
  lorazepam1Nightly: oral('lorazepam', 1, 1),
  clonazepam05Bid: oral('clonazepam', 0.5, 2),
  alprazolam025Prn: oral('alprazolam', 0.25, 2, { prn: true }),
  diazepam5Prn: oral('diazepam', 5, 1, { prn: true }),
  zolpidem5Nightly: oral('zolpidem tartrate', 5, 1),
  // Neuropathic-pain and mood medicines.
  gabapentin300Tid: oral('gabapentin', 300, 3, { form: 'capsule' }),
  gabapentin600Tid: oral('gabapentin', 600, 3),
  pregabalin75Bid: oral('pregabalin', 75, 2, { form: 'capsule' }),
  duloxetine60Daily: oral('duloxetine', 60, 1, { form: 'capsule' }),
  duloxetine30Daily: oral('duloxetine', 30, 1, { form: 'capsule' }),
  amitriptyline25Nightly: oral('amitriptyline', 25, 1),
  nortriptyline25Nightly: oral('nortriptyline', 25, 1, { form: 'capsule' }),
  venlafaxineEr150Daily: oral('venlafaxine', 150, 1, { form: 'capsule' }),
  sertraline100Daily: oral('sertraline', 100, 1),
  bupropionXl300Daily: oral('bupropion', 300, 1, { form: 'extended_release_tablet' }),
  aripiprazole5Daily: oral('aripiprazole', 5, 1),
  lamotrigine100Bid: oral('lamotrigine', 100, 2),
  phenelzine15Tid: oral('phenelzine', 15, 3),
  methylphenidate10Bid: oral('methylphenidate hydrochloride', 10, 2),
  // Migraine.
  topiramate50Bid: oral('topiramate', 50, 2),
  sumatriptan50Prn: oral('sumatriptan', 50, 2, { prn: true }),
  // Simple analgesics and topicals.
  ibuprofen600PrnTid: oral('ibuprofen', 600, 3, { prn: true }),
  naproxen500Bid: oral('naproxen', 500, 2),
  acetaminophen500PrnQid: oral('acetaminophen', 500, 4, { prn: true }),
  lidocainePatch5: {
    ingredient: 'lidocaine',
    strength: { value: 5, unit: '%' },
    form: 'patch',
    route: 'topical',
    timesPerDay: 1,
    prn: false,
  },
  capsaicinCream: {
    ingredient: 'capsaicin',
    strength: { value: 0.075, unit: '%' },
    form: 'cream',
    route: 'topical',
    timesPerDay: 3,
    prn: true,
  },
  // Other conditions.
  metformin1000Bid: oral('metformin', 1000, 2),
  lisinopril10Daily: oral('lisinopril', 10, 1),
  amlodipine5Daily: oral('amlodipine', 5, 1),
  atorvastatin20Daily: oral('atorvastatin', 20, 1),
  levothyroxine75McgDaily: oral('levothyroxine', 75, 1, { strength: { value: 75, unit: 'mcg' } }),
  hydroxyurea500Bid: oral('hydroxyurea', 500, 2, { form: 'capsule' }),
  folicAcid1Daily: oral('folic acid', 1, 1),
  letrozole25Daily: oral('letrozole', 2.5, 1),
  ondansetron4Prn: oral('ondansetron', 4, 3, { prn: true }),
  sennosides86Nightly: oral('sennosides', 8.6, 1),
  // A 10-day course: CYP3A4 inhibitor relevant to oral ketamine (DOMAIN.md 11).
  clarithromycin500Bid: oral('clarithromycin', 500, 2),
  baclofen10Tid: oral('baclofen', 10, 3),
  cyclobenzaprine10Nightly: oral('cyclobenzaprine', 10, 1),
} as const satisfies Record<string, DemoMedication>;
export type DemoMedicationKey = keyof typeof DEMO_MEDICATIONS;

/** Medicines taken as a short course rather than long term: length of the course in days. */
export const DEMO_SHORT_COURSE_DAYS: Partial<Record<DemoMedicationKey, number>> = { clarithromycin500Bid: 10 };

export const DEMO_ALLERGIES = {
  penicillin: { substance: { display: 'Penicillins' }, reaction: 'hives', severity: 'moderate' },
  penicillinAnaphylaxis: { substance: { display: 'Penicillins' }, reaction: 'anaphylaxis', severity: 'severe' },
  sulfa: { substance: { display: 'Sulfonamide antibiotics' }, reaction: 'rash', severity: 'mild' },
  latex: { substance: { system: 'local', code: 'latex', display: 'Latex' }, reaction: 'contact dermatitis', severity: 'mild' },
  codeineNausea: { substance: { system: 'rxnorm', code: '2670', display: 'Codeine' }, reaction: 'nausea and vomiting', severity: 'mild' },
  morphineItch: { substance: { system: 'rxnorm', code: '7052', display: 'Morphine' }, reaction: 'itching', severity: 'mild' },
  tramadolSeizure: { substance: { system: 'rxnorm', code: '10689', display: 'Tramadol' }, reaction: 'seizure', severity: 'severe' },
  nsaidGi: { substance: { display: 'Ibuprofen' }, reaction: 'stomach bleeding', severity: 'moderate' },
  iodinatedContrast: { substance: { display: 'Iodinated contrast media' }, reaction: 'hives', severity: 'moderate' },
  peanut: { substance: { system: 'local', code: 'peanut', display: 'Peanuts' }, reaction: 'throat swelling', severity: 'severe' },
  adhesive: {
    substance: { system: 'local', code: 'adhesive', display: 'Medical adhesive tape' },
    reaction: 'skin blistering',
    severity: 'mild',
  },
  unknownSulfa: { substance: { display: 'Sulfa drugs' }, severity: 'unknown' },
} as const satisfies Record<string, DemoAllergy>;
export type DemoAllergyKey = keyof typeof DEMO_ALLERGIES;
