import type { StoredEntry } from '../../db/repositories/ledger.repository.ts';
import { findClinicRole, type StaffRole } from '../../domain/access/permissions.ts';
import { LEDGER_ENTRY_KINDS, type LedgerEntryKind } from '../../domain/ledger/ledger-entry.ts';
import { toLocalDate } from '../../domain/ledger/loss-deadlines.ts';
import { recordPatientAccess } from '../audit.usecases.ts';
import type { Deps, Repositories, RequestContext } from '../deps.ts';
import { authorizeRegistration } from './ledger-access.ts';
import { toRegistrationView } from './ledger-registrations.usecases.ts';

const amountOf = (containers: string, ml: string, mg: string) => ({ containers: Number(containers), ml: Number(ml), mg: Number(mg) });

/** Details as roles without the patient log see them: no dispensed-to name and address, no clinical note. */
function withoutPatientDetails(kind: string, detailsJson: string): Record<string, unknown> {
  const { note, dispensedTo: _dispensedTo, ...rest } = JSON.parse(detailsJson) as Record<string, unknown>;
  return kind === 'administration' || kind === 'dispensing' || note === undefined ? rest : { ...rest, note };
}

/**
 * Who recorded each entry, the patients it names (only when `withPatients`) and which later entry corrected it: what
 * both the API views and the reports add to stored entries. One query at a time: inside a transaction they share one
 * connection.
 */
export async function loadEntryLabels(entries: StoredEntry[], withPatients: boolean, repos: Repositories) {
  const people = await repos.ledger.findPeople([...new Set(entries.map((e) => e.recordedBy))]);
  const patientIds = [...new Set(entries.flatMap((e) => (e.patientId ? [e.patientId] : [])))];
  const patients = withPatients ? await repos.ledger.findPatientLabels(patientIds) : new Map<string, never>();
  const corrections = await repos.ledger.listCorrections(entries.map((e) => e.id));
  return { people, patients, corrections };
}

/**
 * Entries as the API shows them: names for people, the patient only to roles that may read the administration and
 * dispensing log (admins see that an administration happened, never to whom).
 */
export async function toEntryViews(entries: StoredEntry[], role: StaffRole, repos: Repositories) {
  const mayReadPatients = role === 'physician' || role === 'nurse';
  const { people, patients, corrections } = await loadEntryLabels(entries, mayReadPatients, repos);
  return entries.map((e) => {
    const patient = e.patientId && mayReadPatients ? patients.get(e.patientId) : undefined;
    return {
      id: e.id,
      seq: e.seq,
      kind: e.kind,
      occurredAt: e.occurredAt,
      recordedAt: e.recordedAt,
      recordedBy: { id: e.recordedBy, name: people.get(e.recordedBy) ?? '' },
      patient: patient ? { id: patient.id, name: patient.name, mrn: patient.mrn } : null,
      details: mayReadPatients ? (JSON.parse(e.detailsJson) as Record<string, unknown>) : withoutPatientDetails(e.kind, e.detailsJson),
      reversesEntryId: e.reversesEntryId,
      reversedByEntryId: corrections.get(e.id) ?? null,
      lines: e.lines.map((l) => ({
        lineNo: l.lineNo,
        lotId: l.lotId,
        locationId: l.locationId,
        containerId: l.containerId || null,
        delta: amountOf(l.deltaContainers, l.deltaMl, l.deltaMg),
      })),
      hashHex: e.hashHex,
    };
  });
}
export type EntryView = Awaited<ReturnType<typeof toEntryViews>>[number];

/** Stock per location, lot and opened container (issue 5, item 7), with the chain head it was read at. */
export async function getStock(registrationId: string, ctx: RequestContext, deps: Deps) {
  const { registration } = await authorizeRegistration(registrationId, 'ledger.read', 'read the controlled-substance ledger', ctx, deps);
  const view = await toRegistrationView(registration, deps);
  const clinic = await deps.repos.organization.findClinic(registration.clinicId);
  const today = toLocalDate(deps.clock().toISOString(), clinic?.timeZone ?? 'UTC');
  const [lots, balances, head] = await Promise.all([
    deps.repos.ledger.listLots(registrationId),
    deps.repos.ledger.listBalances(registrationId),
    deps.repos.ledger.findHead(registrationId),
  ]);
  return {
    registration: view,
    lots: lots.map((lot) => ({
      id: lot.id,
      productId: lot.productId,
      productName: lot.productName,
      drug: lot.drug,
      form: lot.form,
      lotNumber: lot.lotNumber,
      expiresOn: lot.expiresOn,
      expired: lot.expiresOn < today,
      containerVolumeMl: Number(lot.containerVolumeMl),
      concentrationMgPerMl: Number(lot.concentrationMgPerMl),
      ndc: lot.ndc,
    })),
    balances: balances.map((b) => ({
      lotId: b.lotId,
      locationId: b.locationId,
      containerId: b.containerId || null,
      openedAt: b.openedAt?.toISOString() ?? null,
      openedByName: b.openedByName ?? null,
      amount: amountOf(b.containers, b.ml, b.mg),
    })),
    head,
  };
}

export interface EntryFilter {
  from?: string | undefined;
  to?: string | undefined;
  kind?: LedgerEntryKind[] | undefined;
  limit: number;
  offset: number;
}

/** The chain's entries, newest first. Roles without the patient log see every entry, but not who the patient was. */
export async function listLedgerEntries(registrationId: string, filter: EntryFilter, ctx: RequestContext, deps: Deps) {
  const { registration, role } = await authorizeRegistration(
    registrationId,
    'ledger.read',
    'read the controlled-substance ledger',
    ctx,
    deps,
  );
  const mayReadPatients = findClinicRole(ctx.actor, 'ledger.read_patient_log', registration.clinicId) !== null;
  const kinds = filter.kind ?? [...LEDGER_ENTRY_KINDS];
  const page = await deps.repos.ledger.listEntries(
    registrationId,
    { fromIso: filter.from, toIso: filter.to, kinds },
    { limit: filter.limit, offset: filter.offset },
  );
  const items = await toEntryViews(page.items, mayReadPatients ? 'nurse' : role, deps.repos);
  if (mayReadPatients && items.some((item) => item.patient)) {
    const event = {
      clinicId: registration.clinicId,
      patientId: null,
      role,
      action: 'search',
      resource: `ledger/${registrationId}/entries`,
    } as const;
    await recordPatientAccess(event, ctx, deps);
  }
  return { items, total: page.total, head: await deps.repos.ledger.findHead(registrationId) };
}

/** The clinic's active physicians, for the prescriber of a take-home dispensing. */
export async function listPrescribers(registrationId: string, ctx: RequestContext, deps: Deps) {
  const { registration } = await authorizeRegistration(registrationId, 'ledger.dispense', 'dispense for use at home', ctx, deps);
  return { items: await deps.repos.ledger.listPhysicians(registration.clinicId) };
}
