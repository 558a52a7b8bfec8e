import type { LotRow } from '../../db/repositories/ledger.repository.ts';
import { type Amount, toAmount } from '../../domain/ledger/quantities.ts';
import type { TransactionInput } from '../../domain/ledger/transaction-input.ts';
import { validationFailed } from '../errors.ts';
import { esketamineNotDispensable, notDispensable, patientNotFound, prescriberNotEligible, unitMismatch } from './ledger.errors.ts';
import { type Bucket, drawLine, lotMeasure, negate } from './ledger-stock.ts';
import { lotDetails } from './ledger-supply.builders.ts';
import { type Batch, type BuildContext, entryOf } from './ledger-transactions.usecases.ts';
import { witnessDetails } from './witnesses.ts';

type Input<K extends TransactionInput['kind']> = Extract<TransactionInput, { kind: K }>;

/** A patient of this organization, or 404 (the ledger never reveals whether an id exists elsewhere). */
async function requirePatient(patientId: string, c: BuildContext) {
  const head = await c.repos.patients.findHead(patientId);
  if (!head || head.organizationId !== c.registration.organizationId) throw patientNotFound();
  return head;
}

/** A staff member holding one of `roles` in the registration's clinic, or null. */
async function findClinician(userId: string, roles: readonly string[], c: BuildContext) {
  const person = await c.repos.organization.findUser(userId);
  if (!person || person.active === false || person.organizationId !== c.registration.organizationId) return null;
  const held = await c.repos.organization.listRoles(userId);
  return held.some((r) => r.clinicId === c.registration.clinicId && roles.includes(r.role)) ? { userId, name: person.name } : null;
}

/**
 * Opens a sealed container: one sealed container leaves stock and an opened container (tracked in mL from now on)
 * arrives at the same location. Returns the new bucket and its full content for a draw in the same transaction.
 */
async function openContainer(lot: LotRow, locationId: string, c: BuildContext): Promise<{ batch: Batch; bucket: Bucket; full: Amount }> {
  c.stock.requireUnexpired(lot);
  if (lot.form === 'nasal-device') throw unitMismatch('source', 'a nasal device is used whole and never opened');
  const entryId = c.deps.newId();
  const container = {
    id: c.deps.newId(),
    registrationId: c.registration.id,
    lotId: lot.id,
    locationId,
    openedBy: c.actorId,
    openedAt: new Date(c.occurredAt),
    openedEntryId: entryId,
  };
  await c.repos.ledger.insertContainer(container);
  const full = toAmount(1, 'container', lotMeasure(lot));
  const batch: Batch = [
    entryOf(c, {
      id: entryId,
      kind: 'open_container',
      details: { ...lotDetails(lot), containerId: container.id },
      lines: [
        { lotId: lot.id, locationId, containerId: '', delta: negate(full) },
        { lotId: lot.id, locationId, containerId: container.id, delta: full },
      ],
    }),
  ];
  return { batch, bucket: { lot, locationId, containerId: container.id, container }, full };
}

export async function buildOpenContainer(input: Input<'open_container'>, c: BuildContext): Promise<Batch> {
  const lot = await c.stock.lot(input.lotId);
  const locationId = await c.stock.location(input.locationId);
  return (await openContainer(lot, locationId, c)).batch;
}

/**
 * Where a draw comes from: an opened container as it stands, sealed nasal devices used whole, or (for a vial or
 * bottle named by lot and location) a container opened in the same transaction.
 */
async function resolveDraw(source: Input<'administration'>['source'], c: BuildContext) {
  const bucket = await c.stock.source(source);
  c.stock.requireUnexpired(bucket.lot);
  if (bucket.containerId !== '' || bucket.lot.form === 'nasal-device') return { batch: [] as Batch, bucket, held: undefined };
  const opened = await openContainer(bucket.lot, bucket.locationId, c);
  return { batch: opened.batch, bucket: opened.bucket, held: opened.full };
}

const subtract = (a: Amount, b: Amount): Amount => ({ containers: a.containers - b.containers, ml: a.ml - b.ml, mg: a.mg - b.mg });

/**
 * Administration to a patient (1304.22(c): name of the person, date, quantity, who gave it), and the remainder of the
 * draw wasted at once with a witness (DOMAIN.md 10: waste after administration is recorded with a second person).
 */
