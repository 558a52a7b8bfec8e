import { describe, expect, it } from 'vitest';
import { DEFAULT_DRUG_LIBRARY } from '../../../../src/domain/pharmacology/default-drug-library.ts';
import { diffLibraries } from './library-diff.ts';
import type { DrugLibrary } from './pharmacology.api.ts';

const copy = (): DrugLibrary => structuredClone(DEFAULT_DRUG_LIBRARY) as DrugLibrary;

describe('diffLibraries', () => {
  it('finds no change between a library and its copy', () => {
    expect(diffLibraries(DEFAULT_DRUG_LIBRARY, copy())).toEqual([]);
  });

  it('ignores the order of keys (a stored library comes back with sorted keys)', () => {
    const reordered = JSON.parse(
      JSON.stringify(copy(), (_key, value) =>
        value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).reverse()) : value,
      ),
    ) as DrugLibrary;
    expect(diffLibraries(DEFAULT_DRUG_LIBRARY, reordered)).toEqual([]);
  });

  it('names a changed hard maximum with its entry and the old and new value', () => {
    const draft = copy();
    const limit = draft.profiles[0]!.entries[0]!.limits.find((l) => l.kind === 'rate' && l.hardMax !== undefined)!;
    const before = limit.hardMax;
    limit.hardMax = 1.2;
    const changes = diffLibraries(DEFAULT_DRUG_LIBRARY, draft);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.where).toBe(`${draft.profiles[0]!.id} / ${draft.profiles[0]!.entries[0]!.id}`);
    expect(changes[0]!.what).toMatch(/^rate mg\/kg\/h( #2)? hardMax$/);
    expect(changes[0]!.change).toBe(`${before} → 1.2`);
  });

  it('reports a removed product and an added limit', () => {
    const draft = copy();
    draft.products = draft.products.slice(1);
    draft.profiles[0]!.entries[0]!.limits.push({ kind: 'duration', unit: 'min', hardMax: 300, source: 'clinic policy', verified: false });
    const changes = diffLibraries(DEFAULT_DRUG_LIBRARY, draft).map((c) => `${c.what}: ${c.change}`);
    expect(changes).toContain(`product ${DEFAULT_DRUG_LIBRARY.products[0]!.id}: removed`);
    expect(changes.some((c) => c.startsWith('duration min #2 limit: added'))).toBe(true);
  });
});
