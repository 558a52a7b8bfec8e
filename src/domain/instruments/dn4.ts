import type { InstrumentDefinition, InstrumentItem } from './instrument-definition.ts';

/**
 * DN4 (Bouhassira 2005): 10 yes/no items, 7 interview + 3 examination; >= 4/10 suggests neuropathic pain
 * (DOMAIN.md 15, verified). The interview-only cut-off (>= 3/7) is unverified, so it is a parameter.
 */

/** Unverified (DOMAIN.md 15): the 7-item interview-only cut-off; a clinic may change it. */
export const DN4_INTERVIEW_CUT_OFF_DEFAULT = 3;
/** Verified (DOMAIN.md 15): the full 10-item cut-off. */
export const DN4_CUT_OFF = 4;

// Item labels are short paraphrases of the published questionnaire (general knowledge, not quoted in DOMAIN.md).
export const DN4_INTERVIEW_ITEMS: readonly InstrumentItem[] = [
  { id: 'dn4_burning', label: 'Burning' },
  { id: 'dn4_painful_cold', label: 'Painful cold' },
  { id: 'dn4_electric_shocks', label: 'Electric shocks' },
  { id: 'dn4_tingling', label: 'Tingling' },
  { id: 'dn4_pins_and_needles', label: 'Pins and needles' },
  { id: 'dn4_numbness', label: 'Numbness' },
  { id: 'dn4_itching', label: 'Itching' },
];

export const DN4_EXAMINATION_ITEMS: readonly InstrumentItem[] = [
  { id: 'dn4_hypoesthesia_touch', label: 'Reduced feeling to touch in the painful area (examination)' },
  { id: 'dn4_hypoesthesia_prick', label: 'Reduced feeling to pinprick in the painful area (examination)' },
  { id: 'dn4_brushing', label: 'Pain caused or increased by brushing (examination)' },
];

const YES_NO = [
  { value: 0, label: 'No' },
  { value: 1, label: 'Yes' },
] as const;

export const DN4_DEFINITION: InstrumentDefinition = {
  id: 'dn4',
  name: 'DN4',
  version: 'bouhassira-2005',
  source: 'Bouhassira 2005; DOMAIN.md 15 (10 items, >= 4/10 suggests neuropathic pain)',
  items: [...DN4_INTERVIEW_ITEMS, ...DN4_EXAMINATION_ITEMS],
  options: YES_NO,
  bands: [
    { min: 0, max: DN4_CUT_OFF - 1, label: 'below_cut_off', verified: true },
    { min: DN4_CUT_OFF, max: 10, label: 'suggests_neuropathic_pain', verified: true },
  ],
};

/** The 7 interview items alone (the public self-check has no examination), with a configurable cut-off.
 * Source: DOMAIN.md 15: the >= 3/7 interview cut-off is unverified, so its bands carry verified: false. */
export function dn4InterviewDefinition(cutOff: number = DN4_INTERVIEW_CUT_OFF_DEFAULT): InstrumentDefinition {
  if (!Number.isInteger(cutOff) || cutOff < 1 || cutOff > 7) throw new RangeError('DN4 interview cut-off must be an integer 1-7');
  return {
    id: 'dn4_interview',
    name: 'DN4 (interview items)',
    version: 'bouhassira-2005-interview',
    source: 'Bouhassira 2005; DOMAIN.md 15 (interview-only cut-off unverified, configurable)',
    items: DN4_INTERVIEW_ITEMS,
    options: YES_NO,
    bands: [
      { min: 0, max: cutOff - 1, label: 'below_cut_off', verified: false },
      { min: cutOff, max: 7, label: 'suggests_neuropathic_pain', verified: false },
    ],
  };
}