export async function buildAdministration(input: Input<'administration'>, c: BuildContext): Promise<Batch> {
  await requirePatient(input.patientId, c);
  const givenBy = await findClinician(input.givenByUserId ?? c.actorId, ['physician', 'nurse'], c);
  if (!givenBy) throw validationFailed([{ path: 'givenByUserId', message: 'must be an active physician or nurse of this clinic' }]);
  if (input.wasted && c.witnesses.length !== 1) {
    throw validationFailed([{ path: 'witnesses', message: 'a wasted remainder needs one witness who signs in here' }]);
  }
  const draw = await resolveDraw(input.source, c);
  const { bucket } = draw;
  const administered = await c.stock.amount(input.administered, bucket, 'administered', draw.held);
  const administrationId = c.deps.newId();
  const batch: Batch = [
    ...draw.batch,
    entryOf(c, {
      id: administrationId,
      kind: 'administration',
      patientId: input.patientId,
      details: {
        ...lotDetails(bucket.lot),
        containerId: bucket.containerId || null,
        dose: input.administered,
        givenBy,
        note: input.note,
      },
      lines: [drawLine(bucket, administered)],
    }),
  ];
  if (input.wasted) {
    if (bucket.containerId === '') throw unitMismatch('wasted', 'a whole device leaves nothing to waste');
    const remaining = subtract(draw.held ?? (await c.stock.balance(bucket)), administered);
    const wasted = await c.stock.amount(input.wasted, bucket, 'wasted', remaining);
    batch.push(
      entryOf(c, {
        kind: 'waste',
        details: {
          ...lotDetails(bucket.lot),
          containerId: bucket.containerId,
          quantity: input.wasted,
          reason: 'remainder of the draw for an administration',
          administrationEntryId: administrationId,
          witnesses: witnessDetails(c.witnesses),
        },
        lines: [drawLine(bucket, wasted)],
      }),
    );
  }
  return batch;
}

/**
 * Dispensing for use at home (1304.22(c): name and address of the patient, date, quantity, who dispensed): compounded
 * oral or sublingual preparations only; esketamine never leaves the clinic (SPRAVATO REMS, DOMAIN.md 3).
 */
export async function buildDispensing(input: Input<'dispensing'>, c: BuildContext): Promise<Batch> {
  const source = await c.stock.source(input.source);
  if (source.lot.drug === 'esketamine') throw esketamineNotDispensable();
  if (source.lot.form !== 'compounded-oral') throw notDispensable();
  c.stock.requireUnexpired(source.lot);
  const patient = await c.repos.ledger.findPatientLabels([(await requirePatient(input.patientId, c)).id]);
  const dispensedTo = patient.get(input.patientId);
  if (!dispensedTo?.address) {
    // 21 CFR 1304.22(c): the dispensing record holds the name and address of the person dispensed to.
    throw validationFailed([
      { path: 'patientId', message: "the patient's address is needed for the dispensing record; add it to the record first" },
    ]);
  }
  const prescriber = await findClinician(input.prescriberUserId, ['physician'], c);
  if (!prescriber) throw prescriberNotEligible();
  // Whole sealed bottles go as they are; part of one bottle opens it first, in the same transaction.
  const bottles = toAmount(input.quantity.value, input.quantity.unit, lotMeasure(source.lot)).containers;
  const wholeBottles = Math.abs(bottles - Math.round(bottles)) < 1e-9;
  if (source.containerId === '' && !wholeBottles && bottles > 1) {
    throw unitMismatch('quantity.value', 'dispense whole bottles and the part of a bottle as two entries');
  }
  const opened = source.containerId === '' && !wholeBottles ? await openContainer(source.lot, source.locationId, c) : null;
  const drawn = opened?.bucket ?? source;
  const amount = await c.stock.amount(input.quantity, drawn, 'quantity', opened?.full);
  return [
    ...(opened?.batch ?? []),
    entryOf(c, {
      kind: 'dispensing',
      patientId: input.patientId,
      details: {
        ...lotDetails(source.lot),
        containerId: drawn.containerId || null,
        quantity: input.quantity,
        prescriber,
        directions: input.directions,
        // Kept as it was on the day, inside the hashed record: a later move does not rewrite the dispensing log.
        dispensedTo: { name: dispensedTo.name, address: dispensedTo.address },
      },
      lines: [drawLine(drawn, amount)],
    }),
  ];
}
