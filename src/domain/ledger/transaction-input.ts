import { z } from 'zod';

/**
 * What a user submits for each ledger transaction (issue 5, item 3), validated at the edge. Quantities are a positive
 * value with a unit the lot's product must fit (checked later against the lot). Each kind names the fields
 * 21 CFR 1304.22(c) asks for (DOMAIN.md 10): who, when, how much, and to or from whom.
 */
const id = z.string().min(1).max(64);
const text = (max: number) => z.string().trim().min(1).max(max);
const isoDate = z.iso.date();
const occurredAt = z.iso.datetime({ offset: true }).optional();

export const quantitySchema = z.strictObject({
  value: z.number().finite().positive().max(1_000_000),
  unit: z.enum(['container', 'mL', 'mg']),
});
export type QuantityInput = z.infer<typeof quantitySchema>;

export const witnessCredentialSchema = z.strictObject({ email: z.string().trim().min(3).max(254), password: z.string().min(1).max(128) });

/** A party at the other end: supplier, recipient registrant, reverse distributor. */
export const counterpartySchema = z.strictObject({ name: text(200), address: text(500), deaNumber: text(20) });

/** Where stock is drawn from: an opened container, or sealed stock of a lot at a location. */
export const sourceSchema = z.union([z.strictObject({ containerId: id }), z.strictObject({ lotId: id, locationId: id })]);
export type SourceInput = z.infer<typeof sourceSchema>;

const lotFields = {
  locationId: id,
  productId: id,
  lotNumber: text(64),
  expiresOn: isoDate,
  containerVolumeMl: z.number().finite().positive().max(10_000),
  /** Required when the library product has no fixed concentration (compounded preparations). */
  concentrationMgPerMl: z.number().finite().positive().max(1_000).optional(),
  containers: z.number().int().positive().max(100_000),
};

export const transactionInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('receipt'),
    occurredAt,
    ...lotFields,
    supplier: counterpartySchema,
    invoiceNumber: text(64),
    receivedOn: isoDate,
  }),
  z.strictObject({ kind: z.literal('opening_balance'), occurredAt, ...lotFields, note: text(1000).optional() }),
  z.strictObject({ kind: z.literal('open_container'), occurredAt, lotId: id, locationId: id }),
  z.strictObject({
    kind: z.literal('administration'),
    occurredAt,
    patientId: id,
    source: sourceSchema,
    administered: quantitySchema,
    /** The remainder of the draw that was not given: wasted at once, which needs a witness. */
    wasted: quantitySchema.optional(),
    witnesses: z.array(witnessCredentialSchema).max(1).optional(),
    givenByUserId: id.optional(),
    note: text(1000).optional(),
  }),
  z.strictObject({
    kind: z.literal('dispensing'),
    occurredAt,
    patientId: id,
    prescriberUserId: id,
    source: sourceSchema,
    quantity: quantitySchema,
    directions: text(1000),
  }),
  z.strictObject({
    kind: z.literal('waste'),
    occurredAt,
    containerId: id,
    quantity: quantitySchema,
    reason: text(500),
    witnesses: z.array(witnessCredentialSchema).length(1),
  }),
  z.strictObject({
    kind: z.literal('breakage'),
    occurredAt,
    source: sourceSchema,
    quantity: quantitySchema,
    description: text(1000),
    witnesses: z.array(witnessCredentialSchema).length(1),
  }),
  z.strictObject({
    kind: z.literal('move'),
    occurredAt,
    lotId: id,
    fromLocationId: id,
    toLocationId: id,
    containers: z.number().int().positive().max(100_000),
  }),
  z.strictObject({
    kind: z.literal('distribution_out'),
    occurredAt,
    lotId: id,
    locationId: id,
    containers: z.number().int().positive().max(100_000),
    recipient: counterpartySchema,
    /** When the recipient registration is kept in this system: where the stock arrives. */
    recipientLocationId: id.optional(),
  }),
  z.strictObject({
    kind: z.literal('return'),
    occurredAt,
    lotId: id,
    locationId: id,
    containers: z.number().int().positive().max(100_000),
    recipientType: z.enum(['supplier', 'reverse_distributor']),
    recipient: counterpartySchema,
    reason: text(500),
  }),
  z.strictObject({
    kind: z.literal('destruction'),
    occurredAt,
    source: sourceSchema,
    quantity: quantitySchema,
    method: text(200),
    placeOfDestruction: text(300),
    witnesses: z.array(witnessCredentialSchema).length(2),
  }),
  z.strictObject({
    kind: z.literal('loss'),
    occurredAt,
    source: sourceSchema,
    quantity: quantitySchema,
    lossType: z.enum(['theft', 'loss']),
    significant: z.boolean(),
    discoveredAt: z.iso.datetime({ offset: true }),
    description: text(2000),
  }),
  z.strictObject({
    kind: z.literal('correction'),
    occurredAt,
    reversesEntryId: id,
    reason: text(1000),
    secondSigner: witnessCredentialSchema,
  }),
]);
export type TransactionInput = z.infer<typeof transactionInputSchema>;
export type TransactionKind = TransactionInput['kind'];
