import { describe, expect, it } from 'vitest';
import { buildCleanEvaluationInput, buildMedication } from '../../../test/fixtures/screening-fixtures.ts';
import { ageInYears, deriveScreeningFacts, evaluationInputSchema, parseWithFieldIssues } from './evaluation-input.ts';

describe('evaluationInputSchema', () => {
  it('accepts the clean fixture', () => {
    expect(evaluationInputSchema.safeParse(buildCleanEvaluationInput()).success).toBe(true);
  });

  it('names the field of a missing or wrong finding', () => {
    const input = buildCleanEvaluationInput() as unknown as { evaluation: Record<string, unknown> };
    delete input.evaluation.cystitis;
    input.evaluation.vitals = { systolicMmHg: 120, diastolicMmHg: 130 };
    const paths = evaluationInputSchema.safeParse(input).error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['evaluation.cystitis', 'evaluation.vitals.diastolicMmHg']));
  });

  it('refuses an age that does not match the birth date and an evaluation before birth', () => {
    const wrongAge = buildCleanEvaluationInput();
    wrongAge.evaluation.ageYears = 30;
    expect(evaluationInputSchema.safeParse(wrongAge).error?.issues[0]).toMatchObject({ path: ['evaluation', 'ageYears'] });
    const early = buildCleanEvaluationInput();
    early.evaluation.evaluatedOn = '1980-01-01';
    expect(evaluationInputSchema.safeParse(early).error?.issues[0]).toMatchObject({ path: ['evaluation', 'evaluatedOn'] });
  });

  it('parseWithFieldIssues returns dotted field paths', () => {
    const input = buildCleanEvaluationInput() as unknown as { evaluation: { vitals: Record<string, unknown> } };
    input.evaluation.vitals.systolicMmHg = 'high';
    expect(parseWithFieldIssues(evaluationInputSchema, input)).toEqual({
      ok: false,
      issues: [{ field: 'evaluation.vitals.systolicMmHg', message: expect.stringContaining('expected number') }],
    });
    expect(parseWithFieldIssues(evaluationInputSchema, buildCleanEvaluationInput()).ok).toBe(true);
  });

  it('checks PHQ-9 and DN4 answers by item', () => {
    const input = buildCleanEvaluationInput() as unknown as { evaluation: Record<string, unknown> };
    input.evaluation.phq9 = { phq9_1: 4 };
    expect(evaluationInputSchema.safeParse(input).error?.issues[0]?.path).toEqual(['evaluation', 'phq9', 'phq9_1']);
  });
});

describe('ageInYears', () => {
  it.each([
    ['2000-06-15', '2026-06-14', 25],
    ['2000-06-15', '2026-06-15', 26],
    ['2000-02-29', '2026-02-28', 25],
    ['2000-02-29', '2026-03-01', 26],
  ])('born %s, on %s: %i', (birth, on, years) => expect(ageInYears(birth, on)).toBe(years));
});

describe('deriveScreeningFacts', () => {
  it('groups current medications by class and takes the worse hepatic reading', () => {
    const input = buildCleanEvaluationInput();
    input.patient.clinical.medications = [buildMedication('oxycodone hydrochloride'), buildMedication('rifampicin')];
    input.patient.clinical.hepaticImpairment = { class: 'mild', recordedOn: '2026-01-01' };
    input.evaluation.liverTests = { impairment: 'moderate', altUPerL: 80 };
    const facts = deriveScreeningFacts(input);
    expect(facts.medicationsByClass).toEqual({
      opioid: ['oxycodone hydrochloride'],
      cyp3a4_inducer: ['rifampicin'],
      cyp2b6_inducer: ['rifampicin'],
    });
    expect(facts.hepaticImpairment).toBe('moderate');
  });

  it('recognises a ketamine allergy by RxCUI 6130 or by name', () => {
    const input = buildCleanEvaluationInput();
    input.patient.clinical.allergies = [{ id: 'a', substance: { system: 'rxnorm', code: '6130', display: 'K' }, severity: 'unknown' }];
    expect(deriveScreeningFacts(input).ketamineHypersensitivity).toBe(true);
    input.patient.clinical.allergies = [{ id: 'a', substance: { display: 'Spravato nasal spray' }, severity: 'mild' }];
    expect(deriveScreeningFacts(input).ketamineHypersensitivity).toBe(true);
  });
});
