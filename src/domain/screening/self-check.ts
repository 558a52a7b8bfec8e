import { z } from 'zod';
import { dn4InterviewDefinition } from '../instruments/dn4.ts';
import { type InstrumentResult, instrumentAnswersSchema, scoreInstrument } from '../instruments/instrument-definition.ts';
import { ICD10_GROUPS } from '../patients/icd10-picklist.ts';
import { painHistorySchema, treatmentTriedSchema } from '../patients/patient-record.ts';
import { evaluateFacts } from './candidacy-engine.ts';
import { CANDIDACY_RULE_SET_VERSION } from './candidacy-rules.ts';
import { SCREENING_ROUTES, type ScreeningFacts, type ScreeningPolicy, type ScreeningRoute, type Severity } from './screening-policy.ts';

/**
 * The public candidacy self-check (issue 4, item 2): what a person answers without signing in, mapped onto the same
 * facts the clinician rules read, with anything unknown treated as not present. Output is plain language, never a
 * diagnosis: the physician decides at the consultation.
 */

const yesNoUnsure = z.enum(['yes', 'no', 'not_sure']);
const scale0to10 = z.number().int().min(0).max(10);

export const selfCheckSchema = z.strictObject({
  ageYears: z.number().int().min(0).max(130).optional(),
  painDurationMonths: painHistorySchema.shape.durationMonths.unwrap(),
  diagnoses: z
    .array(
      z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('group'), group: z.enum(ICD10_GROUPS) }),
        z.strictObject({ kind: z.literal('text'), text: z.string().trim().min(1).max(200) }),
      ]),
    )
    .max(20),
  treatmentsTried: z
    .array(
      z.strictObject({
        category: treatmentTriedSchema.shape.category,
        result: treatmentTriedSchema.shape.result,
        detail: z.string().trim().max(200).optional(),
      }),
    )
    .max(20),
  interference: z.strictObject({ dailyActivity0to10: scale0to10, sleep0to10: scale0to10 }),
  /** The 7 DN4 interview items (no examination online), 0 = no, 1 = yes. */
  dn4Interview: instrumentAnswersSchema(dn4InterviewDefinition()).optional(),
  painSpreadingOrOutOfProportion: yesNoUnsure,
  exclusions: z.strictObject({
    pregnancy: z.enum(['yes', 'no', 'possible', 'not_applicable']),
    psychosisNotControlled: yesNoUnsure,
    highBloodPressureNotControlled: yesNoUnsure,
    heartDiseaseNotControlled: yesNoUnsure,
    /** 'yes_severe': told of severe liver disease such as cirrhosis (DOMAIN.md 1 example); other liver disease is asked at consultation. */
    liverDisease: z.enum(['no', 'yes_severe', 'yes_other', 'not_sure']),
    glaucomaOrRaisedIntracranialPressure: yesNoUnsure,
    substanceUse: z.enum(['no', 'current', 'past', 'not_sure']),
    ketamineAllergy: yesNoUnsure,
  }),
});
export type SelfCheckAnswers = z.infer<typeof selfCheckSchema>;

export interface SelfCheckFiredRule {
  readonly rule: string;
  readonly severity: Severity;
  readonly reason: string;
  readonly routes: readonly ScreeningRoute[];
}

export interface SelfCheckAssessment {
  readonly outcome: 'worth_discussing' | 'likely_not_suitable';
  readonly reasons: readonly string[];
  readonly fired: readonly SelfCheckFiredRule[];
  /** Routes for which nothing the person said is a stop. */
  readonly routesToDiscuss: readonly ScreeningRoute[];
  readonly dn4Interview?: InstrumentResult;
  readonly ruleSetVersion: string;
}

/** Maps answers to the rules' facts; "not sure" and unanswered count as not present (issue 4, item 2).
 * Source: issue 4; the facts are read by the rules of candidacy-rules.ts (DOMAIN.md 1, 3, 11, 15). */
export function mapSelfCheckToFacts(answers: SelfCheckAnswers): ScreeningFacts {
  const x = answers.exclusions;
  return {
    ...(answers.ageYears !== undefined ? { ageYears: answers.ageYears } : {}),
    uncontrolledHypertensionReported: x.highBloodPressureNotControlled === 'yes',
    pregnancy: x.pregnancy === 'yes' ? 'pregnant' : x.pregnancy === 'possible' ? 'possible' : 'not_pregnant',
    activePsychosis: x.psychosisNotControlled === 'yes',
    activeSubstanceUse: x.substanceUse === 'current',
    substanceUseHistory: x.substanceUse === 'past',
    cardiovascularPoorlyControlled: x.heartDiseaseNotControlled === 'yes',
    aneurysmOrAvm: false,
    intracerebralHaemorrhageHistory: false,
    hepaticImpairment: x.liverDisease === 'yes_severe' ? 'severe' : 'unknown',
    raisedIcpOrIop: x.glaucomaOrRaisedIntracranialPressure === 'yes',
    cystitis: false,
    ketamineHypersensitivity: x.ketamineAllergy === 'yes',
    medicationsByClass: {},
  };
}

