import type { LotRow } from '../../db/repositories/ledger.repository.ts';
import { assessDistributionLimit } from '../../domain/ledger/distribution-limit.ts';
import { toAmount } from '../../domain/ledger/quantities.ts';
import type { TransactionInput } from '../../domain/ledger/transaction-input.ts';
import { loadCurrentLibrary } from '../drug-library.usecases.ts';
import { validationFailed } from '../errors.ts';
import { lotExpired, lotMismatch, openingBalanceClosed, productNotInLibrary, sameLocation } from './ledger.errors.ts';
import { lotMeasure, negate } from './ledger-stock.ts';
import { type Batch, type BuildContext, entryOf, requireValidDeaNumber } from './ledger-transactions.usecases.ts';

type Input<K extends TransactionInput['kind']> = Extract<TransactionInput, { kind: K }>;

const TRACKED_FORMS = new Set(['vial', 'nasal-device', 'compounded-oral']);

/** Whole sealed containers of a lot; the use cases refuse zero, negative and fractional counts even without the HTTP schema. */
function sealed(lot: LotRow, containers: number) {
  if (!Number.isInteger(containers) || containers <= 0) {
    throw validationFailed([{ path: 'containers', message: 'must be a whole number of containers above 0' }]);
  }
  return toAmount(containers, 'container', lotMeasure(lot));
}

/** Lot facts kept in entry details, so every report reads complete without joins (1304.22(c): form, strength, volume). */
export const lotDetails = (lot: LotRow) => ({
  productId: lot.productId,
  productName: lot.productName,
  lotNumber: lot.lotNumber,
  ndc: lot.ndc,
  expiresOn: lot.expiresOn,
  containerVolumeMl: Number(lot.containerVolumeMl),
  concentrationMgPerMl: Number(lot.concentrationMgPerMl),
});

/** Finds the lot by number or creates it; a lot number already known must agree on expiry, volume and strength. */
async function findOrCreateLot(
  registrationId: string,
  fields: {
    productId: string;
    productName: string;
    drug: LotRow['drug'];
    form: LotRow['form'];
    ndc: string | null;
    lotNumber: string;
    expiresOn: string;
    containerVolumeMl: number;
    concentrationMgPerMl: number;
  },
  c: BuildContext,
): Promise<LotRow> {
  const existing = await c.repos.ledger.findLotByNumber(registrationId, fields.productId, fields.lotNumber);
  if (existing) {
    const same =
      existing.expiresOn === fields.expiresOn &&
      Number(existing.containerVolumeMl) === fields.containerVolumeMl &&
      Number(existing.concentrationMgPerMl) === fields.concentrationMgPerMl;
    if (!same) throw lotMismatch('lotNumber', 'This lot number is already recorded with another expiry, volume or concentration.');
    return existing;
  }
  const lot: LotRow = {
    id: c.deps.newId(),
    registrationId,
    ...fields,
    containerVolumeMl: fields.containerVolumeMl.toFixed(3),
    concentrationMgPerMl: fields.concentrationMgPerMl.toFixed(3),
    createdBy: c.actorId,
    createdAt: c.deps.clock(),
  };
  await c.repos.ledger.insertLot(lot);
  return lot;
}

/** Receipt from a supplier (1304.22(c): date, containers, supplier's name, address and DEA number) or opening stock. */
export async function buildReceipt(input: Input<'receipt'> | Input<'opening_balance'>, c: BuildContext): Promise<Batch> {
  const locationId = await c.stock.location(input.locationId);
  if (input.kind === 'opening_balance' && (await c.repos.ledger.hasStockEntriesOtherThan(c.registration.id, ['opening_balance']))) {
    throw openingBalanceClosed();
  }
  const { library } = await loadCurrentLibrary(c.registration.clinicId, c.repos);
  const product = library.products.find((p) => p.id === input.productId);
  if (!product || !TRACKED_FORMS.has(product.form)) throw productNotInLibrary();
  const concentrationMgPerMl = product.concentrationMgPerMl ?? input.concentrationMgPerMl;
  if (concentrationMgPerMl === undefined) {
    throw validationFailed([{ path: 'concentrationMgPerMl', message: 'required: this product has no fixed concentration' }]);
  }
  if (input.concentrationMgPerMl !== undefined && input.concentrationMgPerMl !== concentrationMgPerMl) {
    throw lotMismatch('concentrationMgPerMl', `This product is ${concentrationMgPerMl} mg/mL in the drug library.`);
  }
  if (product.strengthMg !== undefined && Math.abs(input.containerVolumeMl * concentrationMgPerMl - product.strengthMg) > 1e-6) {
    throw lotMismatch(
      'containerVolumeMl',
      `One device holds ${product.strengthMg} mg, so its volume is ${product.strengthMg / concentrationMgPerMl} mL.`,
    );
  }
  if (input.kind === 'receipt' && input.expiresOn < c.today) throw lotExpired(input.expiresOn);
  const supplierDea = input.kind === 'receipt' ? requireValidDeaNumber(input.supplier.deaNumber, 'supplier.deaNumber') : null;
  const lot = await findOrCreateLot(
    c.registration.id,
    {
      productId: product.id,
      productName: product.name,
      drug: product.drug,
      form: product.form as LotRow['form'],
      ndc: product.ndc ?? null,
      lotNumber: input.lotNumber,
      expiresOn: input.expiresOn,
      containerVolumeMl: input.containerVolumeMl,
      concentrationMgPerMl,
    },
    c,
  );
  const details =
    input.kind === 'receipt'
      ? {
          ...lotDetails(lot),
          containers: input.containers,
          supplier: { ...input.supplier, deaNumber: supplierDea! },
          invoiceNumber: input.invoiceNumber,
          receivedOn: input.receivedOn,
        }
      : { ...lotDetails(lot), containers: input.containers, note: input.note };
  return [
    entryOf(c, {
      kind: input.kind,
      details,
      lines: [{ lotId: lot.id, locationId, containerId: '', delta: sealed(lot, input.containers) }],
    }),
  ];
}

