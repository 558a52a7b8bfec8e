import { describe, expect, it } from 'vitest';
import { DEFAULT_DRUG_LIBRARY } from './default-drug-library.ts';
import { drugLibrarySchema, findLibraryEntry } from './drug-library.ts';

const clone = () => structuredClone(DEFAULT_DRUG_LIBRARY);
const issuesOf = (library: unknown) => {
  const parsed = drugLibrarySchema.safeParse(library);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('default drug library', () => {
  it('validates against drugLibrarySchema and survives a JSON round trip (stored per clinic)', () => {
    expect(issuesOf(DEFAULT_DRUG_LIBRARY)).toEqual([]);
    expect(drugLibrarySchema.parse(JSON.parse(JSON.stringify(DEFAULT_DRUG_LIBRARY)))).toEqual(DEFAULT_DRUG_LIBRARY);
  });

  it('ships the products and profiles of issue 3 with NDCs only where DOMAIN.md gives them', () => {
    const byId = Object.fromEntries(DEFAULT_DRUG_LIBRARY.products.map((p) => [p.id, p]));
    expect(byId['ketamine-10-mg-ml']).toMatchObject({ concentrationMgPerMl: 10 });
    expect(byId['ketamine-10-mg-ml']?.ndc).toBeUndefined();
    expect(byId['ketamine-50-mg-ml']).toMatchObject({ concentrationMgPerMl: 50 });
    expect(byId['ketamine-50-mg-ml']?.ndc).toBeUndefined();
    expect(byId['ketamine-100-mg-ml']).toMatchObject({ concentrationMgPerMl: 100, ndc: '71872-7296' });
    expect(byId['esketamine-28-mg-device']).toMatchObject({ strengthMg: 28, ndc: '50458-028' }); // DOMAIN.md 3
    expect(DEFAULT_DRUG_LIBRARY.profiles.map((p) => p.id)).toEqual([
      'pain-clinic-iv',
      'esketamine-suite',
      'home-oral',
      'sublingual',
      'topical',
    ]);
    expect(DEFAULT_DRUG_LIBRARY.disclaimer).toMatch(/starting point for clinic policy/);
  });

  it('cites a source for every limit', () => {
    for (const profile of DEFAULT_DRUG_LIBRARY.profiles) {
      for (const limit of profile.entries.flatMap((e) => e.limits)) expect(limit.source).toMatch(/DOMAIN\.md \d+/);
    }
  });

  it('finds the entry covering a product in a profile, and none outside it', () => {
    expect(findLibraryEntry(DEFAULT_DRUG_LIBRARY, 'ketamine-10-mg-ml', 'pain-clinic-iv').entry?.id).toBe('ketamine-iv-pain');
    expect(findLibraryEntry(DEFAULT_DRUG_LIBRARY, 'ketamine-100-mg-ml', 'pain-clinic-iv').entry).toBeUndefined();
  });
});

describe('drugLibrarySchema refuses malformed libraries', () => {
  it.each([
    [
      'a limit with bounds out of order',
      (l: ReturnType<typeof clone>) => Object.assign(l.profiles[0]!.entries[0]!.limits[0]!, { softMax: 5, hardMax: 1 }),
      /hardMin <= softMin/,
    ],
    [
      'a rate limit in mg',
      (l: ReturnType<typeof clone>) => Object.assign(l.profiles[0]!.entries[0]!.limits.find((x) => x.kind === 'rate')!, { unit: 'mg' }),
      /rate limit takes/,
    ],
    [
      'a limit without bounds',
      (l: ReturnType<typeof clone>) =>
        l.profiles[0]!.entries[0]!.limits.push({ kind: 'duration', unit: 'min', source: 'x', verified: false }),
      /at least one bound/,
    ],
    [
      'an entry naming an unknown product',
      (l: ReturnType<typeof clone>) => l.profiles[0]!.entries[0]!.productIds.push('ketamine-1000'),
      /unknown product/,
    ],
    ['duplicate product ids', (l: ReturnType<typeof clone>) => l.products.push({ ...l.products[0]! }), /unique/],
    ['a malformed NDC', (l: ReturnType<typeof clone>) => Object.assign(l.products[0]!, { ndc: '12' }), /ndc/],
    ['a missing version', (l: ReturnType<typeof clone>) => Object.assign(l, { version: '' }), /version/],
  ])('refuses %s', (_name, mutate, pattern) => {
    const library = clone();
    mutate(library);
    expect(issuesOf(library).join('\n')).toMatch(pattern);
  });
});
