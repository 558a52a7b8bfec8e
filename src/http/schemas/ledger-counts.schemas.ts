import { z } from 'zod';
import { COUNT_KINDS, DISCREPANCY_ACTIONS, INVENTORY_COUNT_KINDS, LOSS_TASKS } from '../../domain/ledger/counting.ts';
import { witnessCredentialSchema } from '../../domain/ledger/transaction-input.ts';
import { headSchema } from './ledger.schemas.ts';

/** Counts, discrepancies, loss tasks and reconciliation of /api/ledger (issue 5, item 5). */

const id = z.string().min(1).max(64);
const note = z.string().trim().min(1).max(1000);
const isoDateTime = z.iso.datetime({ offset: true });

export const countParamsSchema = z.strictObject({ registrationId: id, entryId: id });
export const discrepancyParamsSchema = z.strictObject({
  registrationId: id,
  countEntryId: id,
  lineNo: z.coerce.number().int().min(1).max(100_000),
});
export const taskParamsSchema = z.strictObject({ registrationId: id, lossEntryId: id, task: z.enum(LOSS_TASKS) });

const countLineBodySchema = z
  .strictObject({
    lotId: id,
    locationId: id,
    containerId: id.nullable(),
    /** Sealed stock: whole containers. */
    countedContainers: z.number().int().min(0).max(100_000).optional(),
    /** An opened container: exact mL. */
    countedMl: z.number().finite().min(0).max(100_000).optional(),
  })
  .superRefine((line, ctx) => {
    if (line.containerId === null && (line.countedContainers === undefined || line.countedMl !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['countedContainers'],
        message: 'sealed stock is counted in whole containers (countedContainers only)',
      });
    }
    if (line.containerId !== null && (line.countedMl === undefined || line.countedContainers !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['countedMl'], message: 'an opened container is counted in exact mL (countedMl only)' });
    }
  });

export const countBodySchema = z
  .strictObject({
    countKind: z.enum(COUNT_KINDS),
    /** 21 CFR 1304.11(a): an inventory states opening or close of business. */
    timeOfDay: z.enum(['opening', 'close']).nullable().optional(),
    /** When the count was made: within 15 minutes before now (COUNTED_AT_MAX_AGE_MS, [M]); default now. */
    countedAt: isoDateTime.optional(),
    /** Count one location only; then every bucket of that location with stock must be counted. */
    locationId: id.optional(),
    secondCounter: witnessCredentialSchema,
    note: z.string().trim().max(1000).optional(),
    lines: z.array(countLineBodySchema).max(2000),
  })
  .superRefine((body, ctx) => {
    if (INVENTORY_COUNT_KINDS.has(body.countKind) && !body.timeOfDay) {
      ctx.addIssue({
        code: 'custom',
        path: ['timeOfDay'],
        message: 'an inventory states whether it was taken at the opening or close of business',
      });
    }
    if (INVENTORY_COUNT_KINDS.has(body.countKind) && body.locationId !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['locationId'],
        message: 'an inventory covers all stock on hand of the registration (21 CFR 1304.11), not one location',
      });
    }
  });
export type CountBody = z.infer<typeof countBodySchema>;

const person = z.object({ id: z.string(), name: z.string() });

export const countLineSchema = z.object({
  lineNo: z.number(),
  lotId: z.string(),
  productName: z.string(),
  lotNumber: z.string(),
  locationId: z.string(),
  locationName: z.string(),
  containerId: z.string().nullable(),
  bookContainers: z.number(),
  bookMl: z.number(),
  bookMg: z.number(),
  countedContainers: z.number(),
  countedMl: z.number(),
  countedMg: z.number(),
  differenceMl: z.number(),
  discrepancy: z.boolean(),
});

export const countSchema = z.object({
  id: z.string(),
  entryId: z.string(),
  seq: z.number(),
  countKind: z.enum(COUNT_KINDS),
  timeOfDay: z.enum(['opening', 'close']).nullable(),
  countedAt: z.string(),
  locationId: z.string().nullable(),
  countedBy: person,
  secondCounter: z.object({ userId: z.string(), name: z.string(), role: z.string() }),
  note: z.string().nullable(),
  lines: z.array(countLineSchema),
  discrepancies: z.number(),
});
export const countListSchema = z.object({ items: z.array(countSchema) });

