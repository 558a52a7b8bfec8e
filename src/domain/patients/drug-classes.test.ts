import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyMedication, DRUG_CLASSES, type DrugClassRow, listDrugClassTable } from './drug-classes.ts';

const GENERAL = 'general pharmacology; clinic to review';

describe('drug-class table', () => {
  it('lists each ingredient and synonym once, in lower case', () => {
    const names = listDrugClassTable().flatMap((row) => [row.ingredient, ...(row.synonyms ?? [])]);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toBe(name.toLowerCase().trim());
  });

  it('uses only known classes, at least one per row, each with a source', () => {
    for (const row of listDrugClassTable()) {
      expect(row.classes.length, row.ingredient).toBeGreaterThan(0);
      for (const drugClass of row.classes) expect(DRUG_CLASSES).toContain(drugClass);
      expect(row.source.length, row.ingredient).toBeGreaterThan(0);
    }
  });

  // DOMAIN.md 15: opioid ingredient RxCUIs. These are the only RxCUIs the table may carry.
  it('carries exactly the opioid ingredient RxCUIs DOMAIN.md 15 lists', () => {
    const withRxcui = Object.fromEntries(listDrugClassTable().flatMap((row) => (row.rxcui ? [[row.ingredient, row.rxcui]] : [])));
    expect(withRxcui).toEqual({
      codeine: '2670',
      fentanyl: '4337',
      hydrocodone: '5489',
      hydromorphone: '3423',
      methadone: '6813',
      morphine: '7052',
      oxycodone: '7804',
      oxymorphone: '7814',
      tapentadol: '787390',
      tramadol: '10689',
    });
  });

  it('has every class represented', () => {
    const present = new Set(listDrugClassTable().flatMap((row) => row.classes));
    expect([...present].sort()).toEqual([...DRUG_CLASSES].sort());
  });

  it('marks memberships not named in DOMAIN.md for clinic review', () => {
    for (const ingredient of ['alprazolam', 'lorazepam', 'zolpidem', 'phenelzine', 'lisdexamfetamine', 'dexmethylphenidate']) {
      expect(listDrugClassTable().find((row) => row.ingredient === ingredient)?.source).toBe(GENERAL);
    }
  });

  it('keeps buprenorphine an opioid without an RxCUI and notes the missing MME factor (DOMAIN.md 9)', () => {
    const row = listDrugClassTable().find((r) => r.ingredient === 'buprenorphine');
    expect(row?.classes).toEqual(['opioid']);
    expect(row?.rxcui).toBeUndefined();
    expect(row?.note).toMatch(/no MME factor/);
  });
});

describe('classifyMedication', () => {
  it.each([
    // DOMAIN.md 9/15 opioids, by name with salts and combinations
    ['oxycodone hydrochloride', ['opioid']],
    ['Hydrocodone Bitartrate / Acetaminophen', ['opioid']],
    ['fentanyl', ['opioid']],
    ['buprenorphine', ['opioid']],
    // DOMAIN.md 11 interactions
    ['clarithromycin', ['cyp3a4_inhibitor']],
    ['itraconazole', ['cyp3a4_inhibitor']],
    ['ticlopidine hydrochloride', ['cyp2b6_inhibitor']],
    ['rifampicin', ['cyp3a4_inducer', 'cyp2b6_inducer']],
    ['Rifampin', ['cyp3a4_inducer', 'cyp2b6_inducer']],
    ['lamotrigine', ['lamotrigine']],
    ['modafinil', ['stimulant']],
    ['armodafinil', ['stimulant']],
    ['methylphenidate hydrochloride', ['stimulant']],
    ['amphetamine aspartate / dextroamphetamine sulfate', ['stimulant']],
    // general pharmacology rows
    ['lorazepam', ['benzodiazepine']],
    ['zolpidem tartrate', ['sedative_hypnotic']],
    ['tranylcypromine sulfate', ['maoi']],
  ] as const)('classifies %s', (ingredient, expected) => {
    expect(classifyMedication({ ingredient })).toEqual(expected);
  });

  it.each(['gabapentin', 'duloxetine', 'amitriptyline', 'pregabalin', 'acetaminophen', '', '   '])(
    'finds no class for %j',
    (ingredient) => {
      expect(classifyMedication({ ingredient })).toEqual([]);
    },
  );

  it('matches whole words only, so one ingredient is not mistaken for another it contains', () => {
    // "armodafinil" contains "modafinil"; "levomethadyl" contains no listed name as a word.
    expect(classifyMedication({ ingredient: 'armodafinil' })).toEqual(['stimulant']);
    expect(classifyMedication({ ingredient: 'levomethadyl' })).toEqual([]);
    expect(classifyMedication({ ingredient: 'morphinex' })).toEqual([]);
  });

  it('prefers the RxCUI over the name', () => {
    expect(classifyMedication({ ingredient: 'unknown brand', rxcui: '10689' })).toEqual(['opioid']);
    expect(classifyMedication({ ingredient: 'lorazepam', rxcui: '7804' })).toEqual(['opioid']);
  });

  it('falls back to the name when the RxCUI is not in the table', () => {
    expect(classifyMedication({ ingredient: 'lorazepam', rxcui: '999999' })).toEqual(['benzodiazepine']);
  });

  it('accepts a clinic-extended table, including multi-word ingredient names', () => {
    const extended: DrugClassRow[] = [
      ...listDrugClassTable(),
      { ingredient: 'st john wort', classes: ['cyp3a4_inducer'], source: 'clinic policy' },
    ];
    expect(classifyMedication({ ingredient: "St. John's wort extract" }, extended)).toEqual([]);
    expect(classifyMedication({ ingredient: 'St John wort extract' }, extended)).toEqual(['cyp3a4_inducer']);
    expect(classifyMedication({ ingredient: 'St John wort extract' })).toEqual([]);
  });

  it('returns classes in the canonical order without duplicates (property)', () => {
    const names = listDrugClassTable().map((row) => row.ingredient);
    fc.assert(
      fc.property(fc.subarray(names, { minLength: 1, maxLength: 4 }), (picked) => {
        const classes = classifyMedication({ ingredient: picked.join(' / ') });
        expect(new Set(classes).size).toBe(classes.length);
        const order = classes.map((c) => DRUG_CLASSES.indexOf(c));
        expect(order).toEqual([...order].sort((a, b) => a - b));
        for (const name of picked) {
          for (const drugClass of classifyMedication({ ingredient: name })) expect(classes).toContain(drugClass);
        }
      }),
    );
  });
});
