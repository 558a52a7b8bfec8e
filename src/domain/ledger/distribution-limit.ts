/**
 * The 5 % limit on practitioner-to-practitioner distribution (issue 5, item 3): 21 CFR 1307.11(a)(1)(iv) and (b),
 * not in DOMAIN.md [M]. A practitioner registered to dispense may distribute to another registered practitioner
 * without a distributor registration only while the dosage units so distributed in a calendar year stay at most
 * 5 % of all dosage units it distributes and dispenses that year; when it has reason to believe the year will
 * exceed that, it must register as a distributor. The rule counts all controlled substances; the ledger sees only
 * ketamine and esketamine, so the ratio is a warning for the registrant to judge, not a block.
 */

/** Limit on distributed / (distributed + dispensed) dosage units per calendar year (21 CFR 1307.11(a)(1)(iv) [M]). */
export const DISTRIBUTION_LIMIT_FRACTION = 0.05;

export type DistributionLimitInput = {
  distributedUnitsThisYear: number;
  dispensedAndAdministeredUnitsThisYear: number;
  proposedUnits: number;
};

/** A type alias, not an interface, so it is assignable to JSON entry details (implicit index signature). */
export type DistributionLimitAssessment = {
  ratio: number;
  exceeds: boolean;
  note: string;
};

/** ratio = (distributed + proposed) / (distributed + proposed + dispensed and administered), dosage units of the
 *  calendar year to date; exceeds when above 5 % (21 CFR 1307.11(a)(1)(iv) and (b) [M], not in DOMAIN.md). */
export function assessDistributionLimit(input: DistributionLimitInput): DistributionLimitAssessment {
  const { distributedUnitsThisYear, dispensedAndAdministeredUnitsThisYear, proposedUnits } = input;
  for (const [name, value] of Object.entries(input)) {
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a finite number >= 0, got ${value}`);
  }
  const distributed = distributedUnitsThisYear + proposedUnits;
  const total = distributed + dispensedAndAdministeredUnitsThisYear;
  const ratio = total === 0 ? 0 : distributed / total;
  // distributed / total > 1/20, compared without the rounding of 0.05.
  const exceeds = distributed * 20 > total;
  const percent = `${(ratio * 100).toFixed(1)} %`;
  const rule =
    '21 CFR 1307.11 allows distribution to another practitioner without a distributor registration only while the dosage units distributed in a calendar year stay at most 5 % of all units distributed and dispensed';
  const note = exceeds
    ? `With this distribution, ${percent} of this year's dosage units would be distributed to other practitioners. ${rule}; expecting to exceed it requires a DEA distributor registration. The ledger counts ketamine and esketamine only: include other controlled substances before deciding.`
    : `With this distribution, ${percent} of this year's dosage units would be distributed to other practitioners. ${rule}. The ledger counts ketamine and esketamine only.`;
  return { ratio, exceeds, note };
}
