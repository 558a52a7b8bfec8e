import { describe, expect, it } from 'vitest';
import { findIcd10, ICD10_GROUPS, listIcd10PickList, searchIcd10PickList } from './icd10-picklist.ts';
import { conditionSchema } from './patient-record.ts';

const codesOf = (entries: readonly { code: string }[]) => entries.map((entry) => entry.code);

describe('ICD-10-CM pick list contents', () => {
  it('lists each code once', () => {
    const codes = codesOf(listIcd10PickList());
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('offers only codes the patient record accepts', () => {
    for (const entry of listIcd10PickList()) {
      const parsed = conditionSchema.safeParse({
        id: 'c1',
        coding: { kind: 'icd10cm', code: entry.code, display: entry.display },
        status: 'active',
      });
      expect(parsed.success, entry.code).toBe(true);
    }
  });

  it('has at least one code in every group', () => {
    const groups = new Set(listIcd10PickList().map((entry) => entry.group));
    expect([...groups].sort()).toEqual([...ICD10_GROUPS].sort());
  });

  it('does not offer the non-billable CRPS headers (DOMAIN.md 12)', () => {
    for (const header of ['G90.5', 'G90.51', 'G90.52']) expect(findIcd10(header)).toBeUndefined();
  });

  // DOMAIN.md 15 verified list, plus CRPS I/II codes tagged [V] in DOMAIN.md 12.
  it.each([
    'M79.7',
    'E11.40',
    'E11.42',
    'B02.22',
    'B02.23',
    'B02.29',
    'G54.6',
    'G54.7',
    'G43.709',
    'G89.21',
    'G89.22',
    'G89.28',
    'G89.29',
    'G89.3',
    'G89.4',
    'D57.00',
    'D57.01',
    'D57.02',
    'D57.03',
    'D57.04',
    'D57.09',
    'D57.1',
    'G90.50',
    'G90.511',
    'G90.523',
    'G90.59',
    'G56.40',
    'G56.41',
  ])('marks %s verified', (code) => {
    expect(findIcd10(code)?.verified).toBe(true);
  });

  // [M] in DOMAIN.md 12 and absent from the DOMAIN.md 15 verified list.
  it.each(['E10.40', 'E10.42', 'G43.719', 'G43.909', 'G56.42', 'G56.43', 'G57.73'])('marks %s unverified', (code) => {
    expect(findIcd10(code)?.verified).toBe(false);
  });

  it('keeps every depression code unverified, since DOMAIN.md lists no F32/F33 code', () => {
    const depression = listIcd10PickList().filter((entry) => entry.group === 'depression');
    expect(depression.length).toBeGreaterThan(0);
    expect(depression.every((entry) => !entry.verified && /^F3[23]\./.test(entry.code))).toBe(true);
  });

  it('contains no pattern-derived sickle-cell genotype codes (DOMAIN.md 15)', () => {
    expect(codesOf(listIcd10PickList()).filter((code) => /^D57\.[2-8]/.test(code))).toEqual([]);
  });
});

describe('findIcd10', () => {
  it('finds a code regardless of case and surrounding spaces', () => {
    expect(findIcd10(' g89.3 ')?.display).toBe('Neoplasm related pain (acute) (chronic)');
  });

  it('returns undefined for a code not on the list', () => {
    expect(findIcd10('G89.1')).toBeUndefined();
    expect(findIcd10('')).toBeUndefined();
  });
});

describe('searchIcd10PickList', () => {
  it('matches a code prefix, with or without the dot', () => {
    expect(codesOf(searchIcd10PickList('g90.52'))).toEqual(['G90.521', 'G90.522', 'G90.523', 'G90.529']);
    expect(codesOf(searchIcd10PickList('E1142'))).toEqual(['E11.42']);
  });

  it('matches words in any order, case-insensitive, as word prefixes', () => {
    expect(codesOf(searchIcd10PickList('LEFT lower complex'))).toEqual(['G90.522']);
    expect(codesOf(searchIcd10PickList('phantom'))).toEqual(['G54.6', 'G54.7']);
  });

  it('matches group names and abbreviations clinicians type', () => {
    expect(codesOf(searchIcd10PickList('fibro'))).toEqual(['M79.7']);
    expect(codesOf(searchIcd10PickList('crps')).length).toBe(18);
    expect(codesOf(searchIcd10PickList('trd'))).toEqual(['F33.2']);
    expect(codesOf(searchIcd10PickList('cancer'))).toEqual(['G89.3']);
  });

  it('requires every word to match', () => {
    expect(searchIcd10PickList('phantom migraine')).toEqual([]);
    expect(searchIcd10PickList('zzz')).toEqual([]);
  });

  it('returns the whole list for an empty query', () => {
    expect(searchIcd10PickList('   ').length).toBe(listIcd10PickList().length);
  });

  it('puts code-prefix matches before word matches', () => {
    // 'd' prefixes the D57 codes and also words such as "diabetes" (E11.40), which comes earlier in the list.
    const results = codesOf(searchIcd10PickList('d'));
    expect(results.slice(0, 7)).toEqual(['D57.00', 'D57.01', 'D57.02', 'D57.03', 'D57.04', 'D57.09', 'D57.1']);
    expect(results).toContain('E11.40');
  });
});
