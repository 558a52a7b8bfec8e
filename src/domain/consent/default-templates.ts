import type { RouteGroup } from './consent-record.ts';

/**
 * The consent templates a clinic starts from (issue 4, item 4), one per route group. They are drafts for the
 * clinic's own legal review, not legal advice: every body says so. Facts cite /work/shared/DOMAIN.md sections.
 */
export interface ConsentTemplateSeed {
  templateId: string;
  routeGroup: RouteGroup;
  title: string;
  body: string;
}

const REVIEW_NOTE =
  "TEMPLATE FOR YOUR CLINIC'S LEGAL REVIEW. This text is a starting point shipped with KetaClinic and must be reviewed and adapted by the clinic before use.";

/**
 * Sections every route shares. Sources (kept here, not in the text a patient reads): dissociation 61-75 % and blood
 * pressure rise, DOMAIN.md 3 and 7; cystitis, DOMAIN.md 3 and 11; Schedule III, DOMAIN.md 10; no driving until the
 * next day after restful sleep, DOMAIN.md 3. Off-label use: DOMAIN.md 1 and 4; monitoring: DOMAIN.md 3 (REMS) and 7.
 */
const COMMON_SECTIONS = [
  'RISKS AND SIDE EFFECTS. Ketamine and esketamine commonly cause dissociation (feeling detached or "floaty"; seen in 61-75% of esketamine trial patients), a temporary rise in blood pressure, nausea and vomiting, dizziness, sedation and, rarely, breathing problems. Repeated use can cause bladder inflammation (ulcerative or interstitial cystitis): tell us about pain or frequency when passing urine.',
  'CONTROLLED SUBSTANCE. Ketamine and esketamine are Schedule III controlled substances. They can be misused. Every milligram is recorded; I will not share or sell any medication given to me.',
  'NO DRIVING. I will not drive, cycle or operate machinery until the next day after a restful sleep.',
  'ESCORT HOME. An adult escort will take me home; I will not leave alone or by public transport alone.',
];

const closing = 'I have read this text, had the chance to ask questions, and agree to treatment. I may withdraw my consent at any time.';

const compose = (intro: string, specific: string[]) => [REVIEW_NOTE, intro, ...specific, ...COMMON_SECTIONS, closing].join('\n\n');

export const DEFAULT_CONSENT_TEMPLATES: readonly ConsentTemplateSeed[] = [
  {
    templateId: 'iv-infusion-pain',
    routeGroup: 'iv_infusion',
    title: 'Intravenous ketamine infusion for chronic pain',
    body: compose('Consent to intravenous (IV) ketamine infusions for chronic pain.', [
      'OFF-LABEL USE. Ketamine is approved as an anaesthetic. Its use for chronic pain is off-label: supported by consensus guidelines but not an approved indication.',
      'MONITORING. Blood pressure, heart rate and oxygen saturation are monitored during the infusion and until I meet discharge criteria.',
    ]),
  },
  {
    templateId: 'esketamine-nasal',
    routeGroup: 'esketamine_nasal',
    title: 'Esketamine nasal spray (REMS)',
    body: compose('Consent to esketamine nasal spray given and monitored in the clinic under the REMS programme.', [
      'OFF-LABEL USE. Esketamine is approved for treatment-resistant depression; any use for pain is off-label.',
      'REMS MONITORING. I will stay in the clinic for at least 2 hours after each dose and until sedation, dissociation and breathing effects have resolved; blood pressure is checked before dosing, at about 40 minutes and before I leave. The spray is never given to take home.',
    ]),
  },
  {
    templateId: 'oral-sublingual',
    routeGroup: 'oral_sublingual',
    title: 'Oral or sublingual ketamine (take-home)',
    body: compose('Consent to oral or sublingual ketamine, including doses taken at home.', [
      'OFF-LABEL USE. Oral and sublingual ketamine for pain are off-label uses.',
      'TAKE-HOME DOSES. I will store the medication locked and away from others, take only the prescribed dose, and return unused doses. After each dose the no-driving and escort rules below apply.',
    ]),
  },
  {
    templateId: 'im-sc',
    routeGroup: 'im_sc',
    title: 'Intramuscular or subcutaneous ketamine',
    body: compose('Consent to ketamine given by intramuscular (IM) or subcutaneous (SC) injection or infusion.', [
      'OFF-LABEL USE. IM and SC ketamine for pain are off-label uses.',
      "MONITORING. I will be observed after each dose until I meet the clinic's discharge criteria.",
    ]),
  },
];