/** Internal move of sealed containers between two storage locations of one registration. */
export async function buildMove(input: Input<'move'>, c: BuildContext): Promise<Batch> {
  const lot = await c.stock.lot(input.lotId);
  const from = await c.stock.location(input.fromLocationId);
  const to = await c.stock.location(input.toLocationId);
  if (from === to) throw sameLocation();
  const amount = sealed(lot, input.containers);
  return [
    entryOf(c, {
      kind: 'move',
      details: { ...lotDetails(lot), containers: input.containers, fromLocationId: from, toLocationId: to },
      lines: [
        { lotId: lot.id, locationId: from, containerId: '', delta: negate(amount) },
        { lotId: lot.id, locationId: to, containerId: '', delta: amount },
      ],
    }),
  ];
}

/**
 * Distribution to another registrant (21 CFR 1307.11, [M], not in DOMAIN.md: a practitioner may distribute to another
 * practitioner without a distributor registration while the year's distributions stay within 5 % of all units it
 * distributes and dispenses). When the recipient's registration is kept here, the stock arrives in its chain too.
 */
export async function buildDistribution(input: Input<'distribution_out'>, c: BuildContext): Promise<{ batch: Batch; warnings: string[] }> {
  const lot = await c.stock.lot(input.lotId);
  const locationId = await c.stock.location(input.locationId);
  const recipientDea = requireValidDeaNumber(input.recipient.deaNumber, 'recipient.deaNumber');
  if (recipientDea === c.registration.deaNumber) {
    throw validationFailed([{ path: 'recipient.deaNumber', message: 'is this registration; use a move between storage locations' }]);
  }
  const amount = sealed(lot, input.containers);
  const outId = c.deps.newId();
  const batch: Batch = [];
  const recipient = await c.repos.ledger.findRegistrationByDeaNumber(recipientDea);
  let inId: string | null = null;
  if (recipient && recipient.organizationId === c.registration.organizationId) {
    if (!input.recipientLocationId) {
      throw validationFailed([
        { path: 'recipientLocationId', message: "required: the recipient's registration is kept here; choose where the stock arrives" },
      ]);
    }
    const locations = await c.repos.ledger.listLocations(recipient.id);
    if (!locations.some((l) => l.id === input.recipientLocationId)) {
      throw validationFailed([{ path: 'recipientLocationId', message: "is not a storage location of the recipient's registration" }]);
    }
    const arrived = await findOrCreateLot(
      recipient.id,
      {
        productId: lot.productId,
        productName: lot.productName,
        drug: lot.drug,
        form: lot.form,
        ndc: lot.ndc,
        lotNumber: lot.lotNumber,
        expiresOn: lot.expiresOn,
        containerVolumeMl: Number(lot.containerVolumeMl),
        concentrationMgPerMl: Number(lot.concentrationMgPerMl),
      },
      c,
    );
    inId = c.deps.newId();
    batch.push({
      registrationId: recipient.id,
      entry: {
        id: inId,
        kind: 'distribution_in',
        occurredAt: c.occurredAt,
        details: {
          ...lotDetails(arrived),
          containers: input.containers,
          supplier: { name: c.registration.registrantName, address: c.registration.address, deaNumber: c.registration.deaNumber },
          linkedEntryId: outId,
        },
        lines: [{ lotId: arrived.id, locationId: input.recipientLocationId, containerId: '', delta: amount }],
      },
    });
  }
  const yearStart = `${c.today.slice(0, 4)}-01-01T00:00:00.000Z`;
  const limit = assessDistributionLimit({
    distributedUnitsThisYear: await c.repos.ledger.sumContainersOut(c.registration.id, ['distribution_out'], yearStart),
    dispensedAndAdministeredUnitsThisYear: await c.repos.ledger.sumContainersOut(
      c.registration.id,
      ['administration', 'dispensing', 'open_container'],
      yearStart,
    ),
    proposedUnits: input.containers,
  });
  batch.push(
    entryOf(c, {
      id: outId,
      kind: 'distribution_out',
      details: {
        ...lotDetails(lot),
        containers: input.containers,
        recipient: { ...input.recipient, deaNumber: recipientDea },
        linkedEntryId: inId,
        distributionLimit: { ...limit },
      },
      lines: [{ lotId: lot.id, locationId, containerId: '', delta: negate(amount) }],
    }),
  );
  return { batch, warnings: limit.exceeds ? [limit.note] : [] };
}

/** Return of sealed containers to the supplier or to a DEA-registered reverse distributor (DOMAIN.md 10, Form 41 alternative). */
export async function buildReturn(input: Input<'return'>, c: BuildContext): Promise<Batch> {
  const lot = await c.stock.lot(input.lotId);
  const locationId = await c.stock.location(input.locationId);
  const deaNumber = requireValidDeaNumber(input.recipient.deaNumber, 'recipient.deaNumber');
  return [
    entryOf(c, {
      kind: 'return',
      details: {
        ...lotDetails(lot),
        containers: input.containers,
        recipientType: input.recipientType,
        recipient: { ...input.recipient, deaNumber },
        reason: input.reason,
      },
      lines: [{ lotId: lot.id, locationId, containerId: '', delta: negate(sealed(lot, input.containers)) }],
    }),
  ];
}
