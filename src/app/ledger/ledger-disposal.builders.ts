import { computeLossDeadlines } from '../../domain/ledger/loss-deadlines.ts';
import type { TransactionInput } from '../../domain/ledger/transaction-input.ts';
import { validationFailed } from '../errors.ts';
import { type Bucket, negate } from './ledger-stock.ts';
import { lotDetails } from './ledger-supply.builders.ts';
import type { Batch, BuildContext } from './ledger-transactions.usecases.ts';
import { witnessDetails } from './witnesses.ts';

type Input<K extends TransactionInput['kind']> = Extract<TransactionInput, { kind: K }>;

const lineFor = (bucket: Bucket, delta: ReturnType<typeof negate>) => ({
  lotId: bucket.lot.id,
  locationId: bucket.locationId,
  containerId: bucket.containerId,
  delta: negate(delta),
});

/** Waste from an opened container (DOMAIN.md 10 [M]: not "inventory", so no Form 41; a second person witnesses). */
export async function buildWaste(input: Input<'waste'>, c: BuildContext): Promise<Batch> {
  const bucket = await c.stock.container(input.containerId);
  const amount = await c.stock.amount(input.quantity, bucket, 'quantity');
  return [
    {
      registrationId: c.registration.id,
      entry: {
        kind: 'waste',
        occurredAt: c.occurredAt,
        details: {
          ...lotDetails(bucket.lot),
          containerId: bucket.containerId,
          quantity: input.quantity,
          reason: input.reason,
          witnesses: witnessDetails(c.witnesses),
        },
        lines: [lineFor(bucket, amount)],
      },
    },
  ];
}

/** A broken or spilled container, witnessed. */
export async function buildBreakage(input: Input<'breakage'>, c: BuildContext): Promise<Batch> {
  const bucket = await c.stock.source(input.source);
  const amount = await c.stock.amount(input.quantity, bucket, 'quantity');
  return [
    {
      registrationId: c.registration.id,
      entry: {
        kind: 'breakage',
        occurredAt: c.occurredAt,
        details: {
          ...lotDetails(bucket.lot),
          containerId: bucket.containerId || null,
          quantity: input.quantity,
          description: input.description,
          witnesses: witnessDetails(c.witnesses),
        },
        lines: [lineFor(bucket, amount)],
      },
    },
  ];
}

/**
 * Destruction of inventory, with the data of DEA Form 41 (DOMAIN.md 10: registrant, DEA number, NDC, batch, name,
 * strength, form, package quantity, full packages, partial count, total; date, method, place; two employee witnesses).
 */
export async function buildDestruction(input: Input<'destruction'>, c: BuildContext): Promise<Batch> {
  const bucket = await c.stock.source(input.source);
  const amount = await c.stock.amount(input.quantity, bucket, 'quantity');
  const sealedContainers = bucket.containerId === '' ? amount.containers : 0;
  const form41 = {
    registrantName: c.registration.registrantName,
    deaNumber: c.registration.deaNumber,
    address: c.registration.address,
    phone: c.clinic.phone,
    contactName: (await c.repos.ledger.findPeople([c.actorId])).get(c.actorId) ?? null,
    ndc: bucket.lot.ndc,
    batch: bucket.lot.lotNumber,
    name: bucket.lot.productName,
    strengthMgPerMl: Number(bucket.lot.concentrationMgPerMl),
    form: bucket.lot.form,
    packageQuantityMl: Number(bucket.lot.containerVolumeMl),
    fullPackages: sealedContainers,
    partialCountMl: bucket.containerId === '' ? 0 : amount.ml,
    totalDestroyedMg: amount.mg,
    method: input.method,
    placeOfDestruction: input.placeOfDestruction,
  };
  return [
    {
      registrationId: c.registration.id,
      entry: {
        kind: 'destruction',
        occurredAt: c.occurredAt,
        details: {
          ...lotDetails(bucket.lot),
          containerId: bucket.containerId || null,
          quantity: input.quantity,
          form41,
          witnesses: witnessDetails(c.witnesses),
        },
        lines: [lineFor(bucket, amount)],
      },
    },
  ];
}

/**
 * Theft or loss (21 CFR 1301.76(b), DOMAIN.md 10): written notice to the DEA Field Division within one business day
 * of discovery and DEA Form 106 within 45 days; thefts always, losses when significant. The deadlines become tasks.
 */
export async function buildLoss(input: Input<'loss'>, c: BuildContext): Promise<Batch> {
  if (Date.parse(input.discoveredAt) > c.deps.clock().getTime() + 60_000) {
    throw validationFailed([{ path: 'discoveredAt', message: 'cannot be in the future' }]);
  }
  const bucket = await c.stock.source(input.source);
  const amount = await c.stock.amount(input.quantity, bucket, 'quantity');
  const reportable = input.lossType === 'theft' || input.significant;
  const deadlines = computeLossDeadlines(new Date(input.discoveredAt).toISOString(), c.clinic.timeZone);
  return [
    {
      registrationId: c.registration.id,
      entry: {
        kind: 'loss',
        occurredAt: c.occurredAt,
        details: {
          ...lotDetails(bucket.lot),
          containerId: bucket.containerId || null,
          quantity: input.quantity,
          lossType: input.lossType,
          significant: input.significant,
          reportable,
          discoveredAt: new Date(input.discoveredAt).toISOString(),
          description: input.description,
          deadlines: reportable ? { ...deadlines } : null,
          form106: {
            registrantName: c.registration.registrantName,
            deaNumber: c.registration.deaNumber,
            address: c.registration.address,
            lossType: input.lossType,
            ndc: bucket.lot.ndc,
            productName: bucket.lot.productName,
            lotNumber: bucket.lot.lotNumber,
            quantityContainers: amount.containers,
            quantityMl: amount.ml,
            quantityMg: amount.mg,
          },
        },
        lines: [lineFor(bucket, amount)],
      },
    },
  ];
}
