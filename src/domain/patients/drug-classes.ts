/**
 * Drug-class table read by the interaction rules (DOMAIN.md 11) and the opioid MME calculation (DOMAIN.md 9).
 * One typed array a clinic can extend: add a row, cite its source. RxCUIs appear only where DOMAIN.md 15 gives
 * the ingredient RxCUI; every other row is matched by name. Rows sourced from general pharmacology are marked
 * for clinic review.
 */

export const DRUG_CLASSES = [
  'opioid',
  'benzodiazepine',
  'sedative_hypnotic',
  'maoi',
  'stimulant',
  'lamotrigine',
  'cyp3a4_inhibitor',
  'cyp3a4_inducer',
  'cyp2b6_inhibitor',
  'cyp2b6_inducer',
] as const;
export type DrugClass = (typeof DRUG_CLASSES)[number];

export interface DrugClassRow {
  /** Lower-case generic ingredient name (USAN where it differs from the INN). */
  readonly ingredient: string;
  /** Other names for the same ingredient (INN, older names); lower-case. */
  readonly synonyms?: readonly string[];
  /** RxNorm ingredient (IN) RxCUI, only where DOMAIN.md 15 lists it. */
  readonly rxcui?: string;
  readonly classes: readonly DrugClass[];
  readonly source: string;
  readonly note?: string;
}

const OPIOID_SOURCE = 'DOMAIN.md 9 (CDC 2022 MME table) and 15 (RxCUI)';
const GENERAL = 'general pharmacology; clinic to review';

const DRUG_CLASS_TABLE: readonly DrugClassRow[] = [
  // Opioids: additive sedation and respiratory depression (DOMAIN.md 11 [V]); the ten rows of the CDC 2022 table.
  { ingredient: 'codeine', rxcui: '2670', classes: ['opioid'], source: OPIOID_SOURCE },
  {
    ingredient: 'fentanyl',
    rxcui: '4337',
    classes: ['opioid'],
    source: OPIOID_SOURCE,
    note: 'CDC 2022 factor applies to transdermal mcg/h only.',
  },
  { ingredient: 'hydrocodone', rxcui: '5489', classes: ['opioid'], source: OPIOID_SOURCE },
  { ingredient: 'hydromorphone', rxcui: '3423', classes: ['opioid'], source: OPIOID_SOURCE },
  { ingredient: 'methadone', rxcui: '6813', classes: ['opioid'], source: OPIOID_SOURCE },
  { ingredient: 'morphine', rxcui: '7052', classes: ['opioid'], source: OPIOID_SOURCE },
  { ingredient: 'oxycodone', rxcui: '7804', classes: ['opioid'], source: OPIOID_SOURCE },
  { ingredient: 'oxymorphone', rxcui: '7814', classes: ['opioid'], source: OPIOID_SOURCE },
  { ingredient: 'tapentadol', rxcui: '787390', classes: ['opioid'], source: OPIOID_SOURCE },
  { ingredient: 'tramadol', rxcui: '10689', classes: ['opioid'], source: OPIOID_SOURCE },
  {
    ingredient: 'buprenorphine',
    classes: ['opioid'],
    source: 'DOMAIN.md 9 and 15',
    note: 'CDC 2022 assigns no MME factor to buprenorphine: count it as an opioid for interactions, not for MME.',
  },
  // Benzodiazepines: sedation; may blunt the response (DOMAIN.md 11). Membership from general pharmacology.
  { ingredient: 'alprazolam', classes: ['benzodiazepine'], source: GENERAL },
  { ingredient: 'clonazepam', classes: ['benzodiazepine'], source: GENERAL },
  { ingredient: 'diazepam', classes: ['benzodiazepine'], source: GENERAL },
  { ingredient: 'lorazepam', classes: ['benzodiazepine'], source: GENERAL },
  { ingredient: 'midazolam', classes: ['benzodiazepine'], source: GENERAL, note: 'Also used as ketamine pre-treatment (DOMAIN.md 11).' },
  { ingredient: 'temazepam', classes: ['benzodiazepine'], source: GENERAL },
  // Non-benzodiazepine sedative hypnotics: a REMS monitoring-form category (DOMAIN.md 15).
  { ingredient: 'zolpidem', classes: ['sedative_hypnotic'], source: GENERAL },
  { ingredient: 'zopiclone', classes: ['sedative_hypnotic'], source: GENERAL },
  { ingredient: 'eszopiclone', classes: ['sedative_hypnotic'], source: GENERAL },
  // MAOIs: monitor BP closely (DOMAIN.md 11, Spravato label section 7). Members from general pharmacology.
  { ingredient: 'phenelzine', classes: ['maoi'], source: GENERAL },
  { ingredient: 'tranylcypromine', classes: ['maoi'], source: GENERAL },
  { ingredient: 'isocarboxazid', classes: ['maoi'], source: GENERAL },
  {
    ingredient: 'selegiline',
    classes: ['maoi'],
    source: GENERAL,
    note: 'MAO-B selective at low oral doses; the clinic decides how to flag it.',
  },
  // Psychostimulants: additive BP rise (DOMAIN.md 11).
  { ingredient: 'amphetamine', classes: ['stimulant'], source: 'DOMAIN.md 11' },
  { ingredient: 'methylphenidate', classes: ['stimulant'], source: 'DOMAIN.md 11' },
  { ingredient: 'modafinil', classes: ['stimulant'], source: 'DOMAIN.md 11' },
  { ingredient: 'armodafinil', classes: ['stimulant'], source: 'DOMAIN.md 11' },
  { ingredient: 'dextroamphetamine', classes: ['stimulant'], source: GENERAL },
  { ingredient: 'lisdexamfetamine', classes: ['stimulant'], source: GENERAL },
  { ingredient: 'dexmethylphenidate', classes: ['stimulant'], source: GENERAL },
  {
    ingredient: 'lamotrigine',
    classes: ['lamotrigine'],
    source: 'DOMAIN.md 11',
    note: 'May attenuate ketamine effects: flag, do not block.',
  },
  // Pharmacokinetic interactions with oral S-ketamine (DOMAIN.md 11 [M], Peltoniemi/Hagelberg/Olkkola group).
  { ingredient: 'clarithromycin', classes: ['cyp3a4_inhibitor'], source: 'DOMAIN.md 11', note: 'Oral S-ketamine AUC about 2.6x [M].' },
  { ingredient: 'itraconazole', classes: ['cyp3a4_inhibitor'], source: 'DOMAIN.md 11', note: 'Minor effect on oral S-ketamine [M].' },
  { ingredient: 'ticlopidine', classes: ['cyp2b6_inhibitor'], source: 'DOMAIN.md 11', note: 'Oral S-ketamine AUC about 2.4x [M].' },
  {
    ingredient: 'rifampin',
    synonyms: ['rifampicin'],
    classes: ['cyp3a4_inducer', 'cyp2b6_inducer'],
    source: 'DOMAIN.md 11 (inducer); CYP3A4 and CYP2B6 split from general pharmacology; clinic to review',
    note: 'Oral S-ketamine AUC down about 86% [M].',
  },
];

