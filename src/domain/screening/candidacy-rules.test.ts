import { describe, expect, it } from 'vitest';
import { buildCleanEvaluationInput, buildMedication } from '../../../test/fixtures/screening-fixtures.ts';
import { evaluateCandidacy } from './candidacy-engine.ts';
import { CANDIDACY_RULES } from './candidacy-rules.ts';
import { type EvaluationInput, evaluationInputSchema } from './evaluation-input.ts';
import type { ScreeningRoute } from './screening-policy.ts';

type Mutation = (input: EvaluationInput) => void;
const meds =
  (...names: string[]): Mutation =>
  (input) => {
    input.patient.clinical.medications = names.map((name) => buildMedication(name));
  };
const vitals =
  (systolicMmHg: number, diastolicMmHg: number): Mutation =>
  (input) => {
    input.evaluation.vitals = { systolicMmHg, diastolicMmHg };
  };

/** [rule, route, fires, does not fire (at the boundary where there is one)]. Sources are in candidacy-rules.ts. */
const TABLE: [string, ScreeningRoute, Mutation, Mutation][] = [
  // DOMAIN.md 3/11/15: pregnancy, by record or by test; a negative test clears "possible".
  [
    'pregnancy.pregnant',
    'iv',
    (i) => {
      i.evaluation.pregnancyTest = 'positive';
    },
    (i) => {
      i.evaluation.pregnancyTest = 'negative';
    },
  ],
  [
    'pregnancy.possible',
    'iv',
    (i) => {
      i.patient.clinical.pregnancy = { status: 'possible', recordedOn: '2026-11-01' };
    },
    (i) => {
      i.patient.clinical.pregnancy = { status: 'possible', recordedOn: '2026-11-01' };
      i.evaluation.pregnancyTest = 'negative';
    },
  ],
  // DOMAIN.md 15: poorly controlled psychosis; a controlled history does not fire.
  [
    'psychiatric.poorly_controlled_psychosis',
    'iv',
    (i) => {
      i.evaluation.psychiatricScreen.activePsychosis = true;
    },
    (i) => {
      i.patient.clinical.psychiatricHistory.push({ id: 'p1', code: 'schizophrenia', status: 'controlled' });
    },
  ],
  // DOMAIN.md 7/11 [M]: default limit 180/110 inclusive.
  ['blood_pressure.uncontrolled_hypertension', 'iv', vitals(180, 100), vitals(179, 109)],
  ['blood_pressure.uncontrolled_hypertension', 'iv', vitals(170, 110), vitals(179, 109)],
  // DOMAIN.md 3 [V]: > 140/90, strictly above.
  ['blood_pressure.esketamine_pre_dose', 'esketamine_in', vitals(141, 80), vitals(140, 90)],
  ['blood_pressure.esketamine_pre_dose', 'esketamine_in', vitals(130, 91), vitals(140, 90)],
  [
    'cardiovascular.poorly_controlled',
    'iv',
    (i) => {
      i.evaluation.cardiovascular.poorlyControlled = true;
    },
    () => {},
  ],
  [
    'cardiovascular.aneurysm_or_avm',
    'esketamine_in',
    (i) => {
      i.evaluation.cardiovascular.aneurysmOrAvm = true;
    },
    () => {},
  ],
  [
    'cardiovascular.intracerebral_haemorrhage',
    'esketamine_in',
    (i) => {
      i.evaluation.cardiovascular.intracerebralHaemorrhageHistory = true;
    },
    () => {},
  ],
  [
    'hepatic.severe_impairment',
    'iv',
    (i) => {
      i.patient.clinical.hepaticImpairment = { class: 'severe', recordedOn: '2026-01-01' };
    },
    (i) => {
      i.patient.clinical.hepaticImpairment = { class: 'moderate', recordedOn: '2026-01-01' };
    },
  ],
  [
    'hepatic.moderate_impairment',
    'iv',
    (i) => {
      i.evaluation.liverTests = { impairment: 'moderate' };
    },
    (i) => {
      i.evaluation.liverTests = { impairment: 'mild' };
    },
  ],
  [
    'neuro.raised_icp_or_iop',
    'iv',
    (i) => {
      i.evaluation.raisedIcpOrIop = true;
    },
    () => {},
  ],
  [
    'substance_use.active_serial_infusions',
    'iv',
    (i) => {
      i.patient.clinical.substanceUseHistory.push({ id: 's1', substance: 'alcohol', status: 'active' });
    },
    (i) => {
      i.patient.clinical.substanceUseHistory.push({ id: 's1', substance: 'tobacco', status: 'active' });
    },
  ],
  [
    'substance_use.active_other_routes',
    'oral',
    (i) => {
      i.evaluation.substanceUseScreen.activeSud = true;
    },
    () => {},
  ],
  [
    'substance_use.history',
    'iv',
    (i) => {
      i.patient.clinical.substanceUseHistory.push({ id: 's1', substance: 'opioids', status: 'in_remission' });
    },
    (i) => {
      i.patient.clinical.substanceUseHistory.push({ id: 's1', substance: 'tobacco', status: 'past' });
    },
  ],
  [
    'allergy.ketamine_hypersensitivity',
    'iv',
    (i) => {
      i.patient.clinical.allergies.push({ id: 'a1', substance: { display: 'Ketamine HCl' }, severity: 'severe' });
    },
    (i) => {
      i.patient.clinical.allergies.push({ id: 'a1', substance: { display: 'Penicillin' }, severity: 'severe' });
    },
  ],
  // Age 17 the day before the 18th birthday; 18 on it (clinic policy minimum 18).
  [
    'age.under_minimum',
    'iv',
    (i) => {
      i.patient.demographics.birthDate = '2008-11-21';
    },
    (i) => {
      i.patient.demographics.birthDate = '2008-11-20';
    },
  ],
  [
    'urinary.cystitis',
    'iv',
    (i) => {
      i.evaluation.cystitis = true;
    },
    () => {},
  ],
  ['medication.benzodiazepine', 'iv', meds('lorazepam'), meds('morphine')],
  ['medication.sedative_hypnotic', 'iv', meds('zolpidem'), meds('lorazepam')],
  ['medication.lamotrigine', 'iv', meds('lamotrigine'), meds('gabapentin')],
  ['medication.maoi', 'iv', meds('phenelzine'), meds('sertraline')],
  ['medication.stimulant', 'iv', meds('methylphenidate'), meds('sertraline')],
  ['medication.opioid_with_benzodiazepine', 'iv', meds('oxycodone', 'diazepam'), meds('oxycodone')],
  ['interaction.cyp3a4_inhibitor', 'oral', meds('clarithromycin'), meds('ticlopidine')],
  ['interaction.cyp3a4_inducer', 'oral', meds('rifampicin'), meds('clarithromycin')],
  ['interaction.cyp2b6_inhibitor', 'oral', meds('ticlopidine'), meds('clarithromycin')],
  ['interaction.cyp2b6_inducer', 'oral', meds('rifampin'), meds('ticlopidine')],
];

