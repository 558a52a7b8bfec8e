import type { JsonValue } from '../../domain/ledger/ledger-entry.ts';
import { computeLossDeadlines } from '../../domain/ledger/loss-deadlines.ts';
import type { Amount } from '../../domain/ledger/quantities.ts';
import type { QuantityInput, TransactionInput } from '../../domain/ledger/transaction-input.ts';
import { type Bucket, drawLine } from './ledger-stock.ts';
import { lotDetails } from './ledger-supply.builders.ts';
import { type Batch, type BuildContext, entryOf } from './ledger-transactions.usecases.ts';
import { witnessDetails } from './witnesses.ts';

type Input<K extends TransactionInput['kind']> = Extract<TransactionInput, { kind: K }>;
type Details = { [key: string]: JsonValue | undefined };

/**
 * One entry taking `quantity` out of a bucket: the lot facts, where it came from and the quantity as entered, plus
 * the kind's own details (which may depend on the amount taken).
 */
async function takeOut(
  c: BuildContext,
  kind: 'waste' | 'breakage' | 'destruction' | 'loss',
  bucket: Bucket,
  quantity: QuantityInput,
  detailsFor: (amount: Amount) => Details | Promise<Details>,
): Promise<Batch> {
  const amount = await c.stock.amount(quantity, bucket, 'quantity');
  const details = { ...lotDetails(bucket.lot), containerId: bucket.containerId || null, quantity, ...(await detailsFor(amount)) };
  return [entryOf(c, { kind, details, lines: [drawLine(bucket, amount)] })];
}

/** Waste from an opened container (DOMAIN.md 10 [M]: not "inventory", so no Form 41; a second person witnesses). */
export async function buildWaste(input: Input<'waste'>, c: BuildContext): Promise<Batch> {
  const bucket = await c.stock.container(input.containerId);
  return takeOut(c, 'waste', bucket, input.quantity, () => ({ reason: input.reason, witnesses: witnessDetails(c.witnesses) }));
}

/** A broken or spilled container, witnessed. */
export async function buildBreakage(input: Input<'breakage'>, c: BuildContext): Promise<Batch> {
  const bucket = await c.stock.source(input.source);
  return takeOut(c, 'breakage', bucket, input.quantity, () => ({ description: input.description, witnesses: witnessDetails(c.witnesses) }));
}

/**
 * Destruction of inventory, with the data of DEA Form 41 (DOMAIN.md 10: registrant, DEA number, address, phone, contact,
 * NDC, batch, name, strength, form, package quantity, full packages, partial count, total; method, place; two witnesses).
 */
export async function buildDestruction(input: Input<'destruction'>, c: BuildContext): Promise<Batch> {
  const bucket = await c.stock.source(input.source);
  const sealed = bucket.containerId === '';
  return takeOut(c, 'destruction', bucket, input.quantity, async (amount) => ({
    form41: {
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
      fullPackages: sealed ? amount.containers : 0,
      partialCountMl: sealed ? 0 : amount.ml,
      totalDestroyedMg: amount.mg,
      method: input.method,
      placeOfDestruction: input.placeOfDestruction,
    },
    witnesses: witnessDetails(c.witnesses),
  }));
}

/**
 * Theft or loss (21 CFR 1301.76(b), DOMAIN.md 10): written notice to the DEA Field Division within one business day
 * of discovery and DEA Form 106 within 45 days; thefts always, losses when significant. The deadlines become tasks.
 * (The use case has checked that discoveredAt is recent and not in the future.)
 */
export async function buildLoss(input: Input<'loss'>, c: BuildContext): Promise<Batch> {
  const bucket = await c.stock.source(input.source);
  const reportable = input.lossType === 'theft' || input.significant;
  const discoveredAt = new Date(input.discoveredAt).toISOString();
  return takeOut(c, 'loss', bucket, input.quantity, (amount) => ({
    lossType: input.lossType,
    significant: input.significant,
    reportable,
    discoveredAt,
    description: input.description,
    deadlines: reportable ? { ...computeLossDeadlines(discoveredAt, c.clinic.timeZone) } : null,
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
  }));
}
