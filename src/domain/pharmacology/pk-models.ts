/**
 * Ketamine disposition models (DOMAIN.md 5). Each model turns covariates into physiological parameters:
 * central volume, peripheral volumes and inter-compartmental clearances, elimination clearance (L, L/min).
 * Concentrations follow as mg/L = ug/mL; x 1000 gives ng/mL.
 */

export type DrugId = 'ketamine' | 'esketamine';
export type Sex = 'f' | 'm';

export interface Covariates {
  weightKg: number;
  ageYears?: number;
  sex?: Sex;
}

export interface Peripheral {
  volumeL: number;
  clearanceLPerMin: number;
}

export interface DispositionParameters {
  centralVolumeL: number;
  clearanceLPerMin: number;
  peripherals: Peripheral[];
  /** Plasma -> effect-site equilibration rate constant, where the model has one. */
  ke0PerMin?: number;
}

export interface Range {
  min: number;
  /** Absent when the source gives no upper bound (adult models). */
  max?: number;
}

export interface ParameterRow {
  name: string;
  value: string;
  unit: string;
}

export interface PkModelDefinition {
  id: string;
  name: string;
  drug: 'ketamine';
  compartments: 2 | 3;
  population: string;
  citation: string;
  /** DOMAIN.md confidence tag of the parameter values. */
  evidence: string;
  validity: { weightKg?: Range; ageYears?: Range; note: string };
  parameters: ParameterRow[];
  notes: string[];
  computeParameters(covariates: Covariates): DispositionParameters;
}

const PER_H_TO_PER_MIN = 1 / 60;

/** Converts micro-rate constants (1/min) and V1 (L) to physiological parameters: CL = V1 k10, Q = V1 k1j,
 *  Vj = V1 k1j / kj1 (DOMAIN.md 5 header). */
export function convertMicroConstants(v1L: number, k10: number, transfers: Array<{ k1j: number; kj1: number }>): DispositionParameters {
  return {
    centralVolumeL: v1L,
    clearanceLPerMin: v1L * k10,
    peripherals: transfers.map(({ k1j, kj1 }) => ({ volumeL: (v1L * k1j) / kj1, clearanceLPerMin: v1L * k1j })),
  };
}

const allometric = (weightKg: number) => ({ linear: weightKg / 70, clearance: (weightKg / 70) ** 0.75 });

const kamp2020: PkModelDefinition = {
  id: 'kamp-2020',
  name: 'Kamp 2020 (as coded in SimTIVA)',
  drug: 'ketamine',
  compartments: 3,
  population: 'Adults; pooled raw data of 14 studies (meta-analysis of 18), racemic ketamine',
  citation: 'Kamp J et al. Anesthesiology 2020;133:1192-1213, doi 10.1097/ALN.0000000000003577; parameters as coded in SimTIVA (GPL-3)',
  evidence: '[V-code] DOMAIN.md 5.3: check against the paper before relying on it',
  validity: {
    ageYears: { min: 18 },
    note: 'adult model (DOMAIN.md 5.3); no published weight range, weight scaled allometrically',
  },
  parameters: [
    { name: 'V1', value: '25 x (WT/70)', unit: 'L' },
    { name: 'V2', value: '56 x (WT/70)', unit: 'L' },
    { name: 'V3', value: '157 x (WT/70)', unit: 'L' },
    { name: 'CL', value: '84 x (WT/70)^0.75', unit: 'L/h' },
    { name: 'Q2', value: '161 x (WT/70)^0.75', unit: 'L/h' },
    { name: 'Q3', value: '79 x (WT/70)^0.75', unit: 'L/h' },
    { name: 'ke0', value: '0.1876 x ln(WT) + 0.5932', unit: '1/min (Navarrete 2025 via SimTIVA)' },
  ],
  notes: ['Preferred adult model (DOMAIN.md 5.3).', 'SimTIVA disables bolus mode for ketamine; boluses here are simulated as given.'],
  computeParameters({ weightKg }) {
    const s = allometric(weightKg);
    return {
      centralVolumeL: 25 * s.linear,
      clearanceLPerMin: 84 * s.clearance * PER_H_TO_PER_MIN,
      peripherals: [
        { volumeL: 56 * s.linear, clearanceLPerMin: 161 * s.clearance * PER_H_TO_PER_MIN },
        { volumeL: 157 * s.linear, clearanceLPerMin: 79 * s.clearance * PER_H_TO_PER_MIN },
      ],
      ke0PerMin: 0.1876 * Math.log(weightKg) + 0.5932,
    };
  },
};

