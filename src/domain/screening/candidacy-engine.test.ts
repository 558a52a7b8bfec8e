import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCleanEvaluationInput, buildMedication } from '../../../test/fixtures/screening-fixtures.ts';
import { evaluateCandidacy, evaluateFacts, listCandidacyRules, validateOverride } from './candidacy-engine.ts';
import { CANDIDACY_RULE_SET_VERSION, CANDIDACY_RULES } from './candidacy-rules.ts';
import { evaluationInputSchema } from './evaluation-input.ts';
import { DEFAULT_SCREENING_POLICY, SCREENING_ROUTES, type ScreeningFacts } from './screening-policy.ts';

const noFacts: ScreeningFacts = {
  ageYears: 45,
  bloodPressure: { systolicMmHg: 120, diastolicMmHg: 80 },
  uncontrolledHypertensionReported: false,
  pregnancy: 'not_pregnant',
  activePsychosis: false,
  activeSubstanceUse: false,
  substanceUseHistory: false,
  cardiovascularPoorlyControlled: false,
  aneurysmOrAvm: false,
  intracerebralHaemorrhageHistory: false,
  hepaticImpairment: 'none',
  raisedIcpOrIop: false,
  cystitis: false,
  ketamineHypersensitivity: false,
  medicationsByClass: {},
};

const physician = 'user-physician-1';

const factsArbitrary: fc.Arbitrary<ScreeningFacts> = fc.record({
  ageYears: fc.integer({ min: 10, max: 95 }),
  bloodPressure: fc.record({ systolicMmHg: fc.integer({ min: 90, max: 220 }), diastolicMmHg: fc.integer({ min: 50, max: 130 }) }),
  uncontrolledHypertensionReported: fc.boolean(),
  pregnancy: fc.constantFrom('pregnant', 'possible', 'not_pregnant', 'unknown'),
  activePsychosis: fc.boolean(),
  activeSubstanceUse: fc.boolean(),
  substanceUseHistory: fc.boolean(),
  cardiovascularPoorlyControlled: fc.boolean(),
  aneurysmOrAvm: fc.boolean(),
  intracerebralHaemorrhageHistory: fc.boolean(),
  hepaticImpairment: fc.constantFrom('none', 'mild', 'moderate', 'severe', 'unknown'),
  raisedIcpOrIop: fc.boolean(),
  cystitis: fc.boolean(),
  ketamineHypersensitivity: fc.boolean(),
  medicationsByClass: fc.record(
    { benzodiazepine: fc.constant(['lorazepam']), opioid: fc.constant(['morphine']), cyp3a4_inhibitor: fc.constant(['clarithromycin']) },
    { requiredKeys: [] },
  ),
});

describe('evaluateCandidacy verdicts (issue 4 item 1)', () => {
  it('is eligible with nothing fired and records the rule-set version', () => {
    const result = evaluateCandidacy(evaluationInputSchema.parse(buildCleanEvaluationInput()), { route: 'iv' });
    expect(result).toEqual({ route: 'iv', verdict: 'eligible', fired: [], ruleSetVersion: CANDIDACY_RULE_SET_VERSION, overrideIssues: [] });
  });

  it('gives eligible_with_cautions when only cautions fire', () => {
    const input = buildCleanEvaluationInput();
    input.patient.clinical.medications = [buildMedication('lamotrigine')];
    expect(evaluateCandidacy(input, { route: 'iv' }).verdict).toBe('eligible_with_cautions');
  });

  it('keeps a relative rule not_eligible until a justified physician override, then eligible_with_cautions', () => {
    const facts = { ...noFacts, raisedIcpOrIop: true };
    expect(evaluateFacts(facts, { route: 'iv' }).verdict).toBe('not_eligible');
    const override = { rule: 'neuro.raised_icp_or_iop', by: physician, justification: 'Glaucoma treated; ophthalmology agrees; low dose.' };
    const result = evaluateFacts(facts, { route: 'iv', overrides: [override] });
    expect(result.verdict).toBe('eligible_with_cautions');
    expect(result.fired[0]).toMatchObject({ rule: 'neuro.raised_icp_or_iop', severity: 'relative', overridden: { by: physician } });
  });

  it('ignores an override without a justification and reports it', () => {
    const result = evaluateFacts(
      { ...noFacts, raisedIcpOrIop: true },
      { route: 'iv', overrides: [{ rule: 'neuro.raised_icp_or_iop', by: physician, justification: '  ' }] },
    );
    expect(result.verdict).toBe('not_eligible');
    expect(result.overrideIssues).toEqual([
      expect.objectContaining({ field: 'overrides[0].justification', code: 'screening.override_justification_required' }),
    ]);
  });

  it('lists absolute rules before relative before cautions', () => {
    const facts = {
      ...noFacts,
      raisedIcpOrIop: true,
      cardiovascularPoorlyControlled: true,
      medicationsByClass: { benzodiazepine: ['lorazepam'] },
    };
    expect(evaluateFacts(facts, { route: 'iv' }).fired.map((f) => f.severity)).toEqual(['absolute', 'relative', 'caution']);
  });

  it('property: any absolute rule firing gives not_eligible on every route, whatever the overrides', () => {
    const overrideArbitrary = fc.array(
      fc.record({
        rule: fc.constantFrom(...CANDIDACY_RULES.map((r) => r.id)),
        by: fc.constant(physician),
        justification: fc.string({ minLength: 1 }),
      }),
      { maxLength: 5 },
    );
    fc.assert(
      fc.property(factsArbitrary, fc.constantFrom(...SCREENING_ROUTES), overrideArbitrary, (facts, route, overrides) => {
        const result = evaluateFacts(facts, { route, overrides });
        if (result.fired.some((f) => f.severity === 'absolute')) expect(result.verdict).toBe('not_eligible');
        for (const fired of result.fired) if (fired.severity === 'absolute') expect(fired.overridden).toBeUndefined();
        if (result.fired.length === 0) expect(result.verdict).toBe('eligible');
      }),
      { numRuns: 500 },
    );
  });
});

