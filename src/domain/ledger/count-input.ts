import { z } from 'zod';
import { COUNT_KINDS, DISCREPANCY_ACTIONS, INVENTORY_COUNT_KINDS } from './counting.ts';
import { witnessCredentialSchema } from './transaction-input.ts';

/**
 * What a user submits for a count or a discrepancy action, validated at the edge: sealed stock is counted in whole
 * containers and an opened container in exact mL; an inventory (21 CFR 1304.11) states opening or close of business
 * and covers every location; each discrepancy action names the entry that settles it.
 */
const id = z.string().min(1).max(64);
const note = z.string().trim().min(1).max(1000);
const isoDateTime = z.iso.datetime({ offset: true });

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
