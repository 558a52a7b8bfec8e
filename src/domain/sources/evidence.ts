/**
 * How far a cited clinical number or rule can be trusted, shown to clinicians as a badge beside the source's name.
 * The tags of docs/clinical-sources.md ("Confidence tags"): [V] verified, [M] unverified, [D] derived; plus
 * clinic policy, where the sources are silent and the clinic chose the value (and says why).
 */
export const EVIDENCE_LEVELS = ['verified', 'unverified', 'derived', 'clinic-policy'] as const;
export type Evidence = (typeof EVIDENCE_LEVELS)[number];

/** A source as a clinician reads it: the real citation ("Cohen et al. 2018, Reg Anesth Pain Med") and its evidence. */
export interface SourceCitation {
  readonly citation: string;
  readonly evidence: Evidence;
}

/** What each badge means, in the words its tooltip shows. */
export const EVIDENCE_DESCRIPTIONS: Record<Evidence, string> = {
  verified: 'Verified: the number or wording was seen in the cited source.',
  unverified: 'Unverified: from a secondary source or memory; check the primary source before relying on it.',
  derived: 'Derived: computed from verified parameters; not a published value.',
  'clinic-policy': 'Clinic policy: the sources are silent here; the clinic chose this value and can change it.',
};
