import type { DoseLimit, DrugLibrary, LibraryEntry } from './drug-library.ts';

/**
 * The default drug library: a STARTING POINT for clinic policy built from DOMAIN.md values, not a standard.
 * Every number names its source; verified: false marks [M] values and derived policy choices that a clinic's
 * physicians must review. Validated by drugLibrarySchema in drug-library.test.ts.
 */

const limit = (l: DoseLimit): DoseLimit => l;

const painClinicIv: LibraryEntry = {
  id: 'ketamine-iv-pain',
  productIds: ['ketamine-10-mg-ml', 'ketamine-50-mg-ml'],
  route: 'iv',
  modes: ['bolus', 'rate'],
  dosingUnit: { bolus: 'mg/kg', rate: 'mg/kg/h' },
  // Schwartzman 2009: 100 mg in 100 mL (1 mg/mL); standard infusion concentrations 1 and 5 mg/mL (DOMAIN.md 2, 13).
  standardConcentrationMgPerMl: 1,
  volumeStepMl: 0.1,
  pumpRateStepMlPerH: 0.1,
  limits: [
    limit({
      kind: 'bolus',
      unit: 'mg/kg',
      softMax: 0.35,
      verified: true,
      source: 'bolus <= 0.35 mg/kg (Schwenk 2018 acute-pain consensus, DOMAIN.md 1)',
    }),
    limit({
      kind: 'bolus',
      unit: 'mg/kg',
      hardMax: 1,
      verified: false,
      source:
        '[D] 1 mg/kg is the low end of IV anaesthetic dosing, Cmax 1200-2400 ng/mL (Zanos 2018, DOMAIN.md 4): refused in a pain clinic',
    }),
    limit({
      kind: 'rate',
      unit: 'mg/kg/h',
      softMin: 0.1,
      softMax: 1,
      verified: true,
      source: '0.1-0.5 mg/kg/h acute range, <= 1 mg/kg/h without intensive monitoring (Schwenk 2018, DOMAIN.md 1)',
    }),
    limit({
      kind: 'rate',
      unit: 'mg/kg/h',
      hardMax: 1.5,
      verified: false,
      source: 'max 1,500 mcg/kg/h in hospital protocols (DOMAIN.md 13, a configurable example, not a standard)',
    }),
    limit({
      kind: 'rate',
      unit: 'mg/h',
      softMax: 40,
      verified: true,
      source: 'highest published titration 40 mg/h (Goldberg 2010; Medscape CRPS protocol, DOMAIN.md 2)',
    }),
    limit({
      kind: 'duration',
      unit: 'min',
      softMax: 240,
      verified: true,
      source: '4 h outpatient infusions (Schwartzman 2009; Cohen 2018 CRPS regimen, DOMAIN.md 2 and 15)',
    }),
    limit({
      kind: 'cumulativeSession',
      unit: 'mg',
      softMax: 200,
      hardMax: 960,
      verified: false,
      source:
        'soft: outpatient boosters 100-200 mg over 4 h (Medscape protocol, DOMAIN.md 2); hard [D]: 40 mg/h for 24 h, the highest published inpatient titration (Goldberg 2010)',
    }),
    limit({
      kind: 'cumulative24h',
      unit: 'mg',
      softMax: 200,
      hardMax: 960,
      verified: false,
      source: 'soft: outpatient-only 70-200 mg/day (Medscape protocol, DOMAIN.md 2); hard [D]: 40 mg/h for 24 h (Goldberg 2010)',
    }),
    limit({
      kind: 'concentration',
      unit: 'mg/mL',
      hardMin: 1,
      verified: false,
      source: 'hard low-concentration limit (ISMP, DOMAIN.md 13) at the lowest standard infusion concentration, 1 mg/mL (DOMAIN.md 13)',
    }),
  ],
  notes: [
    'The 100 mg/mL vial is left out of this profile: a 10x wrong-vial overdose was reported (ISMP, DOMAIN.md 13). Add it deliberately if the clinic stocks it.',
  ],
};