describe('per-route applicability', () => {
  it('fires the aneurysm and haemorrhage rules only for esketamine', () => {
    const facts = { ...noFacts, aneurysmOrAvm: true, intracerebralHaemorrhageHistory: true };
    for (const route of SCREENING_ROUTES) {
      const result = evaluateFacts(facts, { route });
      expect(result.verdict, route).toBe(route === 'esketamine_in' ? 'not_eligible' : 'eligible');
    }
  });

  it('fires the CYP rules only for the oral route', () => {
    const facts = { ...noFacts, medicationsByClass: { cyp3a4_inhibitor: ['clarithromycin'], cyp2b6_inducer: ['rifampin'] } };
    for (const route of SCREENING_ROUTES) {
      const fired = evaluateFacts(facts, { route }).fired.map((f) => f.rule);
      expect(fired, route).toEqual(route === 'oral' ? ['interaction.cyp3a4_inhibitor', 'interaction.cyp2b6_inducer'] : []);
    }
  });

  it('makes active substance use absolute for infusions (serial infusions) and relative elsewhere', () => {
    const facts = { ...noFacts, activeSubstanceUse: true };
    expect(evaluateFacts(facts, { route: 'iv' }).fired[0]?.severity).toBe('absolute');
    expect(evaluateFacts(facts, { route: 'esketamine_in' }).fired[0]?.severity).toBe('relative');
  });
});

describe('validateOverride (issue 4, "Bad input")', () => {
  it('refuses an override of an absolute rule with a clear message', () => {
    expect(validateOverride({ rule: 'pregnancy.pregnant', by: physician, justification: 'Patient insists.' })).toEqual([
      {
        field: 'rule',
        code: 'screening.absolute_contraindication',
        message: 'pregnancy.pregnant is an absolute contraindication and cannot be overridden',
      },
    ]);
  });

  it('refuses a relative override without a justification or a physician', () => {
    const codes = validateOverride({ rule: 'urinary.cystitis', by: '', justification: '' }).map((i) => i.code);
    expect(codes).toEqual(['screening.override_physician_required', 'screening.override_justification_required']);
  });

  it('refuses an unknown rule and a caution, accepts a justified relative override', () => {
    expect(validateOverride({ rule: 'nope', by: physician, justification: 'x' })[0]?.code).toBe('screening.override_unknown_rule');
    expect(validateOverride({ rule: 'medication.maoi', by: physician, justification: 'x' })[0]?.code).toBe('screening.override_not_needed');
    expect(validateOverride({ rule: 'urinary.cystitis', by: physician, justification: 'Urology review: quiescent for 2 years.' })).toEqual(
      [],
    );
  });
});

describe('ScreeningPolicy', () => {
  it('takes a clinic blood pressure threshold', () => {
    const facts = { ...noFacts, bloodPressure: { systolicMmHg: 165, diastolicMmHg: 85 } };
    expect(evaluateFacts(facts, { route: 'iv' }).verdict).toBe('eligible');
    const policy = { uncontrolledHypertension: { systolicMmHg: 160, diastolicMmHg: 100 } };
    expect(evaluateFacts(facts, { route: 'iv', policy }).fired.map((f) => f.rule)).toEqual(['blood_pressure.uncontrolled_hypertension']);
  });

  it('lets a clinic relax a policy rule but only tighten a sourced one', () => {
    const policy = {
      severities: {
        'urinary.cystitis': 'caution' as const,
        'hepatic.severe_impairment': 'caution' as const,
        'neuro.raised_icp_or_iop': 'absolute' as const,
      },
    };
    expect(evaluateFacts({ ...noFacts, cystitis: true }, { route: 'iv', policy }).verdict).toBe('eligible_with_cautions');
    expect(evaluateFacts({ ...noFacts, hepaticImpairment: 'severe' }, { route: 'iv', policy }).fired[0]?.severity).toBe('absolute');
    expect(evaluateFacts({ ...noFacts, raisedIcpOrIop: true }, { route: 'iv', policy }).fired[0]?.severity).toBe('absolute');
    expect(validateOverride({ rule: 'neuro.raised_icp_or_iop', by: physician, justification: 'x' }, { policy })[0]?.code).toBe(
      'screening.absolute_contraindication',
    );
  });

  it('keeps the [M] hypertension default and the [V] Spravato caution as parameters', () => {
    expect(DEFAULT_SCREENING_POLICY.uncontrolledHypertension).toEqual({ systolicMmHg: 180, diastolicMmHg: 110 });
    expect(DEFAULT_SCREENING_POLICY.esketaminePreDoseCaution).toEqual({ systolicMmHg: 140, diastolicMmHg: 90 });
  });
});

describe('listCandidacyRules', () => {
  it('lists every rule as data with severity, routes and source', () => {
    const listed = listCandidacyRules();
    expect(listed.ruleSetVersion).toBe(CANDIDACY_RULE_SET_VERSION);
    expect(listed.rules).toHaveLength(CANDIDACY_RULES.length);
    expect(JSON.parse(JSON.stringify(listed))).toEqual(listed);
    expect(listed.rules.find((r) => r.id === 'cardiovascular.aneurysm_or_avm')).toMatchObject({
      severity: 'absolute',
      routes: ['esketamine_in'],
    });
  });
});