/** The whole table, in display order. Callers must not mutate it.
 * Source: DOMAIN.md 9, 11 and 15; rows marked 'general pharmacology; clinic to review' are not from DOMAIN.md. */
export function listDrugClassTable(): readonly DrugClassRow[] {
  return DRUG_CLASS_TABLE;
}

/** Classes of one medication: the row with the same RxCUI wins; otherwise any row whose ingredient or synonym is a
 * run of whole words of the name ("oxycodone hydrochloride", "acetaminophen / hydrocodone"). Source: DOMAIN.md 9, 11, 15. */
export function classifyMedication(
  medication: { ingredient: string; rxcui?: string | undefined },
  table: readonly DrugClassRow[] = DRUG_CLASS_TABLE,
): DrugClass[] {
  const rxcui = medication.rxcui?.trim();
  const byRxcui = rxcui ? table.filter((row) => row.rxcui === rxcui) : [];
  const words = tokeniseName(medication.ingredient);
  const rows = byRxcui.length > 0 ? byRxcui : table.filter((row) => nameMatchesRow(words, row));
  const found = new Set(rows.flatMap((row) => row.classes));
  return DRUG_CLASSES.filter((drugClass) => found.has(drugClass));
}

/** Table names are few and fixed: tokenised once (every chart read classifies every medication). */
const tableNameWords = new Map<string, string[]>();
function tokeniseTableName(name: string): string[] {
  const cached = tableNameWords.get(name);
  if (cached) return cached;
  const words = tokeniseName(name);
  tableNameWords.set(name, words);
  return words;
}

/** Lower-case words of a drug name; salts, strengths and forms become extra words that simply never match. */
function tokeniseName(name: string): string[] {
  return name
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((word) => word !== '');
}

/** True when the row's ingredient or a synonym occurs as consecutive whole words (multi-word names allowed). */
function nameMatchesRow(words: readonly string[], row: DrugClassRow): boolean {
  return [row.ingredient, ...(row.synonyms ?? [])].some((name) => {
    const nameWords = tokeniseTableName(name);
    if (nameWords.length === 0) return false;
    for (let start = 0; start + nameWords.length <= words.length; start++) {
      if (nameWords.every((word, offset) => words[start + offset] === word)) return true;
    }
    return false;
  });
}
