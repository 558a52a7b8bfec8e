import { z } from 'zod';

/**
 * The drug library (smart-pump "data set", DOMAIN.md 13): plain, versioned data validated by drugLibrarySchema.
 * It is the single owner of products (the ledger and plans refer to product ids). Profiles per care area hold
 * entries with soft limits (override with a physician's reason) and hard limits (refused). See README.md.
 */

export const LIMIT_KINDS = ['bolus', 'rate', 'duration', 'cumulativeSession', 'cumulative24h', 'concentration'] as const;
export type LimitKind = (typeof LIMIT_KINDS)[number];
export const LIMIT_UNITS = ['mg', 'mg/kg', 'mg/h', 'mg/kg/h', 'min', 'mg/mL', '% w/w'] as const;
export type LimitUnit = (typeof LIMIT_UNITS)[number];

const UNITS_BY_KIND: Record<LimitKind, readonly LimitUnit[]> = {
  bolus: ['mg', 'mg/kg'],
  rate: ['mg/h', 'mg/kg/h'],
  duration: ['min'],
  cumulativeSession: ['mg', 'mg/kg'],
  cumulative24h: ['mg', 'mg/kg'],
  concentration: ['mg/mL', '% w/w'],
};

const bound = z.number().finite().nonnegative().optional();

export const limitSchema = z
  .strictObject({
    kind: z.enum(LIMIT_KINDS),
    unit: z.enum(LIMIT_UNITS),
    hardMin: bound,
    softMin: bound,
    softMax: bound,
    hardMax: bound,
    /** Where the number comes from (DOMAIN.md section and paper). */
    source: z.string().min(1).max(500),
    /** False for [M] values and clinic policy: shown as unverified. */
    verified: z.boolean(),
  })
  .superRefine((limit, ctx) => {
    if (!UNITS_BY_KIND[limit.kind].includes(limit.unit)) {
      ctx.addIssue({ code: 'custom', path: ['unit'], message: `a ${limit.kind} limit takes ${UNITS_BY_KIND[limit.kind].join(' or ')}` });
    }
    const ordered = [limit.hardMin, limit.softMin, limit.softMax, limit.hardMax].filter((v) => v !== undefined);
    if (ordered.some((v, i) => i > 0 && v < ordered[i - 1]!)) {
      ctx.addIssue({ code: 'custom', path: ['softMax'], message: 'bounds must satisfy hardMin <= softMin <= softMax <= hardMax' });
    }
    if (ordered.length === 0) ctx.addIssue({ code: 'custom', path: ['kind'], message: 'a limit needs at least one bound' });
  });
export type DoseLimit = z.infer<typeof limitSchema>;

export const productSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/),
  name: z.string().min(1).max(200),
  drug: z.enum(['ketamine', 'esketamine']),
  form: z.enum(['vial', 'nasal-device', 'compounded-oral', 'compounded-topical']),
  /** Product NDC (labeler-product), only where a source gives it. */
  ndc: z
    .string()
    .regex(/^[0-9]{4,5}-[0-9]{3,4}(-[0-9]{1,2})?$/)
    .optional(),
  rxcui: z
    .string()
    .regex(/^[0-9]{1,10}$/)
    .optional(),
  /** Stock concentration; absent for devices and clinic-compounded products whose strength the clinic sets. */
  concentrationMgPerMl: z.number().positive().optional(),
  /** Mass per device (nasal device). */
  strengthMg: z.number().positive().optional(),
  deaSchedule: z.literal('CIII'),
  source: z.string().min(1).max(500),
});
export type Product = z.infer<typeof productSchema>;

export const entrySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/),
  productIds: z.array(z.string()).min(1),
  route: z.enum(['iv', 'in', 'oral', 'sl', 'sc', 'im', 'topical']),
  /** What may be programmed: a one-off dose, a continuous rate, or both. */
  modes: z.array(z.enum(['bolus', 'rate'])).min(1),
  dosingUnit: z.strictObject({ bolus: z.enum(['mg', 'mg/kg']).optional(), rate: z.enum(['mg/h', 'mg/kg/h']).optional() }),
  /** Concentration assumed for a rate when none is given (a diluted bag); boluses default to the stock vial. */
  standardConcentrationMgPerMl: z.number().positive().optional(),
  /** Doses must be whole multiples of this (e.g. one 28 mg nasal device). */
  doseStepMg: z.number().positive().optional(),
  /** Smallest volume step that can be measured (syringe graduation). */
  volumeStepMl: z.number().positive(),
  /** Pump programming resolution. */
  pumpRateStepMlPerH: z.number().positive(),
  limits: z.array(limitSchema),
  notes: z.array(z.string().max(500)).default([]),
});
export type LibraryEntry = z.infer<typeof entrySchema>;

export const profileSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/),
  name: z.string().min(1).max(200),
  careArea: z.string().min(1).max(200),
  entries: z.array(entrySchema).min(1),
});
export type Profile = z.infer<typeof profileSchema>;

export const drugLibrarySchema = z
  .strictObject({
    id: z.string().min(1).max(64),
    /** Recorded with every check; a new version for every approved edit. */
    version: z.string().min(1).max(64),
    status: z.enum(['draft', 'approved']),
    name: z.string().min(1).max(200),
    disclaimer: z.string().min(1).max(2000),
    weightKgRange: z.strictObject({ min: z.number().positive(), max: z.number().positive() }),
    products: z.array(productSchema).min(1),
    profiles: z.array(profileSchema).min(1),
  })
  .superRefine((library, ctx) => {
    const productIds = new Set(library.products.map((p) => p.id));
    if (productIds.size !== library.products.length)
      ctx.addIssue({ code: 'custom', path: ['products'], message: 'product ids must be unique' });
    const profileIds = new Set(library.profiles.map((p) => p.id));
    if (profileIds.size !== library.profiles.length)
      ctx.addIssue({ code: 'custom', path: ['profiles'], message: 'profile ids must be unique' });
    library.profiles.forEach((profile, p) => {
      profile.entries.forEach((entry, e) => {
        entry.productIds.forEach((id, i) => {
          if (!productIds.has(id)) {
            ctx.addIssue({ code: 'custom', path: ['profiles', p, 'entries', e, 'productIds', i], message: `unknown product "${id}"` });
          }
        });
      });
    });
  });
export type DrugLibrary = z.infer<typeof drugLibrarySchema>;

/** The profile entry that covers a product, with the product and profile; undefined parts when not found.
 *  Lookup rules: DOMAIN.md 13 (a product is given only through an entry of the active care-area profile). */
export function findLibraryEntry(library: DrugLibrary, productId: string, profileId: string) {
  const product = library.products.find((p) => p.id === productId);
  const profile = library.profiles.find((p) => p.id === profileId);
  const entry = profile?.entries.find((e) => e.productIds.includes(productId));
  return { product, profile, entry };
}
