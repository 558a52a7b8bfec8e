import type { DrugClass } from '../patients/drug-classes.ts';
import { SCREENING_ROUTES, type ScreeningFacts, type ScreeningPolicy, type ScreeningRoute, type Severity } from './screening-policy.ts';

/**
 * The candidacy rules as data (issue 4, item 1). Severity follows the source's own wording (README.md in this
 * folder): a label contraindication or an unqualified "should not be used / avoid" is absolute; a qualified stop
 * ("or only at lower doses with extreme caution", "consider carefully") is relative; "monitor / with caution" is a
 * caution. Where DOMAIN.md is silent or unverified the severity is clinic policy (policy: true, configurable).
 */

/** Bump on any change to a rule, its severity, routes or condition; every evaluation records it. */
export const CANDIDACY_RULE_SET_VERSION = '2026-11-22.1';

export interface CandidacyRule {
  readonly id: string;
  readonly version?: string;
  readonly routes: readonly ScreeningRoute[];
  readonly severity: Severity;
  /** Pure predicate over the facts derived from the record and evaluation (or a self-check). */
  readonly condition: (facts: ScreeningFacts, policy: ScreeningPolicy) => boolean;
  /** Why this patient: plain language naming what was found; defaults to the rationale. */
  readonly reason?: (facts: ScreeningFacts, policy: ScreeningPolicy) => string;
  /** Plain language, no diagnosis: why the rule exists. */
  readonly rationale: string;
  /** DOMAIN.md section plus the citation it gives. */
  readonly source: string;
  /** True where the sources are silent or unverified and the severity is clinic policy. */
  readonly policy: boolean;
}

const ALL_ROUTES: readonly ScreeningRoute[] = SCREENING_ROUTES;
const ESKETAMINE: readonly ScreeningRoute[] = ['esketamine_in'];
const ORAL: readonly ScreeningRoute[] = ['oral'];
// "Serial ketamine infusions" (DOMAIN.md 15): the infusion routes.
const INFUSION_ROUTES: readonly ScreeningRoute[] = ['iv', 'sc'];
const NON_INFUSION_ROUTES = ALL_ROUTES.filter((route) => !INFUSION_ROUTES.includes(route));

const COHEN = 'Cohen SP et al. Reg Anesth Pain Med 2018;43:521-546';
const SPRAVATO = 'SPRAVATO (esketamine) US prescribing information';

const onMedication = (facts: ScreeningFacts, drugClass: DrugClass) => (facts.medicationsByClass[drugClass]?.length ?? 0) > 0;
const medicationNames = (facts: ScreeningFacts, drugClass: DrugClass) => (facts.medicationsByClass[drugClass] ?? []).join(', ');
const bp = (facts: ScreeningFacts) =>
  facts.bloodPressure ? `${facts.bloodPressure.systolicMmHg}/${facts.bloodPressure.diastolicMmHg} mmHg` : '';

/** One caution rule per current-medication class (DOMAIN.md 11). */
function medicationCaution(
  id: string,
  drugClass: DrugClass,
  routes: readonly ScreeningRoute[],
  rationale: string,
  source: string,
): CandidacyRule {
  return {
    id,
    routes,
    severity: 'caution',
    condition: (facts) => onMedication(facts, drugClass),
    reason: (facts) => `Current medication: ${medicationNames(facts, drugClass)}. ${rationale}`,
    rationale,
    source,
    policy: false,
  };
}

