import { z } from 'zod';
import { COUNT_KINDS, DISCREPANCY_ACTIONS, LOSS_TASKS } from '../../domain/ledger/counting.ts';
import { headSchema } from './ledger.schemas.ts';

export {
  type CountBody,
  countBodySchema,
  type DiscrepancyActionBody,
  discrepancyActionBodySchema,
} from '../../domain/ledger/count-input.ts';

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