const domino: PkModelDefinition = {
  id: 'domino',
  name: 'Domino (StanPump/TCI classic)',
  drug: 'ketamine',
  compartments: 3,
  population: 'Adult volunteers, unmedicated and diazepam-premedicated, racemic ketamine',
  citation:
    'Domino EF et al. Clin Pharmacol Ther 1984;36:645-653 [M]; constants as coded in opentiva ketamine.py class Domino (PMID 7198883)',
  evidence: '[V-code] DOMAIN.md 5.1',
  validity: { ageYears: { min: 18 }, note: 'adult volunteers; no published weight or age range in the sources held [M]' },
  parameters: [
    { name: 'V1', value: '0.063 x WT', unit: 'L' },
    { name: 'k10', value: '0.4381', unit: '1/min' },
    { name: 'k12', value: '0.5921', unit: '1/min' },
    { name: 'k13', value: '0.5900', unit: '1/min' },
    { name: 'k21', value: '0.2470', unit: '1/min' },
    { name: 'k31', value: '0.0146', unit: '1/min' },
    { name: 'ke0', value: '0.652', unit: '1/min (opentiva, from an assumed tpeak of 1 min; not published)' },
  ],
  notes: ['Derived (70 kg): V2 10.6 L, V3 178 L, Vss 2.76 L/kg, CL 27.6 mL/kg/min (DOMAIN.md 5.1 [D]).'],
  computeParameters({ weightKg }) {
    const params = convertMicroConstants(0.063 * weightKg, 0.4381, [
      { k1j: 0.5921, kj1: 0.247 },
      { k1j: 0.59, kj1: 0.0146 },
    ]);
    return { ...params, ke0PerMin: 0.652 };
  },
};

const clements250: PkModelDefinition = {
  id: 'clements-250',
  name: 'Clements250 (Clements & Nimmo 1981)',
  drug: 'ketamine',
  compartments: 2,
  population: 'Adults, 250 ug/kg IV bolus data',
  citation: 'Clements JA, Nimmo WS. Br J Anaesth 1981;53:27, doi 10.1093/bja/53.1.27; as coded in opentiva',
  evidence: '[V-code] DOMAIN.md 5.2: V1 > 1 L/kg is unusually large; comparison only',
  validity: { note: 'no covariate range coded (opentiva)' },
  parameters: [
    { name: 'V1', value: '1.7522 x WT', unit: 'L' },
    { name: 'k10', value: '0.0109', unit: '1/min' },
    { name: 'k12', value: '0.0186', unit: '1/min' },
    { name: 'k21', value: '0.0137', unit: '1/min' },
    { name: 'ke0', value: '5.2', unit: '1/min (opentiva, from tpeak 1 min)' },
  ],
  notes: ['Comparison only: confirm V1 against the paper (DOMAIN.md 5.2).'],
  computeParameters({ weightKg }) {
    return { ...convertMicroConstants(1.7522 * weightKg, 0.0109, [{ k1j: 0.0186, kj1: 0.0137 }]), ke0PerMin: 5.2 };
  },
};

const hijazi2003: PkModelDefinition = {
  id: 'hijazi-2003',
  name: 'Hijazi 2003',
  drug: 'ketamine',
  compartments: 2,
  population: 'ICU patients (as described; check)',
  citation: 'Hijazi Y et al. Br J Anaesth 2003;90:155, doi 10.1093/bja/aeg028; as coded in opentiva',
  evidence: '[V-code] DOMAIN.md 5.2: V1 > 1 L/kg is unusually large; comparison only',
  validity: { ageYears: { min: 0, max: 18 }, note: 'opentiva codes an upper age limit of 18 years; the study population needs checking' },
  parameters: [
    { name: 'V1', value: '1.08 x WT', unit: 'L' },
    { name: 'k10', value: '0.0333', unit: '1/min' },
    { name: 'k12', value: '0.0088', unit: '1/min' },
    { name: 'k21', value: '0.0030', unit: '1/min' },
    { name: 'ke0', value: '4.773', unit: '1/min (opentiva)' },
  ],
  notes: ['Comparison only: confirm V1 and the age limit against the paper (DOMAIN.md 5.2).'],
  computeParameters({ weightKg }) {
    return { ...convertMicroConstants(1.08 * weightKg, 0.0333, [{ k1j: 0.0088, kj1: 0.003 }]), ke0PerMin: 4.773 };
  },
};

function scaledTwoCompartment(weightKg: number, v1: number, v2: number, clPerH: number, qPerH: number): DispositionParameters {
  const s = allometric(weightKg);
  return {
    centralVolumeL: v1 * s.linear,
    clearanceLPerMin: clPerH * s.clearance * PER_H_TO_PER_MIN,
    peripherals: [{ volumeL: v2 * s.linear, clearanceLPerMin: qPerH * s.clearance * PER_H_TO_PER_MIN }],
  };
}