// What the person told us, in their words; the rule's rationale follows. No diagnosis is made here.
const TOLD_US: Readonly<Record<string, string>> = {
  'pregnancy.pregnant': 'You told us you are pregnant.',
  'pregnancy.possible': 'You told us you might be pregnant.',
  'psychiatric.poorly_controlled_psychosis': 'You told us you have psychosis that is not under control.',
  'blood_pressure.uncontrolled_hypertension': 'You told us your blood pressure is high and not under control.',
  'cardiovascular.poorly_controlled': 'You told us you have heart disease that is not under control.',
  'hepatic.severe_impairment': 'You told us you have severe liver disease.',
  'neuro.raised_icp_or_iop': 'You told us you have glaucoma or raised pressure inside the head.',
  'substance_use.active_serial_infusions': 'You told us you currently have a problem with alcohol or drugs.',
  'substance_use.active_other_routes': 'You told us you currently have a problem with alcohol or drugs.',
  'substance_use.history': 'You told us you had a problem with alcohol or drugs in the past.',
  'allergy.ketamine_hypersensitivity': 'You told us you are allergic to ketamine or esketamine.',
  'age.under_minimum': 'You told us your age.',
};

const NOT_SURE: Readonly<Record<string, string>> = {
  psychosisNotControlled: 'psychosis',
  highBloodPressureNotControlled: 'blood pressure',
  heartDiseaseNotControlled: 'heart disease',
  liverDisease: 'liver disease',
  glaucomaOrRaisedIntracranialPressure: 'glaucoma or pressure inside the head',
  substanceUse: 'alcohol or drug use',
  ketamineAllergy: 'allergy to ketamine',
};

/** Runs the candidacy rules on the person's answers for each route the clinic offers: likely_not_suitable when every
 * route is stopped, otherwise worth_discussing. Source: issue 4 items 1-2; DN4 interview cut-off DOMAIN.md 15. */
export function assessSelfCheck(
  answers: SelfCheckAnswers,
  options: { routes?: readonly ScreeningRoute[]; policy?: Partial<ScreeningPolicy>; dn4InterviewCutOff?: number } = {},
): SelfCheckAssessment {
  const routes = options.routes ?? SCREENING_ROUTES;
  const facts = mapSelfCheckToFacts(answers);
  const results = routes.map((route) => evaluateFacts(facts, { route, ...(options.policy ? { policy: options.policy } : {}) }));
  const fired = new Map<string, { rule: string; severity: Severity; reason: string; routes: ScreeningRoute[] }>();
  for (const result of results) {
    for (const f of result.fired) {
      const entry = fired.get(f.rule) ?? { rule: f.rule, severity: f.severity, reason: f.reason, routes: [] };
      entry.routes.push(result.route);
      fired.set(f.rule, entry);
    }
  }
  const routesToDiscuss = results.filter((r) => r.verdict !== 'not_eligible').map((r) => r.route);
  const outcome = routesToDiscuss.length === 0 ? 'likely_not_suitable' : 'worth_discussing';
  const reasons = [...fired.values()].map((f) => `${TOLD_US[f.rule] ?? ''} ${f.reason}`.trim());
  const unsure = Object.entries(answers.exclusions)
    .filter(([, value]) => value === 'not_sure')
    .map(([key]) => NOT_SURE[key])
    .filter((topic): topic is string => topic !== undefined);
  if (unsure.length > 0) reasons.push(`You were not sure about: ${unsure.join(', ')}. The clinic will ask about this at the consultation.`);
  if (outcome === 'worth_discussing') {
    reasons.push('Nothing you told us rules out every form of ketamine treatment. A physician decides at the consultation.');
  } else {
    reasons.push('A physician can talk this through with you at a consultation.');
  }
  const dn4 = answers.dn4Interview ? scoreInstrument(dn4InterviewDefinition(options.dn4InterviewCutOff), answers.dn4Interview) : undefined;
  return {
    outcome,
    reasons,
    fired: [...fired.values()],
    routesToDiscuss,
    ...(dn4 ? { dn4Interview: dn4 } : {}),
    ruleSetVersion: CANDIDACY_RULE_SET_VERSION,
  };
}
