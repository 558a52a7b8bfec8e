import type { Quantity, QuantityUnit, TransactionBody, TransactionKind, WitnessCredential } from './ledger.api.ts';
import { decodeSource } from './stock-view-model.ts';

/**
 * What a transaction form holds while the user types (all text), and the one pure step that turns it into the API
 * body. Problems are keyed by the API's field path (`supplier.deaNumber`) so the server's `details.issues` land on
 * the same fields.
 */
export interface TransactionDraft {
  locationId: string;
  productId: string;
  lotNumber: string;
  expiresOn: string;
  containerVolumeMl: string;
  concentrationMgPerMl: string;
  containers: string;
  supplierName: string;
  supplierAddress: string;
  supplierDeaNumber: string;
  invoiceNumber: string;
  receivedOn: string;
  patientId: string;
  source: string;
  quantity: string;
  unit: QuantityUnit;
  wasted: string;
  wastedUnit: QuantityUnit;
  reason: string;
  description: string;
  method: string;
  placeOfDestruction: string;
  lotSource: string;
  toLocationId: string;
  recipientName: string;
  recipientAddress: string;
  recipientDeaNumber: string;
  recipientType: 'supplier' | 'reverse_distributor';
  lossType: 'theft' | 'loss';
  significant: boolean;
  discoveredAt: string;
  reversesEntryId: string;
  prescriberUserId: string;
  directions: string;
  note: string;
}

export function emptyDraft(todayIso: string): TransactionDraft {
  return {
    locationId: '',
    productId: '',
    lotNumber: '',
    expiresOn: '',
    containerVolumeMl: '',
    concentrationMgPerMl: '',
    containers: '',
    supplierName: '',
    supplierAddress: '',
    supplierDeaNumber: '',
    invoiceNumber: '',
    receivedOn: todayIso,
    patientId: '',
    source: '',
    quantity: '',
    unit: 'mL',
    wasted: '',
    wastedUnit: 'mL',
    reason: '',
    description: '',
    method: '',
    placeOfDestruction: '',
    lotSource: '',
    toLocationId: '',
    recipientName: '',
    recipientAddress: '',
    recipientDeaNumber: '',
    recipientType: 'supplier',
    lossType: 'loss',
    significant: false,
    discoveredAt: '',
    reversesEntryId: '',
    prescriberUserId: '',
    directions: '',
    note: '',
  };
}

export type BuildResult = { ok: true; body: TransactionBody } | { ok: false; errors: Record<string, string> };