const herd2007: PkModelDefinition = {
  id: 'herd-2007',
  name: 'Herd 2007 (children)',
  drug: 'ketamine',
  compartments: 2,
  population: 'Children 1-14 years',
  citation: 'Herd DW et al. Paediatr Anaesth 2007, doi 10.1111/j.1460-9592.2006.02145.x (PMID 17564643); as coded in opentiva',
  evidence: '[V-code] DOMAIN.md 5.2',
  validity: { weightKg: { min: 10.8, max: 74.8 }, ageYears: { min: 1, max: 14 }, note: 'covariate range as coded in opentiva' },
  parameters: [
    { name: 'V1', value: '38.7 x (WT/70)', unit: 'L' },
    { name: 'V2', value: '102 x (WT/70)', unit: 'L' },
    { name: 'CL', value: '90 x (WT/70)^0.75', unit: 'L/h' },
    { name: 'Q', value: '215 x (WT/70)^0.75', unit: 'L/h' },
  ],
  notes: ['Paediatric; comparison only in an adult clinic. No ke0.'],
  computeParameters: ({ weightKg }) => scaledTwoCompartment(weightKg, 38.7, 102, 90, 215),
};

const hornik2018: PkModelDefinition = {
  id: 'hornik-2018',
  name: 'Hornik 2018 (paediatric)',
  drug: 'ketamine',
  compartments: 2,
  population: 'Children and adolescents 1-18 years',
  citation: 'Hornik CP et al. J Clin Pharmacol 2018, doi 10.1002/jcph.1116 (PMID 29677389); as coded in opentiva',
  evidence: '[V-code] DOMAIN.md 5.2',
  validity: { weightKg: { min: 2, max: 176 }, ageYears: { min: 1, max: 18 }, note: 'covariate range as coded in opentiva' },
  parameters: [
    { name: 'V1', value: '32.8 x (WT/70)', unit: 'L' },
    { name: 'V2', value: '152 x (WT/70)', unit: 'L' },
    { name: 'CL', value: '38.9 x (WT/70)^0.75', unit: 'L/h' },
    { name: 'Q', value: '54.9 x (WT/70)^0.75', unit: 'L/h' },
  ],
  notes: ['Paediatric; comparison only in an adult clinic. No ke0.'],
  computeParameters: ({ weightKg }) => scaledTwoCompartment(weightKg, 32.8, 152, 38.9, 54.9),
};

export const PK_MODELS: readonly PkModelDefinition[] = [kamp2020, domino, clements250, hijazi2003, herd2007, hornik2018];
export const DEFAULT_MODEL_ID = 'kamp-2020';

/** The model definition for an id, or undefined. Ids: kamp-2020, domino, clements-250, hijazi-2003, herd-2007,
 *  hornik-2018 (DOMAIN.md 5). */
export function findPkModel(id: string): PkModelDefinition | undefined {
  return PK_MODELS.find((model) => model.id === id);
}

/** Why no esketamine simulation is offered: no documented compartmental parameter set (DOMAIN.md 3, 5.3).
 *  The label gives only Vss 709 L and CL ~89 L/h; Sigtermans 2009 parameter values are not available. */
export const ESKETAMINE_NO_MODEL =
  'no validated model for esketamine: the label gives only Vss 709 L and CL ~89 L/h, and no compartmental parameter set is documented (DOMAIN.md 3, 5.3); not simulated';

/** Warnings for covariates outside the model's documented range; never silently used (issue 3, item 2).
 *  Ranges: PkModelDefinition.validity (DOMAIN.md 5). */
export function checkModelValidity(model: PkModelDefinition, covariates: Covariates): string[] {
  const warnings: string[] = [];
  const { weightKg: weightRange, ageYears: ageRange } = model.validity;
  if (weightRange && !isInRange(covariates.weightKg, weightRange)) {
    warnings.push(`weightKg ${covariates.weightKg} is outside the ${model.id} range ${formatRange(weightRange)} kg`);
  }
  if (ageRange && covariates.ageYears === undefined) {
    warnings.push(`age not given; ${model.id} is documented for ages ${formatRange(ageRange)} years`);
  } else if (ageRange && covariates.ageYears !== undefined && !isInRange(covariates.ageYears, ageRange)) {
    warnings.push(`ageYears ${covariates.ageYears} is outside the ${model.id} range ${formatRange(ageRange)} years`);
  }
  if (covariates.sex === 'f') {
    warnings.push('sex not used: women clear S-ketamine ~20 % faster (Sigtermans 2009) but no model here has a sex covariate');
  }
  return warnings;
}

const isInRange = (value: number, range: Range) => value >= range.min && (range.max === undefined || value <= range.max);

/** "1-14" or ">= 18" for messages and the model listing. */
export function formatRange(range: Range): string {
  return range.max === undefined ? `>= ${range.min}` : `${range.min}-${range.max}`;
}
