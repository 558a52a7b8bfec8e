import type { DrugLibrary } from '../pharmacology/pharmacology.api.ts';

/** The forms a clinic receives and counts in the ledger (creams are compounded from received stock, not received). */
export const RECEIVABLE_FORMS = ['vial', 'nasal-device', 'compounded-oral'] as const;

export interface ReceivableProduct {
  id: string;
  name: string;
  form: (typeof RECEIVABLE_FORMS)[number];
  concentrationMgPerMl: number | undefined;
  /** Known volume of one container: a nasal device holds 0.2 mL (strengthMg / concentration); vials vary by supplier. */
  defaultVolumeMl: number | undefined;
}

/** Products of the approved drug library a receipt may name (the library owns products; the ledger adds lots). */
export function receivableProducts(library: DrugLibrary): ReceivableProduct[] {
  return library.products.flatMap((product) => {
    if (!(RECEIVABLE_FORMS as readonly string[]).includes(product.form)) return [];
    const defaultVolumeMl =
      product.strengthMg !== undefined && product.concentrationMgPerMl !== undefined
        ? Math.round((product.strengthMg / product.concentrationMgPerMl) * 1000) / 1000
        : undefined;
    return [
      {
        id: product.id,
        name: product.name,
        form: product.form as ReceivableProduct['form'],
        concentrationMgPerMl: product.concentrationMgPerMl,
        defaultVolumeMl,
      },
    ];
  });
}