const esketamineSuite: LibraryEntry = {
  id: 'esketamine-nasal',
  productIds: ['esketamine-28-mg-device'],
  route: 'in',
  modes: ['bolus'],
  dosingUnit: { bolus: 'mg' },
  doseStepMg: 28,
  volumeStepMl: 0.2,
  pumpRateStepMlPerH: 0.1,
  limits: [
    limit({
      kind: 'bolus',
      unit: 'mg',
      hardMin: 28,
      softMin: 56,
      hardMax: 84,
      verified: true,
      source: 'Spravato label: 56 or 84 mg per session, 28 mg steps; 28 mg start only for age >= 65 in the HK/ex-US label (DOMAIN.md 3)',
    }),
    limit({
      kind: 'cumulativeSession',
      unit: 'mg',
      hardMax: 84,
      verified: true,
      source: 'Spravato label: at most 84 mg (3 devices) per session (DOMAIN.md 3)',
    }),
    limit({
      kind: 'cumulative24h',
      unit: 'mg',
      hardMax: 84,
      verified: false,
      source: '[D] the label schedule is at most twice weekly, so no second session within 24 h (DOMAIN.md 3)',
    }),
  ],
  notes: ['Wait 5 minutes between devices; never dispensed for home use (DOMAIN.md 3).'],
};

const homeOral: LibraryEntry = {
  id: 'ketamine-oral-home',
  productIds: ['ketamine-compounded-oral'],
  route: 'oral',
  modes: ['bolus'],
  dosingUnit: { bolus: 'mg' },
  volumeStepMl: 0.1,
  pumpRateStepMlPerH: 0.1,
  limits: [
    limit({
      kind: 'bolus',
      unit: 'mg',
      softMax: 50,
      verified: false,
      source: 'typical chronic-pain oral doses 10-50 mg TID-QID [M] (DOMAIN.md 4)',
    }),
    limit({
      kind: 'bolus',
      unit: 'mg/kg',
      softMax: 0.5,
      hardMax: 2,
      verified: false,
      source: 'soft: 0.5 mg/kg TID [M]; hard [D]: the oral analgesic dose ~2 mg/kg (Zanos 2018, DOMAIN.md 4)',
    }),
    limit({
      kind: 'cumulative24h',
      unit: 'mg',
      softMax: 200,
      verified: false,
      source: '[D] 50 mg QID, the top of the typical oral regimen [M] (DOMAIN.md 4)',
    }),
  ],
  notes: ['Norketamine dominates after oral dosing (DOMAIN.md 15).'],
};

const sublingual: LibraryEntry = {
  id: 'ketamine-sublingual',
  productIds: ['ketamine-compounded-oral'],
  route: 'sl',
  modes: ['bolus'],
  dosingUnit: { bolus: 'mg' },
  volumeStepMl: 0.1,
  pumpRateStepMlPerH: 0.1,
  limits: [
    limit({
      kind: 'bolus',
      unit: 'mg',
      softMax: 25,
      verified: true,
      source: '25 mg is the studied sublingual dose (Rolan 2014, DOMAIN.md 4)',
    }),
    limit({
      kind: 'bolus',
      unit: 'mg/kg',
      hardMax: 2,
      verified: false,
      source: '[D] the oral analgesic dose ~2 mg/kg (Zanos 2018, DOMAIN.md 4) as a ceiling',
    }),
    limit({
      kind: 'cumulative24h',
      unit: 'mg',
      softMax: 200,
      verified: false,
      source: '[D] as for home oral: 50 mg QID [M] (DOMAIN.md 4)',
    }),
  ],
  notes: [],
};

const topical: LibraryEntry = {
  id: 'ketamine-topical',
  productIds: ['ketamine-compounded-topical'],
  route: 'topical',
  modes: ['bolus'],
  dosingUnit: { bolus: 'mg' },
  volumeStepMl: 0.1,
  pumpRateStepMlPerH: 0.1,
  limits: [
    limit({
      kind: 'concentration',
      unit: '% w/w',
      softMin: 0.5,
      softMax: 10,
      verified: false,
      source: 'published creams 0.5-10 % (Lynch 2005, Finch 2009) [M] (DOMAIN.md 4)',
    }),
  ],
  notes: ['The dose of a topical product is the mass of cream applied; systemic levels are generally negligible (DOMAIN.md 4).'],
};