export const discrepancyActionBodySchema = z
  .strictObject({
    action: z.enum(DISCREPANCY_ACTIONS),
    note,
    correctionEntryId: id.optional(),
    lossEntryId: id.optional(),
    /** resolved_no_change only: a second person re-authenticates to confirm the book was right (no stock entry). */
    secondSigner: witnessCredentialSchema.optional(),
  })
  .superRefine((body, ctx) => {
    if (body.action === 'resolved_no_change' && !body.secondSigner) {
      ctx.addIssue({ code: 'custom', path: ['secondSigner'], message: 'a second person confirms a resolution with no stock entry' });
    }
    if (body.secondSigner && body.action !== 'resolved_no_change') {
      ctx.addIssue({ code: 'custom', path: ['secondSigner'], message: 'only with the action resolved_no_change' });
    }
    if (body.action === 'resolved_by_correction' && !body.correctionEntryId) {
      ctx.addIssue({ code: 'custom', path: ['correctionEntryId'], message: 'name the correction entry that resolves it' });
    }
    if (body.action === 'reported_as_loss' && !body.lossEntryId) {
      ctx.addIssue({ code: 'custom', path: ['lossEntryId'], message: 'name the loss entry that reports it' });
    }
    if (body.correctionEntryId && body.action !== 'resolved_by_correction') {
      ctx.addIssue({ code: 'custom', path: ['correctionEntryId'], message: 'only with the action resolved_by_correction' });
    }
    if (body.lossEntryId && body.action !== 'reported_as_loss') {
      ctx.addIssue({ code: 'custom', path: ['lossEntryId'], message: 'only with the action reported_as_loss' });
    }
  });
export type DiscrepancyActionBody = z.infer<typeof discrepancyActionBodySchema>;

export const discrepancySchema = z.object({
  countEntryId: z.string(),
  lineNo: z.number(),
  countedAt: z.string(),
  lotId: z.string(),
  productName: z.string(),
  lotNumber: z.string(),
  locationId: z.string(),
  locationName: z.string(),
  containerId: z.string().nullable(),
  bookContainers: z.number(),
  countedContainers: z.number(),
  bookMl: z.number(),
  countedMl: z.number(),
  differenceMl: z.number(),
  status: z.enum(['open', 'investigating', 'resolved']),
  actions: z.array(
    z.object({
      entryId: z.string(),
      action: z.enum(DISCREPANCY_ACTIONS),
      note: z.string(),
      at: z.string(),
      by: person,
      correctionEntryId: z.string().nullable(),
      lossEntryId: z.string().nullable(),
      secondSigner: z.object({ userId: z.string(), name: z.string(), role: z.string() }).nullable(),
    }),
  ),
});
export const discrepancyListSchema = z.object({ items: z.array(discrepancySchema) });

export const taskCompletionBodySchema = z.strictObject({ note, reference: z.string().trim().min(1).max(200).optional() });

export const lossTaskSchema = z.object({
  lossEntryId: z.string(),
  task: z.enum(LOSS_TASKS),
  title: z.string(),
  dueAt: z.string(),
  status: z.enum(['open', 'overdue', 'done']),
  completedAt: z.string().nullable(),
  completedBy: person.nullable(),
  note: z.string().nullable(),
  reference: z.string().nullable(),
  loss: z.object({
    lossType: z.enum(['theft', 'loss']),
    productName: z.string(),
    lotNumber: z.string(),
    quantity: z.object({ value: z.number(), unit: z.string() }),
    discoveredAt: z.string(),
  }),
});
export const lossTaskListSchema = z.object({ items: z.array(lossTaskSchema) });

export const reconciliationQuerySchema = z
  .strictObject({ from: isoDateTime, to: isoDateTime })
  .refine((q) => Date.parse(q.from) <= Date.parse(q.to), { path: ['to'], message: 'must not be before from' });

const differenceSchema = z.object({
  type: z.string(),
  severity: z.enum(['info', 'warning', 'error']),
  message: z.string(),
  entryIds: z.array(z.string()),
  lotId: z.string().optional(),
  locationId: z.string().optional(),
  containerId: z.string().optional(),
});

export const reconciliationSchema = z.object({
  from: z.string(),
  to: z.string(),
  head: headSchema,
  differences: z.array(differenceSchema),
  containers: z.array(
    z.object({
      containerId: z.string(),
      lotId: z.string(),
      locationId: z.string(),
      openedAt: z.string(),
      openedMl: z.number(),
      administeredMl: z.number(),
      wastedMl: z.number(),
      dispensedMl: z.number(),
      brokenMl: z.number(),
      destroyedMl: z.number(),
      lostMl: z.number(),
      correctionsMl: z.number(),
      expectedRemainingMl: z.number(),
      remainingMl: z.number(),
    }),
  ),
  counts: z.array(
    z.object({
      entryId: z.string(),
      countKind: z.enum(COUNT_KINDS),
      countedAt: z.string(),
      lines: z.array(
        z.object({
          lineNo: z.number(),
          lotId: z.string(),
          locationId: z.string(),
          containerId: z.string().nullable(),
          bookMl: z.number(),
          countedMl: z.number(),
          differenceMl: z.number(),
          status: z.enum(['matches', 'open', 'investigating', 'resolved']),
        }),
      ),
    }),
  ),
  administrations: z.array(
    z.object({
      entryId: z.string(),
      occurredAt: z.string(),
      patient: z.object({ id: z.string(), name: z.string(), mrn: z.string() }).nullable(),
      dose: z.object({ value: z.number(), unit: z.string() }).nullable(),
      administeredMg: z.number(),
      lotId: z.string(),
      locationId: z.string(),
      containerId: z.string().nullable(),
      wasteEntryIds: z.array(z.string()),
      wastedMg: z.number(),
      reversedByEntryId: z.string().nullable(),
    }),
  ),
});
