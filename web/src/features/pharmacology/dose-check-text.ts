import type { DoseViolation } from './pharmacology.api.ts';

/** Words for the dose check's dotted limit names (docs/pharmacology.md, "Drug library and dose checks"). */

const KIND_WORDS: Record<string, string> = {
  bolus: 'Bolus dose',
  rate: 'Rate',
  duration: 'Duration',
  cumulativeSession: 'Session total',
  cumulative24h: '24 h total',
  concentration: 'Concentration',
  weight: 'Weight',
  volume: 'Volume',
};

const BOUND_WORDS: Record<string, string> = {
  hardMin: 'below the hard minimum',
  softMin: 'below the soft minimum',
  softMax: 'above the soft maximum',
  hardMax: 'above the hard maximum',
};

const STRUCTURAL: Record<string, string> = {
  'product.unknown': 'The product is not in the clinic library',
  'profile.unknown': 'The profile is not in the clinic library',
  'product.notInProfile': 'This product is not allowed in this profile',
  'proposal.missing': 'No dose or rate given',
  'bolus.notAllowed': 'A bolus is not allowed for this entry',
  'rate.notAllowed': 'A continuous rate is not allowed for this entry',
  'bolus.unit': 'The dose unit cannot be used here',
  'rate.unit': 'The rate cannot be converted (a rate in mL/h needs the concentration)',
  'bolus.step': 'The dose is not a whole number of devices',
  'concentration.unit': 'The concentration unit does not fit this route',
  'concentration.aboveStock': 'The concentration is above the stock vial: wrong vial or a slip?',
  'volume.unmeasurable': 'The volume is too small to measure with the syringe',
};

const round = (value: number) => Number(value.toPrecision(4));

/** "Rate 3.5 mg/kg/h above the hard maximum 1.5 mg/kg/h". */
export function describeViolation(violation: DoseViolation): string {
  const structural = STRUCTURAL[violation.limit];
  if (structural) {
    const detail =
      violation.unit && violation.limitValue ? ` (${round(violation.value)} ${violation.unit}; limit ${round(violation.limitValue)})` : '';
    return `${structural}${detail}`;
  }
  const [kind = '', bound = ''] = violation.limit.split('.');
  const what = KIND_WORDS[kind] ?? kind;
  const where = BOUND_WORDS[bound] ?? bound;
  return `${what} ${round(violation.value)} ${violation.unit} ${where} ${round(violation.limitValue)} ${violation.unit}`;
}

export const VERDICT_TEXT = {
  ok: { color: 'green', label: 'OK', detail: 'within the clinic library limits' },
  soft: { color: 'yellow', label: 'Soft limit', detail: "needs a physician's override reason" },
  hard: { color: 'red', label: 'Refused', detail: 'hard limit: this cannot be given' },
} as const;
