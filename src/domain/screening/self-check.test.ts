import { describe, expect, it } from 'vitest';
import { assessSelfCheck, mapSelfCheckToFacts, type SelfCheckAnswers, selfCheckSchema } from './self-check.ts';

function cleanAnswers(): SelfCheckAnswers {
  return {
    ageYears: 44,
    painDurationMonths: 18,
    diagnoses: [
      { kind: 'group', group: 'crps' },
      { kind: 'text', text: 'burning foot pain' },
    ],
    treatmentsTried: [
      { category: 'opioids', result: 'partial' },
      { category: 'anticonvulsants', result: 'not_tolerated', detail: 'gabapentin' },
    ],
    interference: { dailyActivity0to10: 7, sleep0to10: 8 },
    dn4Interview: {
      dn4_burning: 1,
      dn4_painful_cold: 0,
      dn4_electric_shocks: 1,
      dn4_tingling: 1,
      dn4_pins_and_needles: 0,
      dn4_numbness: 0,
      dn4_itching: 0,
    },
    painSpreadingOrOutOfProportion: 'yes',
    exclusions: {
      pregnancy: 'no',
      psychosisNotControlled: 'no',
      highBloodPressureNotControlled: 'no',
      heartDiseaseNotControlled: 'no',
      liverDisease: 'no',
      glaucomaOrRaisedIntracranialPressure: 'no',
      substanceUse: 'no',
      ketamineAllergy: 'no',
    },
  };
}

describe('selfCheckSchema', () => {
  it('accepts a full set of answers', () => {
    expect(selfCheckSchema.safeParse(cleanAnswers()).success).toBe(true);
  });

  it('gives field-level errors for an incomplete questionnaire', () => {
    const answers = cleanAnswers() as unknown as { exclusions: Record<string, unknown>; interference: Record<string, unknown> };
    delete answers.exclusions.pregnancy;
    answers.interference.sleep0to10 = 11;
    const paths = selfCheckSchema.safeParse(answers).error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['exclusions.pregnancy', 'interference.sleep0to10']));
  });
});

describe('assessSelfCheck (same rules engine as the clinician evaluation)', () => {
  it('finds nothing in clean answers: worth discussing, every route open', () => {
    const result = assessSelfCheck(cleanAnswers());
    expect(result.outcome).toBe('worth_discussing');
    expect(result.fired).toEqual([]);
    expect(result.routesToDiscuss).toHaveLength(8);
    expect(result.dn4Interview).toMatchObject({ total: 3, complete: true, band: 'suggests_neuropathic_pain' });
  });

  it('maps pregnancy to likely not suitable with the reason in plain language', () => {
    const answers = cleanAnswers();
    answers.exclusions.pregnancy = 'yes';
    const result = assessSelfCheck(answers);
    expect(result.outcome).toBe('likely_not_suitable');
    expect(result.fired.map((f) => f.rule)).toEqual(['pregnancy.pregnant']);
    expect(result.reasons[0]).toMatch(/^You told us you are pregnant\. .*not recommended in pregnancy/);
  });

  it('treats "not sure" as not present and says the clinic will ask', () => {
    const answers = cleanAnswers();
    answers.exclusions.heartDiseaseNotControlled = 'not_sure';
    answers.exclusions.ketamineAllergy = 'not_sure';
    const result = assessSelfCheck(answers);
    expect(result.outcome).toBe('worth_discussing');
    expect(result.fired).toEqual([]);
    expect(result.reasons.join(' ')).toContain('heart disease, allergy to ketamine');
  });

  it('keeps a relative stop as likely not suitable (no physician override online)', () => {
    const answers = cleanAnswers();
    answers.exclusions.glaucomaOrRaisedIntracranialPressure = 'yes';
    expect(assessSelfCheck(answers).outcome).toBe('likely_not_suitable');
  });

  it('stops infusions for current substance use; past use is only a caution', () => {
    const answers = cleanAnswers();
    answers.exclusions.substanceUse = 'current';
    const result = assessSelfCheck(answers, { routes: ['iv'] });
    expect(result.outcome).toBe('likely_not_suitable');
    answers.exclusions.substanceUse = 'past';
    expect(assessSelfCheck(answers, { routes: ['iv'] })).toMatchObject({
      outcome: 'worth_discussing',
      fired: [{ rule: 'substance_use.history' }],
    });
  });

  it('uses the clinic minimum age and never names a diagnosis', () => {
    const answers = cleanAnswers();
    answers.ageYears = 17;
    const result = assessSelfCheck(answers);
    expect(result.outcome).toBe('likely_not_suitable');
    expect(result.reasons.join(' ')).not.toMatch(/neuropathic|diagnos/i);
  });

  it('maps unknowns to absent facts', () => {
    const answers = cleanAnswers();
    delete answers.ageYears;
    answers.exclusions.liverDisease = 'yes_other';
    const facts = mapSelfCheckToFacts(answers);
    expect(facts.ageYears).toBeUndefined();
    expect(facts.hepaticImpairment).toBe('unknown');
    expect(facts.bloodPressure).toBeUndefined();
  });
});
