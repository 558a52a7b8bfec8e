/**
 * The ICD-10-CM pick list the UI offers for conditions. Every code is listed by hand from DOMAIN.md section 12
 * (verification status from section 15, which supersedes section 12); none is derived by pattern, because
 * ICD-10-CM sub-code suffixes are not uniform (DOMAIN.md 15: "list codes, never derive them by pattern").
 * `verified: false` means [M]: check against the current CDC/CMS ICD-10-CM tables before a clinic relies on it.
 */

export const ICD10_GROUPS = [
  'crps',
  'fibromyalgia',
  'diabetic_neuropathy',
  'postherpetic_neuralgia',
  'phantom_limb',
  'migraine',
  'chronic_pain',
  'cancer_pain',
  'sickle_cell',
  'depression',
] as const;
export type Icd10Group = (typeof ICD10_GROUPS)[number];

export interface Icd10PickListEntry {
  readonly code: string;
  readonly display: string;
  readonly group: Icd10Group;
  /** True only where DOMAIN.md marks the code [V] (section 12 or the section 15 verification list). */
  readonly verified: boolean;
  readonly source: string;
  /** Extra words a clinician types for this code (abbreviations, older names). */
  readonly searchTerms?: readonly string[];
}

const VERIFIED_15 = 'DOMAIN.md 12, verified in DOMAIN.md 15';
const UNVERIFIED_12 = 'DOMAIN.md 12 [M], not in the DOMAIN.md 15 verified list';
// DOMAIN.md 12 only says "F32.x / F33.x" for depression. These codes come from general ICD-10-CM knowledge,
// not from a source DOMAIN.md cites: they stay unverified until checked against the CMS tables.
const DEPRESSION_M = 'general ICD-10-CM knowledge (DOMAIN.md 12 says only F32.x/F33.x); must be checked';

/** One block of codes sharing group, verification status, source and search terms. */
function defineCodes(
  group: Icd10Group,
  verified: boolean,
  source: string,
  searchTerms: readonly string[],
  rows: readonly (readonly [code: string, display: string])[],
): Icd10PickListEntry[] {
  return rows.map(([code, display]) => ({ code, display, group, verified, source, searchTerms }));
}