export const DEFAULT_DRUG_LIBRARY: DrugLibrary = {
  id: 'ketaclinic-default',
  version: 'ketaclinic-default-1',
  status: 'draft',
  name: 'KetaClinic default drug library',
  disclaimer:
    'A starting point for clinic policy built from DOMAIN.md, not a clinical standard. Limits marked verified: false are [M] or derived. Physicians must review and approve every limit before use.',
  // Plausible adult weights (issue 3, item 7).
  weightKgRange: { min: 30, max: 300 },
  products: [
    {
      id: 'ketamine-10-mg-ml',
      name: 'Ketamine HCl injection 10 mg/mL vial',
      drug: 'ketamine',
      form: 'vial',
      concentrationMgPerMl: 10,
      rxcui: '238082',
      deaSchedule: 'CIII',
      source: 'RxCUI 238082 = 10 mg/mL is an inferred, unconfirmed mapping (DOMAIN.md 12 [D]); no NDC in DOMAIN.md',
    },
    {
      id: 'ketamine-50-mg-ml',
      name: 'Ketamine HCl injection 50 mg/mL vial',
      drug: 'ketamine',
      form: 'vial',
      concentrationMgPerMl: 50,
      rxcui: '238084',
      deaSchedule: 'CIII',
      source: 'RxCUI 238084 = 50 mg/mL is an inferred, unconfirmed mapping (DOMAIN.md 12 [D]); no NDC in DOMAIN.md',
    },
    {
      id: 'ketamine-100-mg-ml',
      name: 'Ketamine HCl injection 100 mg/mL vial',
      drug: 'ketamine',
      form: 'vial',
      concentrationMgPerMl: 100,
      ndc: '71872-7296',
      rxcui: '238083',
      deaSchedule: 'CIII',
      source: 'NDC 71872-7296, a 100 mg/mL-only repackager record; RxCUI 238083 inferred (DOMAIN.md 12)',
    },
    {
      id: 'esketamine-28-mg-device',
      name: 'Esketamine (Spravato) 28 mg/0.2 mL nasal device',
      drug: 'esketamine',
      form: 'nasal-device',
      strengthMg: 28,
      concentrationMgPerMl: 140,
      ndc: '50458-028',
      deaSchedule: 'CIII',
      source: 'NDC 50458-028, 28 mg/0.2 mL single-use device (DOMAIN.md 3)',
    },
    {
      id: 'ketamine-compounded-oral',
      name: 'Ketamine compounded oral/sublingual preparation (clinic-defined strength)',
      drug: 'ketamine',
      form: 'compounded-oral',
      deaSchedule: 'CIII',
      source: 'clinic-compounded; strength set by the clinic (DOMAIN.md 4)',
    },
    {
      id: 'ketamine-compounded-topical',
      name: 'Ketamine compounded cream (clinic-defined % w/w)',
      drug: 'ketamine',
      form: 'compounded-topical',
      deaSchedule: 'CIII',
      source: 'clinic-compounded; 0.5-10 % published (DOMAIN.md 4)',
    },
  ],
  profiles: [
    { id: 'pain-clinic-iv', name: 'Pain clinic IV infusion', careArea: 'infusion chairs', entries: [painClinicIv] },
    { id: 'esketamine-suite', name: 'Esketamine suite', careArea: 'REMS-certified esketamine rooms', entries: [esketamineSuite] },
    { id: 'home-oral', name: 'Home oral', careArea: 'take-home prescriptions', entries: [homeOral] },
    { id: 'sublingual', name: 'Sublingual', careArea: 'take-home or in-clinic sublingual', entries: [sublingual] },
    { id: 'topical', name: 'Topical', careArea: 'compounded creams', entries: [topical] },
  ],
};
