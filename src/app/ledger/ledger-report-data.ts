import type { RegistrationRow, StoredEntry } from '../../db/repositories/ledger.repository.ts';
import type { LedgerEntryKind } from '../../domain/ledger/ledger-entry.ts';
import { endOfLocalDay } from '../../domain/ledger/loss-deadlines.ts';
import { addDays } from '../../domain/ledger/report-layout.ts';
import type { ReportEntry } from '../../domain/ledger/report-rows.ts';
import type { Repositories } from '../deps.ts';
import { loadEntryLabels } from './ledger-reads.usecases.ts';

/**
 * Reading the chain for a report (issue 5 item 6): every entry of the chosen kinds in a local date range, up to the
 * chain head read at the start, so the rows and the head printed in the header describe the same state of the chain.
 */

const PAGE_SIZE = 1000;

/** The UTC instants that bound an inclusive range of local dates in the clinic's time zone. */
export function rangeInstants(period: { from: string; to: string }, timeZone: string): { fromIso: string; toIso: string } {
  const fromIso = new Date(Date.parse(endOfLocalDay(addDays(period.from, -1), timeZone)) + 1).toISOString();
  return { fromIso, toIso: endOfLocalDay(period.to, timeZone) };
}

/** Entries of a registration in seq order with seq <= maxSeq; the repository pages newest first, so a duplicate
 *  caused by an entry appended between pages is dropped by id. */
export async function loadEntries(
  repos: Repositories,
  registrationId: string,
  filter: { fromIso?: string; toIso?: string; kinds: LedgerEntryKind[] },
  maxSeq: number,
): Promise<StoredEntry[]> {
  const byId = new Map<string, StoredEntry>();
  for (let offset = 0; ; offset += PAGE_SIZE) {
    const page = await repos.ledger.listEntries(registrationId, filter, { limit: PAGE_SIZE, offset });
    for (const entry of page.items) if (entry.seq <= maxSeq) byId.set(entry.id, entry);
    if (page.items.length < PAGE_SIZE) break;
  }
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
}

/**
 * Entries as report rows read them: the recorder's name, the patient's name, MRN and address (1304.22(c)) only when
 * withPatients, and the seq of a correction that reversed the entry (only corrections inside the reported head).
 */
export async function toReportEntries(
  entries: StoredEntry[],
  options: { withPatients: boolean; maxSeq: number },
  repos: Repositories,
): Promise<ReportEntry[]> {
  const { people, patients, corrections } = await loadEntryLabels(entries, options.withPatients, repos);
  const seqById = new Map(entries.map((e) => [e.id, e.seq]));
  const correctionSeq = new Map<string, number>();
  for (const [entryId, correctionId] of corrections) {
    const seq = seqById.get(correctionId) ?? (await repos.ledger.findEntry(correctionId))?.seq;
    if (seq !== undefined && seq <= options.maxSeq) correctionSeq.set(entryId, seq);
  }
  return entries.map((e) => {
    const patient = e.patientId ? patients.get(e.patientId) : undefined;
    return {
      id: e.id,
      seq: e.seq,
      kind: e.kind,
      occurredAt: e.occurredAt,
      recordedAt: e.recordedAt,
      recordedByName: people.get(e.recordedBy) ?? '',
      patient: patient ? { name: patient.name, mrn: patient.mrn, address: patient.address } : null,
      details: JSON.parse(e.detailsJson) as Record<string, unknown>,
      lines: e.lines.map((l) => ({
        lotId: l.lotId,
        locationId: l.locationId,
        containerId: l.containerId || null,
        delta: { containers: Number(l.deltaContainers), ml: Number(l.deltaMl), mg: Number(l.deltaMg) },
      })),
      correctedBySeq: correctionSeq.get(e.id) ?? null,
      hashHex: e.hashHex,
    };
  });
}

/** Lot and storage location labels of a registration, for rows that name buckets. */
export async function loadLabels(registration: RegistrationRow, repos: Repositories) {
  const [lots, locations] = await Promise.all([repos.ledger.listLots(registration.id), repos.ledger.listLocations(registration.id)]);
  return {
    lots: new Map(lots.map((l) => [l.id, { productName: l.productName, lotNumber: l.lotNumber, ndc: l.ndc, expiresOn: l.expiresOn }])),
    lotNumbers: new Map(lots.map((l) => [l.id, l.lotNumber])),
    locationNames: new Map(locations.map((l) => [l.id, l.name])),
  };
}
