import { describe, expect, it } from 'vitest';
import { DEFAULT_DRUG_LIBRARY } from '../../../../src/domain/pharmacology/default-drug-library.ts';
import { receivableProducts } from './receipt-products.ts';

describe('receivableProducts', () => {
  it('offers vials, nasal devices and compounded oral preparations, not creams', () => {
    const products = receivableProducts(DEFAULT_DRUG_LIBRARY);
    expect(products.map((p) => p.form).sort()).toEqual(['compounded-oral', 'nasal-device', 'vial', 'vial', 'vial']);
    expect(products.some((p) => p.id === 'ketamine-compounded-topical')).toBe(false);
  });

  it('derives the 0.2 mL volume of a 28 mg esketamine device and leaves vial volumes to the user', () => {
    const products = receivableProducts(DEFAULT_DRUG_LIBRARY);
    expect(products.find((p) => p.id === 'esketamine-28-mg-device')?.defaultVolumeMl).toBe(0.2);
    expect(products.find((p) => p.id === 'ketamine-10-mg-ml')?.defaultVolumeMl).toBeUndefined();
    expect(products.find((p) => p.id === 'ketamine-compounded-oral')?.concentrationMgPerMl).toBeUndefined();
  });
});