function firedIds(mutate: Mutation, route: ScreeningRoute): string[] {
  const input = buildCleanEvaluationInput();
  mutate(input);
  const parsed = evaluationInputSchema.parse(input);
  return evaluateCandidacy(parsed, { route }).fired.map((f) => f.rule);
}

describe('candidacy rules, one row per rule', () => {
  it('the clean input fires nothing on any route', () => {
    for (const route of ['iv', 'in', 'oral', 'sl', 'sc', 'im', 'topical', 'esketamine_in'] as const)
      expect(firedIds(() => {}, route)).toEqual([]);
  });

  it.each(TABLE)('%s (%s) fires, and not at its boundary', (rule, route, fires, doesNot) => {
    expect(firedIds(fires, route)).toContain(rule);
    expect(firedIds(doesNot, route)).not.toContain(rule);
  });

  it('has a table row for every rule', () => {
    expect(new Set(TABLE.map(([rule]) => rule))).toEqual(new Set(CANDIDACY_RULES.map((r) => r.id)));
  });

  it('ignores medications stopped by the evaluation date or not yet started', () => {
    expect(firedIds(meds('lorazepam'), 'iv')).toContain('medication.benzodiazepine');
    const stopped: Mutation = (i) => {
      i.patient.clinical.medications = [buildMedication('lorazepam', { stopDate: '2026-11-20' })];
    };
    const future: Mutation = (i) => {
      i.patient.clinical.medications = [buildMedication('lorazepam', { startDate: '2026-11-21' })];
    };
    expect(firedIds(stopped, 'iv')).toEqual([]);
    expect(firedIds(future, 'iv')).toEqual([]);
  });

  it('names the medication and the blood pressure in the reason', () => {
    const input = buildCleanEvaluationInput();
    meds('lorazepam')(input);
    vitals(185, 95)(input);
    const { fired } = evaluateCandidacy(evaluationInputSchema.parse(input), { route: 'iv' });
    expect(fired.find((f) => f.rule === 'medication.benzodiazepine')?.reason).toContain('lorazepam');
    expect(fired.find((f) => f.rule === 'blood_pressure.uncontrolled_hypertension')?.reason).toContain('185/95 mmHg');
  });

  it('every rule cites a DOMAIN.md section and has a plain-language rationale', () => {
    for (const rule of CANDIDACY_RULES) {
      expect(rule.source, rule.id).toMatch(/DOMAIN\.md \d+/);
      expect(rule.rationale.length, rule.id).toBeGreaterThan(10);
      expect(rule.routes.length, rule.id).toBeGreaterThan(0);
    }
  });
});
