import { z } from 'zod';
import type { DrugClass } from '../patients/drug-classes.ts';

/**
 * Shared types of the candidacy rules engine (issue 4) and the clinic's ScreeningPolicy: the thresholds DOMAIN.md
 * marks [M] or leaves to clinic policy, with defaults a clinic may override.
 */

/** Administration routes the rules distinguish; 'esketamine_in' is Spravato (DOMAIN.md 3), 'in' racemic ketamine. */
export const SCREENING_ROUTES = ['iv', 'in', 'oral', 'sl', 'sc', 'im', 'topical', 'esketamine_in'] as const;
export type ScreeningRoute = (typeof SCREENING_ROUTES)[number];
export const screeningRouteSchema = z.enum(SCREENING_ROUTES);

export const SEVERITIES = ['absolute', 'relative', 'caution'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const severitySchema = z.enum(SEVERITIES);
const SEVERITY_RANK: Record<Severity, number> = { caution: 1, relative: 2, absolute: 3 };

export type HepaticClass = 'none' | 'mild' | 'moderate' | 'severe' | 'unknown';

/**
 * What the rules read: derived from the patient record plus the evaluation (deriveScreeningFacts), or from a
 * public self-check (mapSelfCheckToFacts). Anything unknown is absent or false.
 */
export interface ScreeningFacts {
  readonly ageYears?: number;
  readonly bloodPressure?: { readonly systolicMmHg: number; readonly diastolicMmHg: number };
  /** Self-check only: the person says their blood pressure is high and not under control. */
  readonly uncontrolledHypertensionReported: boolean;
  readonly pregnancy: 'pregnant' | 'possible' | 'not_pregnant' | 'unknown';
  readonly activePsychosis: boolean;
  readonly activeSubstanceUse: boolean;
  /** Substance use disorder in remission or in the past (not tobacco). */
  readonly substanceUseHistory: boolean;
  readonly cardiovascularPoorlyControlled: boolean;
  readonly aneurysmOrAvm: boolean;
  readonly intracerebralHaemorrhageHistory: boolean;
  readonly hepaticImpairment: HepaticClass;
  readonly raisedIcpOrIop: boolean;
  readonly cystitis: boolean;
  readonly ketamineHypersensitivity: boolean;
  /** Current medications by drug class (ingredient names, for the reason text). */
  readonly medicationsByClass: Readonly<Partial<Record<DrugClass, readonly string[]>>>;
}

export const bloodPressureLimitSchema = z.strictObject({
  systolicMmHg: z.number().int().min(80).max(300),
  diastolicMmHg: z.number().int().min(40).max(200),
});

export const screeningPolicySchema = z.strictObject({
  /** Uncontrolled hypertension at evaluation: systolic >= or diastolic >= these. [M] DOMAIN.md 7 and 11, unverified. */
  uncontrolledHypertension: bloodPressureLimitSchema,
  /** Spravato pre-dose caution: systolic > or diastolic > these. [V] DOMAIN.md 3 and 11 (>140/90 mmHg). */
  esketaminePreDoseCaution: bloodPressureLimitSchema,
  /** Youngest age treated. Clinic policy: the sources describe adult use only (DOMAIN.md 1, 3). */
  minimumAgeYears: z.number().int().min(0).max(120),
  /** Severity per rule id. Rules marked policy: true take any severity; sourced rules may only be made stricter. */
  severities: z.record(z.string(), severitySchema),
});
export type ScreeningPolicy = z.infer<typeof screeningPolicySchema>;

export const DEFAULT_SCREENING_POLICY: ScreeningPolicy = {
  // Unverified [M]: DOMAIN.md 7 lists SBP >180 or DBP >110 as a common clinic stop rule; DOMAIN.md 11 says many
  // clinics exclude at >= 160-180 / 100-110. No guideline gives a number; the clinic must set its own.
  uncontrolledHypertension: { systolicMmHg: 180, diastolicMmHg: 110 },
  // Verified [V]: Spravato label, baseline BP > 140 systolic or > 90 diastolic: weigh the risk (DOMAIN.md 3).
  esketaminePreDoseCaution: { systolicMmHg: 140, diastolicMmHg: 90 },
  minimumAgeYears: 18,
  severities: {},
};

/** Clinic overrides on top of the defaults (shallow per key); validate a stored clinic policy with the schema.
 * Source: DOMAIN.md 7 and 11 ([M] thresholds are configurable). */
export function resolveScreeningPolicy(overrides: Partial<ScreeningPolicy> = {}): ScreeningPolicy {
  return {
    ...DEFAULT_SCREENING_POLICY,
    ...overrides,
    severities: { ...DEFAULT_SCREENING_POLICY.severities, ...overrides.severities },
  };
}

/** The severity a rule has under this policy: a policy rule takes the configured severity; a sourced rule only a
 * stricter one (a clinic may be more careful than the source, never less). Source: issue 4, DOMAIN.md 15. */
export function effectiveSeverity(rule: { id: string; severity: Severity; policy: boolean }, policy: ScreeningPolicy): Severity {
  const configured = policy.severities[rule.id];
  if (configured === undefined) return rule.severity;
  if (rule.policy) return configured;
  return SEVERITY_RANK[configured] > SEVERITY_RANK[rule.severity] ? configured : rule.severity;
}

/** Sort key: absolute first, then relative, then caution. Source: issue 4 (verdict order). */
export function severityRank(severity: Severity): number {
  return SEVERITY_RANK[severity];
}
