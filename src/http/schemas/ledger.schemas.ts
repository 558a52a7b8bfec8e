import { z } from 'zod';
import { LEDGER_ENTRY_KINDS } from '../../domain/ledger/ledger-entry.ts';

/** Request and response shapes of /api/ledger (issue 5; docs/api.md). Transaction bodies: src/domain/ledger/transaction-input.ts. */

const id = z.string().min(1).max(64);
const isoDate = z.iso.date();

export const registrationParamsSchema = z.strictObject({ registrationId: id });

export const registrationBodySchema = z.strictObject({
  deaNumber: z.string().trim().min(1).max(20),
  registrantName: z.string().trim().min(1).max(200),
  address: z.string().trim().min(1).max(500),
  expiresOn: isoDate,
});
export const renewalBodySchema = z.strictObject({ expiresOn: isoDate });
export const locationBodySchema = z.strictObject({ name: z.string().trim().min(1).max(100) });

export const amountSchema = z.object({ containers: z.number(), ml: z.number(), mg: z.number() });
export const headSchema = z.object({ seq: z.number(), hashHex: z.string() }).nullable();

export const registrationSchema = z.object({
  id: z.string(),
  clinicId: z.string(),
  deaNumber: z.string(),
  registrantName: z.string(),
  address: z.string(),
  expiresOn: z.string(),
  expiryStatus: z.enum(['ok', 'expiring', 'expired']),
  daysToExpiry: z.number(),
  locations: z.array(z.object({ id: z.string(), name: z.string() })),
});
export const registrationListSchema = z.object({ items: z.array(registrationSchema) });
export const locationSchema = z.object({ id: z.string(), name: z.string() });

export const stockSchema = z.object({
  registration: registrationSchema,
  lots: z.array(
    z.object({
      id: z.string(),
      productId: z.string(),
      productName: z.string(),
      drug: z.enum(['ketamine', 'esketamine']),
      form: z.string(),
      lotNumber: z.string(),
      expiresOn: z.string(),
      expired: z.boolean(),
      containerVolumeMl: z.number(),
      concentrationMgPerMl: z.number(),
      ndc: z.string().nullable(),
    }),
  ),
  balances: z.array(
    z.object({
      lotId: z.string(),
      locationId: z.string(),
      containerId: z.string().nullable(),
      openedAt: z.string().nullable(),
      openedByName: z.string().nullable(),
      amount: amountSchema,
    }),
  ),
  head: headSchema,
});

export const entrySchema = z.object({
  id: z.string(),
  seq: z.number(),
  kind: z.enum(LEDGER_ENTRY_KINDS),
  occurredAt: z.string(),
  recordedAt: z.string(),
  recordedBy: z.object({ id: z.string(), name: z.string() }),
  patient: z.object({ id: z.string(), name: z.string(), mrn: z.string() }).nullable(),
  details: z.record(z.string(), z.unknown()),
  reversesEntryId: z.string().nullable(),
  reversedByEntryId: z.string().nullable(),
  lines: z.array(
    z.object({ lineNo: z.number(), lotId: z.string(), locationId: z.string(), containerId: z.string().nullable(), delta: amountSchema }),
  ),
  hashHex: z.string(),
});
export const postedSchema = z.object({ entries: z.array(entrySchema), warnings: z.array(z.string()) });

const kindList = z
  .string()
  .max(500)
  .transform((value, ctx) => {
    const kinds = value.split(',').map((k) => k.trim());
    const unknown = kinds.filter((k) => !(LEDGER_ENTRY_KINDS as readonly string[]).includes(k));
    if (unknown.length > 0) ctx.addIssue({ code: 'custom', message: `unknown kind: ${unknown.join(', ')}` });
    return kinds as (typeof LEDGER_ENTRY_KINDS)[number][];
  });

export const entriesQuerySchema = z.strictObject({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  kind: kindList.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export const entryListSchema = z.object({ items: z.array(entrySchema), total: z.number(), head: headSchema });

export const prescriberListSchema = z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) });
