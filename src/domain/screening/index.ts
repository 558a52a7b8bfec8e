/**
 * Public API of the candidacy screening domain (issue 4): rules, engine, evaluation input, clinic policy and the
 * public self-check. See README.md in this folder and docs/screening.md.
 */
export {
  type CandidacyOverride,
  type CandidacyResult,
  type EvaluateOptions,
  evaluateCandidacy,
  evaluateFacts,
  type FiredRule,
  listCandidacyRules,
  type ScreeningIssue,
  type Verdict,
  validateOverride,
} from './candidacy-engine.ts';
export { CANDIDACY_RULE_SET_VERSION, CANDIDACY_RULES, type CandidacyRule } from './candidacy-rules.ts';
export {
  ageInYears,
  deriveScreeningFacts,
  type EvaluationFindings,
  type EvaluationInput,
  evaluationFindingsSchema,
  evaluationInputSchema,
  parseWithFieldIssues,
} from './evaluation-input.ts';
export {
  DEFAULT_SCREENING_POLICY,
  effectiveSeverity,
  resolveScreeningPolicy,
  SCREENING_ROUTES,
  type ScreeningFacts,
  type ScreeningPolicy,
  type ScreeningRoute,
  type Severity,
  screeningPolicySchema,
  screeningRouteSchema,
} from './screening-policy.ts';
export { assessSelfCheck, mapSelfCheckToFacts, type SelfCheckAnswers, type SelfCheckAssessment, selfCheckSchema } from './self-check.ts';
