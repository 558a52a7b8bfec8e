import { CANDIDACY_RULE_SET_VERSION, CANDIDACY_RULES, type CandidacyRule } from './candidacy-rules.ts';
import { deriveScreeningFacts, type EvaluationInput } from './evaluation-input.ts';
import {
  DEFAULT_SCREENING_POLICY,
  effectiveSeverity,
  resolveScreeningPolicy,
  type ScreeningFacts,
  type ScreeningPolicy,
  type ScreeningRoute,
  type Severity,
  severityRank,
} from './screening-policy.ts';

/**
 * The candidacy rules engine (issue 4, item 1): a pure evaluation per route. Any absolute rule -> not_eligible; a
 * relative rule -> not_eligible until a physician overrides it with a written justification; cautions only ->
 * eligible_with_cautions; nothing -> eligible. Outcomes are values, never exceptions.
 */

export type Verdict = 'eligible' | 'eligible_with_cautions' | 'not_eligible';

/** A physician's decision to proceed despite a relative rule. `by` is the physician's user id. */
export interface CandidacyOverride {
  readonly rule: string;
  readonly by: string;
  readonly justification: string;
}

export interface FiredRule {
  readonly rule: string;
  readonly severity: Severity;
  readonly reason: string;
  readonly source: string;
  readonly policy: boolean;
  readonly overridden?: { readonly by: string; readonly justification: string };
}

export interface ScreeningIssue {
  readonly field: string;
  readonly code: string;
  readonly message: string;
}

export interface CandidacyResult {
  readonly route: ScreeningRoute;
  readonly verdict: Verdict;
  readonly fired: readonly FiredRule[];
  readonly ruleSetVersion: string;
  /** Overrides that were refused (absolute rule, no justification, unknown rule); they changed nothing. */
  readonly overrideIssues: readonly ScreeningIssue[];
}

export interface EvaluateOptions {
  readonly route: ScreeningRoute;
  readonly policy?: Partial<ScreeningPolicy>;
  readonly overrides?: readonly CandidacyOverride[];
  /** Defaults to CANDIDACY_RULES; tests and clinics may pass another rule set with its own version. */
  readonly rules?: readonly CandidacyRule[];
  readonly ruleSetVersion?: string;
}

/** Checks one override: refused for an unknown rule, an absolute rule (under this policy), a caution (nothing to
 * override), a missing physician or a blank justification. Source: issue 4 ("Bad input"); returns issues, never throws. */
export function validateOverride(
  override: CandidacyOverride,
  options: { policy?: Partial<ScreeningPolicy>; rules?: readonly CandidacyRule[] } = {},
): ScreeningIssue[] {
  const policy = resolveScreeningPolicy(options.policy);
  const rule = (options.rules ?? CANDIDACY_RULES).find((r) => r.id === override.rule);
  const issues: ScreeningIssue[] = [];
  if (!rule) {
    issues.push({ field: 'rule', code: 'screening.override_unknown_rule', message: `no rule "${override.rule}" in the rule set` });
  } else {
    const severity = effectiveSeverity(rule, policy);
    if (severity === 'absolute') {
      issues.push({
        field: 'rule',
        code: 'screening.absolute_contraindication',
        message: `${rule.id} is an absolute contraindication and cannot be overridden`,
      });
    } else if (severity === 'caution') {
      issues.push({ field: 'rule', code: 'screening.override_not_needed', message: `${rule.id} is a caution; it needs no override` });
    }
  }
  if (typeof override.by !== 'string' || override.by.trim() === '') {
    issues.push({ field: 'by', code: 'screening.override_physician_required', message: 'must name the physician who overrides' });
  }
  if (typeof override.justification !== 'string' || override.justification.trim() === '') {
    issues.push({
      field: 'justification',
      code: 'screening.override_justification_required',
      message: 'a written justification is required to override a relative contraindication',
    });
  }
  return issues;
}

/** Evaluates a validated patient-plus-evaluation input for one route (see evaluateFacts).
 * Source: issue 4 item 1; rules and their DOMAIN.md sources in candidacy-rules.ts. */
export function evaluateCandidacy(input: EvaluationInput, options: EvaluateOptions): CandidacyResult {
  return evaluateFacts(deriveScreeningFacts(input), options);
}

/** The engine proper over derived facts (shared by the clinician evaluation and the public self-check).
 * Source: issue 4 item 1 (verdict rules); severities per rule and policy (screening-policy.ts). */
export function evaluateFacts(facts: ScreeningFacts, options: EvaluateOptions): CandidacyResult {
  const policy = options.policy ? resolveScreeningPolicy(options.policy) : DEFAULT_SCREENING_POLICY;
  const rules = options.rules ?? CANDIDACY_RULES;
  const overrideIssues: ScreeningIssue[] = [];
  const accepted = new Map<string, CandidacyOverride>();
  (options.overrides ?? []).forEach((override, index) => {
    const issues = validateOverride(override, { policy, rules });
    for (const issue of issues) overrideIssues.push({ ...issue, field: `overrides[${index}].${issue.field}` });
    if (issues.length === 0) accepted.set(override.rule, override);
  });
  const fired: FiredRule[] = [];
  for (const rule of rules) {
    if (!rule.routes.includes(options.route) || !rule.condition(facts, policy)) continue;
    const severity = effectiveSeverity(rule, policy);
    const override = severity === 'relative' ? accepted.get(rule.id) : undefined;
    fired.push({
      rule: rule.id,
      severity,
      reason: rule.reason ? rule.reason(facts, policy) : rule.rationale,
      source: rule.source,
      policy: rule.policy,
      ...(override ? { overridden: { by: override.by.trim(), justification: override.justification.trim() } } : {}),
    });
  }
  fired.sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
  return {
    route: options.route,
    verdict: verdictOf(fired),
    fired,
    ruleSetVersion: options.ruleSetVersion ?? (options.rules ? 'custom' : CANDIDACY_RULE_SET_VERSION),
    overrideIssues,
  };
}

/** Verdict from the fired rules. Source: issue 4 item 1. */
function verdictOf(fired: readonly FiredRule[]): Verdict {
  if (fired.some((f) => f.severity === 'absolute')) return 'not_eligible';
  if (fired.some((f) => f.severity === 'relative' && !f.overridden)) return 'not_eligible';
  return fired.length > 0 ? 'eligible_with_cautions' : 'eligible';
}

/** Every rule as plain data (no functions) for `ketaclinic rules list`, the API and docs/screening.md.
 * Source: candidacy-rules.ts (each row cites its DOMAIN.md section); severity as configured by the policy. */
export function listCandidacyRules(policy: Partial<ScreeningPolicy> = {}) {
  const resolved = resolveScreeningPolicy(policy);
  return {
    ruleSetVersion: CANDIDACY_RULE_SET_VERSION,
    rules: CANDIDACY_RULES.map((rule) => ({
      id: rule.id,
      ...(rule.version ? { version: rule.version } : {}),
      severity: effectiveSeverity(rule, resolved),
      routes: [...rule.routes],
      policy: rule.policy,
      rationale: rule.rationale,
      source: rule.source,
    })),
  };
}