/** A positive number from text (`2`, `2.5`, `0,5`); null when empty, not a number or not above zero. */
export function parsePositive(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (!/^\d*\.?\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isFinite(value) && value > 0 ? value : null;
}

function positiveInteger(text: string): number | null {
  const value = parsePositive(text);
  return value !== null && Number.isInteger(value) ? value : null;
}

class Checker {
  readonly errors: Record<string, string> = {};
  text(path: string, value: string, label: string): string {
    if (!value.trim()) this.errors[path] = `Enter ${label}.`;
    return value.trim();
  }
  quantity(path: string, value: string, unit: QuantityUnit): Quantity {
    const parsed = parsePositive(value);
    if (parsed === null) this.errors[path] = 'Enter an amount above zero.';
    return { value: parsed ?? 0, unit };
  }
  containers(path: string, value: string): number {
    const parsed = positiveInteger(value);
    if (parsed === null) this.errors[path] = 'Enter a whole number of containers above zero.';
    return parsed ?? 0;
  }
  source(path: string, value: string) {
    const decoded = decodeSource(value);
    if (!decoded) this.errors[path] = 'Choose where the stock comes from.';
    return decoded ?? { containerId: '' };
  }
  sealed(path: string, value: string): { lotId: string; locationId: string } {
    const decoded = decodeSource(value);
    if (!decoded || !('lotId' in decoded)) {
      this.errors[path] = 'Choose a lot and location with sealed stock.';
      return { lotId: '', locationId: '' };
    }
    return decoded;
  }
  witnesses(witnesses: WitnessCredential[], count: number, path = 'witnesses'): WitnessCredential[] {
    const list = witnesses.slice(0, count).map((w) => ({ email: w.email.trim(), password: w.password }));
    list.forEach((w, i) => {
      if (!w.email) this.errors[`${path}.${i}.email`] = 'Enter the witness email.';
      if (!w.password) this.errors[`${path}.${i}.password`] = 'The witness enters their password.';
    });
    if (list.length < count) this.errors[path] = `${count} witnesses sign this entry.`;
    return list;
  }
}

function party(c: Checker, prefix: 'supplier' | 'recipient', d: TransactionDraft) {
  const name = prefix === 'supplier' ? d.supplierName : d.recipientName;
  const address = prefix === 'supplier' ? d.supplierAddress : d.recipientAddress;
  const dea = prefix === 'supplier' ? d.supplierDeaNumber : d.recipientDeaNumber;
  return {
    name: c.text(`${prefix}.name`, name, 'the name'),
    address: c.text(`${prefix}.address`, address, 'the address'),
    deaNumber: c.text(`${prefix}.deaNumber`, dea, 'the DEA registration number').toUpperCase(),
  };
}

/** A new lot at a location: receipts and the opening balance. */
function lotFields(c: Checker, d: TransactionDraft) {
  const concentration = d.concentrationMgPerMl.trim() ? parsePositive(d.concentrationMgPerMl) : undefined;
  if (concentration === null) c.errors.concentrationMgPerMl = 'Enter the concentration in mg/mL.';
  const volume = parsePositive(d.containerVolumeMl);
  if (volume === null) c.errors.containerVolumeMl = 'Enter the volume of one container in mL.';
  return {
    locationId: c.text('locationId', d.locationId, 'the storage location'),
    productId: c.text('productId', d.productId, 'the product'),
    lotNumber: c.text('lotNumber', d.lotNumber, 'the lot number'),
    expiresOn: c.text('expiresOn', d.expiresOn, 'the lot expiry date'),
    containerVolumeMl: volume ?? 0,
    ...(concentration ? { concentrationMgPerMl: concentration } : {}),
    containers: c.containers('containers', d.containers),
  };
}

/** The API body for one kind, or the problems found before sending (the server validates again). */
export function buildTransactionBody(kind: TransactionKind, d: TransactionDraft, witnesses: WitnessCredential[]): BuildResult {
  const c = new Checker();
  const body = buildUnchecked(kind, d, witnesses, c);
  return Object.keys(c.errors).length > 0 ? { ok: false, errors: c.errors } : { ok: true, body };
}

function buildUnchecked(kind: TransactionKind, d: TransactionDraft, witnesses: WitnessCredential[], c: Checker): TransactionBody {
  switch (kind) {
    case 'receipt':
      return {
        kind,
        ...lotFields(c, d),
        supplier: party(c, 'supplier', d),
        invoiceNumber: c.text('invoiceNumber', d.invoiceNumber, 'the invoice number'),
        receivedOn: c.text('receivedOn', d.receivedOn, 'the date received'),
      };
    case 'opening_balance':
      return { kind, ...lotFields(c, d), ...(d.note.trim() ? { note: d.note.trim() } : {}) };
    case 'open_container':
      return { kind, ...c.sealed('source', d.source) };
    case 'administration': {
      const wasted = d.wasted.trim() ? c.quantity('wasted.value', d.wasted, d.wastedUnit) : undefined;
      return {
        kind,
        patientId: c.text('patientId', d.patientId, 'the patient'),
        source: c.source('source', d.source),
        administered: c.quantity('administered.value', d.quantity, d.unit),
        ...(wasted ? { wasted, witnesses: c.witnesses(witnesses, 1) } : {}),
        ...(d.note.trim() ? { note: d.note.trim() } : {}),
      };
    }
    case 'dispensing':
      return {
        kind,
        patientId: c.text('patientId', d.patientId, 'the patient'),
        prescriberUserId: c.text('prescriberUserId', d.prescriberUserId, 'the prescriber'),
        source: c.source('source', d.source),
        quantity: c.quantity('quantity.value', d.quantity, d.unit),
        directions: c.text('directions', d.directions, 'the directions'),
      };
    case 'waste': {
      const source = c.source('containerId', d.source);
      if ('lotId' in source) c.errors.containerId = 'Waste comes from an opened container.';
      return {
        kind,
        containerId: 'containerId' in source ? source.containerId : '',
        quantity: c.quantity('quantity.value', d.quantity, d.unit),
        reason: c.text('reason', d.reason, 'the reason'),
        witnesses: c.witnesses(witnesses, 1),
      };
    }
    case 'breakage':
      return {
        kind,
        source: c.source('source', d.source),
        quantity: c.quantity('quantity.value', d.quantity, d.unit),
        description: c.text('description', d.description, 'what happened'),
        witnesses: c.witnesses(witnesses, 1),
      };
    case 'move': {
      const from = c.sealed('lotId', d.lotSource);
      const toLocationId = c.text('toLocationId', d.toLocationId, 'the destination');
      if (toLocationId && toLocationId === from.locationId) c.errors.toLocationId = 'Choose a different storage location.';
      return {
        kind,
        lotId: from.lotId,
        fromLocationId: from.locationId,
        toLocationId,
        containers: c.containers('containers', d.containers),
      };
    }
    case 'distribution_out':
      return {
        kind,
        ...c.sealed('lotId', d.lotSource),
        containers: c.containers('containers', d.containers),
        recipient: party(c, 'recipient', d),
      };
    case 'return':
      return {
        kind,
        ...c.sealed('lotId', d.lotSource),
        containers: c.containers('containers', d.containers),
        recipientType: d.recipientType,
        recipient: party(c, 'recipient', d),
        reason: c.text('reason', d.reason, 'the reason'),
      };
    case 'destruction':
      return {
        kind,
        source: c.source('source', d.source),
        quantity: c.quantity('quantity.value', d.quantity, d.unit),
        method: c.text('method', d.method, 'the method of destruction'),
        placeOfDestruction: c.text('placeOfDestruction', d.placeOfDestruction, 'the place of destruction'),
        witnesses: c.witnesses(witnesses, 2),
      };
    case 'loss':
      return {
        kind,
        source: c.source('source', d.source),
        quantity: c.quantity('quantity.value', d.quantity, d.unit),
        lossType: d.lossType,
        significant: d.significant,
        discoveredAt: toIsoInstant(c.text('discoveredAt', d.discoveredAt, 'when it was discovered')),
        description: c.text('description', d.description, 'what happened'),
      };
    case 'correction': {
      const [signer] = c.witnesses(witnesses, 1, 'secondSigner');
      return {
        kind,
        reversesEntryId: c.text('reversesEntryId', d.reversesEntryId, 'the entry to reverse'),
        reason: c.text('reason', d.reason, 'the reason'),
        secondSigner: signer ?? { email: '', password: '' },
      };
    }
  }
}

/** `2026-11-22T08:15` from a datetime-local input -> an ISO instant in the browser's zone. */
export function toIsoInstant(local: string): string {
  if (!local) return '';
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? local : date.toISOString();
}

/** Server issue paths (`body.supplier.deaNumber`, `secondSigner.email`) as the form's keys. */
export function toDraftPath(path: string): string {
  return path.replace(/^body\./, '').replace(/^secondSigner\.(email|password)$/, 'secondSigner.0.$1');
}

/** Does this kind (with this draft) need the witness panel, and for how many people? */
export function witnessCount(kind: TransactionKind, d: Pick<TransactionDraft, 'wasted'>): 0 | 1 | 2 {
  if (kind === 'destruction') return 2;
  if (kind === 'waste' || kind === 'breakage' || kind === 'correction') return 1;
  if (kind === 'administration' && d.wasted.trim()) return 1;
  return 0;
}