export const CANDIDACY_RULES: readonly CandidacyRule[] = [
  {
    id: 'pregnancy.pregnant',
    routes: ALL_ROUTES,
    severity: 'absolute',
    condition: (facts) => facts.pregnancy === 'pregnant',
    rationale: 'Ketamine and esketamine are not recommended in pregnancy because of possible harm to the unborn baby.',
    source: `DOMAIN.md 3 and 11 (${SPRAVATO}: embryo-fetal toxicity, not recommended [V]); DOMAIN.md 15 (${COHEN} pregnancy wording unverified: clinic policy)`,
    policy: true,
  },
  {
    id: 'pregnancy.possible',
    routes: ALL_ROUTES,
    severity: 'caution',
    condition: (facts) => facts.pregnancy === 'possible',
    rationale: 'Pregnancy has not been ruled out; confirm before treatment.',
    source: 'DOMAIN.md 11 (pregnancy); the sources are silent on possible pregnancy: clinic policy',
    policy: true,
  },
  {
    id: 'psychiatric.poorly_controlled_psychosis',
    routes: ALL_ROUTES,
    severity: 'absolute',
    condition: (facts) => facts.activePsychosis,
    rationale: 'Ketamine can worsen psychosis; it is avoided while psychosis is poorly controlled.',
    source: `DOMAIN.md 15 (${COHEN}: "avoided in individuals with certain poorly controlled psychoses"); DOMAIN.md 11 (${SPRAVATO}: assess carefully)`,
    policy: false,
  },
  {
    id: 'blood_pressure.uncontrolled_hypertension',
    routes: ALL_ROUTES,
    severity: 'relative',
    condition: (facts, policy) =>
      facts.uncontrolledHypertensionReported ||
      (facts.bloodPressure !== undefined &&
        (facts.bloodPressure.systolicMmHg >= policy.uncontrolledHypertension.systolicMmHg ||
          facts.bloodPressure.diastolicMmHg >= policy.uncontrolledHypertension.diastolicMmHg)),
    reason: (facts, policy) =>
      facts.bloodPressure
        ? `Blood pressure ${bp(facts)} is at or above the clinic limit of ${policy.uncontrolledHypertension.systolicMmHg}/${policy.uncontrolledHypertension.diastolicMmHg} mmHg. Ketamine raises blood pressure.`
        : 'High blood pressure that is not under control. Ketamine raises blood pressure.',
    rationale: 'Ketamine raises blood pressure and heart rate; uncontrolled high blood pressure should be treated first.',
    source: `DOMAIN.md 11 (ketamine raises BP [V]; no guideline threshold, clinics use 160-180/100-110 [M]); DOMAIN.md 7 [M]; DOMAIN.md 3 (${SPRAVATO}: do not give if a BP increase poses a serious risk)`,
    policy: true,
  },
  {
    id: 'blood_pressure.esketamine_pre_dose',
    routes: ESKETAMINE,
    severity: 'caution',
    condition: (facts, policy) =>
      facts.bloodPressure !== undefined &&
      (facts.bloodPressure.systolicMmHg > policy.esketaminePreDoseCaution.systolicMmHg ||
        facts.bloodPressure.diastolicMmHg > policy.esketaminePreDoseCaution.diastolicMmHg),
    reason: (facts, policy) =>
      `Blood pressure ${bp(facts)} is above ${policy.esketaminePreDoseCaution.systolicMmHg}/${policy.esketaminePreDoseCaution.diastolicMmHg} mmHg: weigh the short-term rise against the benefit.`,
    rationale: 'Esketamine raises blood pressure for a short time; above 140/90 mmHg the label asks to weigh risk against benefit.',
    source: `DOMAIN.md 3 and 11 (${SPRAVATO}: baseline > 140/90 mmHg, consider delaying [V])`,
    policy: false,
  },
  {
    id: 'cardiovascular.poorly_controlled',
    routes: ALL_ROUTES,
    severity: 'absolute',
    condition: (facts) => facts.cardiovascularPoorlyControlled,
    rationale: 'Ketamine increases the work of the heart; it should not be used while heart disease is poorly controlled.',
    source: `DOMAIN.md 15 (${COHEN}: "should not be used in patients with poorly controlled cardiovascular disease")`,
    policy: false,
  },
  {
    id: 'cardiovascular.aneurysm_or_avm',
    routes: ESKETAMINE,
    severity: 'absolute',
    condition: (facts) => facts.aneurysmOrAvm,
    rationale: 'Esketamine must not be used with aneurysmal vascular disease or an arteriovenous malformation.',
    source: `DOMAIN.md 15 (${SPRAVATO}: contraindication, aneurysmal vascular disease or AVM)`,
    policy: false,
  },
  {
    id: 'cardiovascular.intracerebral_haemorrhage',
    routes: ESKETAMINE,
    severity: 'absolute',
    condition: (facts) => facts.intracerebralHaemorrhageHistory,
    rationale: 'Esketamine must not be used after a bleed inside the brain.',
    source: `DOMAIN.md 15 (${SPRAVATO}: contraindication, history of intracerebral haemorrhage)`,
    policy: false,
  },
  {
    id: 'hepatic.severe_impairment',
    routes: ALL_ROUTES,
    severity: 'absolute',
    condition: (facts) => facts.hepaticImpairment === 'severe',
    rationale: 'The liver clears ketamine; with severe liver disease it should not be given.',
    source: `DOMAIN.md 15 (${COHEN}: severe = avoid); DOMAIN.md 11 (${SPRAVATO}: severe = not recommended [V])`,
    policy: false,
  },
  {
    id: 'hepatic.moderate_impairment',
    routes: ALL_ROUTES,
    severity: 'caution',
    condition: (facts) => facts.hepaticImpairment === 'moderate',
    rationale: 'With moderate liver disease ketamine is given judiciously, with liver tests and longer monitoring.',
    source: `DOMAIN.md 15 (${COHEN}: "administered judiciously with proper monitoring"); DOMAIN.md 11 (${SPRAVATO}: monitor longer [V])`,
    policy: false,
  },
  {
    id: 'neuro.raised_icp_or_iop',
    routes: ALL_ROUTES,
    severity: 'relative',
    condition: (facts) => facts.raisedIcpOrIop,
    rationale: 'With raised pressure in the head or the eye, ketamine is not used, or only at lower doses with extreme caution.',
    source: `DOMAIN.md 15 (${COHEN}: "should not be used or used only in lower dosages with extreme caution", Grade C); DOMAIN.md 11`,
    policy: false,
  },
  {
    id: 'substance_use.active_serial_infusions',
    routes: INFUSION_ROUTES,
    severity: 'absolute',
    condition: (facts) => facts.activeSubstanceUse,
    rationale: 'A course of ketamine infusions should not be started during an active substance use problem.',
    source: `DOMAIN.md 15 (${COHEN}: "Serial ketamine infusions should not be undertaken in patients with an active substance abuse problem")`,
    policy: false,
  },
  {
    id: 'substance_use.active_other_routes',
    routes: NON_INFUSION_ROUTES,
    severity: 'relative',
    condition: (facts) => facts.activeSubstanceUse,
    rationale: 'Ketamine can be misused; during an active substance use problem a physician must weigh the risk.',
    source: `DOMAIN.md 11 (${SPRAVATO}: consider carefully, monitor for abuse [V]); silent for racemic non-infusion routes: clinic policy`,
    policy: true,
  },
  {
    id: 'substance_use.history',
    routes: ALL_ROUTES,
    severity: 'caution',
    condition: (facts) => facts.substanceUseHistory && !facts.activeSubstanceUse,
    rationale: 'A past substance use problem calls for monitoring for misuse.',
    source: `DOMAIN.md 11 (${SPRAVATO}: consider carefully in SUD history including alcohol [V]); DOMAIN.md 15 (${COHEN}: universal precautions)`,
    policy: false,
  },
  {
    id: 'allergy.ketamine_hypersensitivity',
    routes: ALL_ROUTES,
    severity: 'absolute',
    condition: (facts) => facts.ketamineHypersensitivity,
    rationale: 'An allergy to ketamine or esketamine rules the medicine out.',
    source: `DOMAIN.md 15 (${SPRAVATO}: contraindication, hypersensitivity to esketamine, ketamine or excipients)`,
    policy: false,
  },
  {
    id: 'age.under_minimum',
    routes: ALL_ROUTES,
    severity: 'absolute',
    condition: (facts, policy) => facts.ageYears !== undefined && facts.ageYears < policy.minimumAgeYears,
    reason: (facts, policy) => `Age ${facts.ageYears} years is below the clinic minimum of ${policy.minimumAgeYears} years.`,
    rationale: 'The guidelines and the esketamine label cover adults only.',
    source: 'DOMAIN.md 1 and 3 (adult guideline and label); no paediatric wording: clinic policy (default 18 years)',
    policy: true,
  },
  {
    id: 'urinary.cystitis',
    routes: ALL_ROUTES,
    severity: 'relative',
    condition: (facts) => facts.cystitis,
    rationale: 'Ketamine can inflame the bladder; existing interstitial or ulcerative cystitis needs a physician decision.',
    source: `DOMAIN.md 3 and 11 (${SPRAVATO}: ulcerative/interstitial cystitis, monitor [V]); silent on existing cystitis: clinic policy`,
    policy: true,
  },
  medicationCaution(
    'medication.benzodiazepine',
    'benzodiazepine',
    ALL_ROUTES,
    'Benzodiazepines add to sedation and may blunt the response to ketamine.',
    `DOMAIN.md 11 (may blunt response [M]; ${SPRAVATO}: more sedation, REMS form category [V])`,
  ),
  medicationCaution(
    'medication.sedative_hypnotic',
    'sedative_hypnotic',
    ALL_ROUTES,
    'Sleeping medicines add to sedation.',
    'DOMAIN.md 11 (CNS depressants: additive sedation) and 15 (REMS monitoring form category)',
  ),
  medicationCaution(
    'medication.lamotrigine',
    'lamotrigine',
    ALL_ROUTES,
    'Lamotrigine may weaken the effect of ketamine.',
    'DOMAIN.md 11 (Anand 2000 [M]: flag, do not block)',
  ),
  medicationCaution(
    'medication.maoi',
    'maoi',
    ALL_ROUTES,
    'MAO inhibitors with ketamine call for close blood pressure monitoring.',
    `DOMAIN.md 11 (${SPRAVATO} section 7: monitor BP closely [M])`,
  ),
  medicationCaution(
    'medication.stimulant',
    'stimulant',
    ALL_ROUTES,
    'Stimulants add to the blood pressure rise.',
    `DOMAIN.md 11 (${SPRAVATO} section 7: additive BP rise [M]; REMS category [V])`,
  ),
  {
    id: 'medication.opioid_with_benzodiazepine',
    routes: ALL_ROUTES,
    severity: 'caution',
    condition: (facts) => onMedication(facts, 'opioid') && onMedication(facts, 'benzodiazepine'),
    reason: (facts) =>
      `Current medications: ${medicationNames(facts, 'opioid')} with ${medicationNames(facts, 'benzodiazepine')}. Opioids and benzodiazepines together with ketamine add to sedation and slowed breathing.`,
    rationale: 'Opioids and benzodiazepines together with ketamine add to sedation and slowed breathing.',
    source: 'DOMAIN.md 11 (opioids: additive sedation and respiratory depression [V]; benzodiazepines: sedation [V])',
    policy: false,
  },
  medicationCaution(
    'interaction.cyp3a4_inhibitor',
    'cyp3a4_inhibitor',
    ORAL,
    'This medicine slows the breakdown of oral ketamine (CYP3A4) and can raise its levels.',
    'DOMAIN.md 11 (Peltoniemi 2016 [V]; clarithromycin AUC about 2.6x [M])',
  ),
  medicationCaution(
    'interaction.cyp3a4_inducer',
    'cyp3a4_inducer',
    ORAL,
    'This medicine speeds the breakdown of oral ketamine (CYP3A4) and can lower its levels.',
    'DOMAIN.md 11 (Peltoniemi 2016 [V]; rifampicin AUC down about 86% [M])',
  ),
  medicationCaution(
    'interaction.cyp2b6_inhibitor',
    'cyp2b6_inhibitor',
    ORAL,
    'This medicine slows the breakdown of oral ketamine (CYP2B6) and can raise its levels.',
    'DOMAIN.md 11 (Peltoniemi 2016 [V]; ticlopidine AUC about 2.4x [M])',
  ),
  medicationCaution(
    'interaction.cyp2b6_inducer',
    'cyp2b6_inducer',
    ORAL,
    'This medicine speeds the breakdown of oral ketamine (CYP2B6) and can lower its levels.',
    'DOMAIN.md 11 (Peltoniemi 2016 [V]; inducers lower oral AUC [M])',
  ),
];