const PICK_LIST: readonly Icd10PickListEntry[] = [
  // CRPS type I (G90.5, G90.51 and G90.52 are non-billable headers, so not offered). G90.50 includes RSD.
  ...defineCodes(
    'crps',
    true,
    'DOMAIN.md 12 [V] (CRPS I)',
    ['crps', 'rsd', 'reflex sympathetic dystrophy'],
    [['G90.50', 'Complex regional pain syndrome I, unspecified']],
  ),
  ...defineCodes(
    'crps',
    true,
    'DOMAIN.md 12 [V] (CRPS I)',
    ['crps'],
    [
      ['G90.511', 'Complex regional pain syndrome I of right upper limb'],
      ['G90.512', 'Complex regional pain syndrome I of left upper limb'],
      ['G90.513', 'Complex regional pain syndrome I of upper limb, bilateral'],
      ['G90.519', 'Complex regional pain syndrome I of unspecified upper limb'],
      ['G90.521', 'Complex regional pain syndrome I of right lower limb'],
      ['G90.522', 'Complex regional pain syndrome I of left lower limb'],
      ['G90.523', 'Complex regional pain syndrome I of lower limb, bilateral'],
      ['G90.529', 'Complex regional pain syndrome I of unspecified lower limb'],
      ['G90.59', 'Complex regional pain syndrome I of other specified site'],
    ],
  ),
  // CRPS type II (causalgia). DOMAIN.md 12 tags G56.42/G56.43 [M]; the [M] on the lower-limb line is read
  // conservatively as covering G57.72 and G57.73 as well.
  ...defineCodes(
    'crps',
    true,
    'DOMAIN.md 12 [V] (CRPS II)',
    ['crps', 'causalgia'],
    [
      ['G56.40', 'Causalgia of unspecified upper limb'],
      ['G56.41', 'Causalgia of right upper limb'],
      ['G57.70', 'Causalgia of unspecified lower limb'],
      ['G57.71', 'Causalgia of right lower limb'],
    ],
  ),
  ...defineCodes(
    'crps',
    false,
    'DOMAIN.md 12 [M] (CRPS II)',
    ['crps', 'causalgia'],
    [
      ['G56.42', 'Causalgia of left upper limb'],
      ['G56.43', 'Causalgia of bilateral upper limbs'],
      ['G57.72', 'Causalgia of left lower limb'],
      ['G57.73', 'Causalgia of bilateral lower limbs'],
    ],
  ),
  ...defineCodes('fibromyalgia', true, VERIFIED_15, [], [['M79.7', 'Fibromyalgia']]),
  ...defineCodes(
    'diabetic_neuropathy',
    true,
    VERIFIED_15,
    ['dpn'],
    [
      ['E11.40', 'Type 2 diabetes mellitus with diabetic neuropathy, unspecified'],
      ['E11.42', 'Type 2 diabetes mellitus with diabetic polyneuropathy'],
    ],
  ),
  ...defineCodes(
    'diabetic_neuropathy',
    false,
    UNVERIFIED_12,
    ['dpn'],
    [
      ['E10.40', 'Type 1 diabetes mellitus with diabetic neuropathy, unspecified'],
      ['E10.42', 'Type 1 diabetes mellitus with diabetic polyneuropathy'],
    ],
  ),
  // B02.29 is the code for plain postherpetic neuralgia (DOMAIN.md 15).
  ...defineCodes(
    'postherpetic_neuralgia',
    true,
    VERIFIED_15,
    ['phn', 'shingles', 'herpes zoster'],
    [
      ['B02.29', 'Other postherpetic nervous system involvement'],
      ['B02.22', 'Postherpetic trigeminal neuralgia'],
      ['B02.23', 'Postherpetic polyneuropathy'],
    ],
  ),
  ...defineCodes(
    'phantom_limb',
    true,
    VERIFIED_15,
    ['amputation'],
    [
      ['G54.6', 'Phantom limb syndrome with pain'],
      ['G54.7', 'Phantom limb syndrome without pain'],
    ],
  ),
  ...defineCodes(
    'migraine',
    true,
    VERIFIED_15,
    ['headache'],
    [['G43.709', 'Chronic migraine without aura, not intractable, without status migrainosus']],
  ),
  ...defineCodes(
    'migraine',
    false,
    UNVERIFIED_12,
    ['headache'],
    [
      ['G43.719', 'Chronic migraine without aura, intractable, without status migrainosus'],
      ['G43.909', 'Migraine, unspecified, not intractable, without status migrainosus'],
    ],
  ),
  ...defineCodes(
    'chronic_pain',
    true,
    VERIFIED_15,
    [],
    [
      ['G89.21', 'Chronic pain due to trauma'],
      ['G89.22', 'Chronic post-thoracotomy pain'],
      ['G89.28', 'Other chronic postprocedural pain'],
      ['G89.29', 'Other chronic pain'],
      ['G89.4', 'Chronic pain syndrome'],
    ],
  ),
  // G89.3 has an Excludes1 note with G89.2- (DOMAIN.md 15): a record should not carry both.
  ...defineCodes('cancer_pain', true, VERIFIED_15, ['cancer', 'tumor', 'tumour'], [['G89.3', 'Neoplasm related pain (acute) (chronic)']]),
  // Other sickle-cell genotypes (D57.21x, D57.41x, D57.81x) are not listed: DOMAIN.md does not give their
  // codes and displays one by one, and they must not be derived by pattern (DOMAIN.md 15).
  ...defineCodes(
    'sickle_cell',
    true,
    VERIFIED_15,
    ['sickle', 'scd'],
    [
      ['D57.00', 'Hb-SS disease with crisis, unspecified'],
      ['D57.01', 'Hb-SS disease with acute chest syndrome'],
      ['D57.02', 'Hb-SS disease with splenic sequestration'],
      ['D57.03', 'Hb-SS disease with cerebral vascular involvement'],
      ['D57.04', 'Hb-SS disease with dactylitis'],
      ['D57.09', 'Hb-SS disease with crisis with other specified complication'],
      ['D57.1', 'Sickle-cell disease without crisis'],
    ],
  ),
  // There is no TRD-specific code (DOMAIN.md 12); 'trd' points at the recurrent severe code clinics often use.
  ...defineCodes(
    'depression',
    false,
    DEPRESSION_M,
    ['mdd'],
    [
      ['F32.0', 'Major depressive disorder, single episode, mild'],
      ['F32.1', 'Major depressive disorder, single episode, moderate'],
      ['F32.2', 'Major depressive disorder, single episode, severe without psychotic features'],
      ['F32.9', 'Major depressive disorder, single episode, unspecified'],
      ['F33.0', 'Major depressive disorder, recurrent, mild'],
      ['F33.1', 'Major depressive disorder, recurrent, moderate'],
      ['F33.9', 'Major depressive disorder, recurrent, unspecified'],
    ],
  ),
  ...defineCodes(
    'depression',
    false,
    DEPRESSION_M,
    ['mdd', 'trd', 'treatment resistant depression'],
    [['F33.2', 'Major depressive disorder, recurrent severe without psychotic features']],
  ),
];

/** The whole pick list, in display order (grouped by condition).
 * Source: DOMAIN.md 12 codes, DOMAIN.md 15 verification status. */
export function listIcd10PickList(): readonly Icd10PickListEntry[] {
  return PICK_LIST;
}

/** Looks a code up in the pick list (case-insensitive, surrounding spaces ignored); undefined when not listed.
 * Source: DOMAIN.md 12 and 15; codes outside the list are never synthesised. */
export function findIcd10(code: string): Icd10PickListEntry | undefined {
  const wanted = code.trim().toUpperCase();
  return PICK_LIST.find((entry) => entry.code === wanted);
}

/** Entries whose code starts with the query (dot optional), then entries where every query word prefixes a word
 * of the display, group or search terms; case-insensitive. An empty query returns the whole list. Source: DOMAIN.md 12. */
export function searchIcd10PickList(query: string): Icd10PickListEntry[] {
  const trimmed = query.trim().toLowerCase();
  if (trimmed === '') return [...PICK_LIST];
  const compactQuery = trimmed.replaceAll('.', '');
  const queryWords = splitWords(trimmed);
  const byCode = PICK_LIST.filter((entry) => entry.code.toLowerCase().replaceAll('.', '').startsWith(compactQuery));
  const byWords = PICK_LIST.filter((entry) => !byCode.includes(entry) && matchesAllWords(entry, queryWords));
  return [...byCode, ...byWords];
}

function splitWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

function matchesAllWords(entry: Icd10PickListEntry, queryWords: readonly string[]): boolean {
  if (queryWords.length === 0) return false;
  const entryWords = splitWords([entry.display, entry.group, ...(entry.searchTerms ?? [])].join(' '));
  return queryWords.every((queryWord) => entryWords.some((word) => word.startsWith(queryWord)));
}
