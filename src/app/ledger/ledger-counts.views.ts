import type { RecordEntry } from '../../db/repositories/ledger-counts.repository.ts';
import type { CountKind } from '../../domain/ledger/counting.ts';
import { isDiscrepancy } from '../../domain/ledger/counting.ts';
import type { Repositories } from '../deps.ts';

/** One line of a `count` entry's details (ledger contract): book and counted quantities of one bucket. */
export interface CountLineDetails {
  lotId: string;
  locationId: string;
  containerId: string | null;
  bookContainers: number;
  bookMl: number;
  bookMg: number;
  countedContainers: number;
  countedMl: number;
  countedMg: number;
  differenceMl: number;
}

export interface CountDetails {
  countKind: CountKind;
  timeOfDay: 'opening' | 'close' | null;
  countedAt: string;
  locationId: string | null;
  secondCounter: { userId: string; name: string; role: string };
  note: string | null;
  lines: CountLineDetails[];
}

/** Names of lots and locations of one registration, for views (entries store ids). */
export async function loadStockNames(registrationId: string, repos: Repositories) {
  // One query at a time: inside a transaction the connection runs them in sequence anyway.
  const lots = await repos.ledger.listLots(registrationId);
  const locations = await repos.ledger.listLocations(registrationId);
  return {
    lots: new Map(lots.map((l) => [l.id, { productName: l.productName, lotNumber: l.lotNumber }])),
    locations: new Map(locations.map((l) => [l.id, l.name])),
  };
}
export type StockNames = Awaited<ReturnType<typeof loadStockNames>>;

/** A count line with names and its 1-based line number (discrepancies are addressed by count entry and line). */
export function toCountLineView(line: CountLineDetails, index: number, names: StockNames) {
  const lot = names.lots.get(line.lotId);
  return {
    lineNo: index + 1,
    lotId: line.lotId,
    productName: lot?.productName ?? '',
    lotNumber: lot?.lotNumber ?? '',
    locationId: line.locationId,
    locationName: names.locations.get(line.locationId) ?? '',
    containerId: line.containerId,
    bookContainers: line.bookContainers,
    bookMl: line.bookMl,
    bookMg: line.bookMg,
    countedContainers: line.countedContainers,
    countedMl: line.countedMl,
    countedMg: line.countedMg,
    differenceMl: line.differenceMl,
    discrepancy: isDiscrepancy(line),
  };
}

/** The Count view of a `count` entry (issue 5, item 5): who counted, the second counter, and each line against the book. */
export function toCountView(
  entry: Pick<RecordEntry, 'id' | 'seq' | 'recordedBy' | 'details'>,
  names: StockNames,
  people: Map<string, string>,
) {
  const details = entry.details as unknown as CountDetails;
  const lines = details.lines.map((line, index) => toCountLineView(line, index, names));
  return {
    id: entry.id,
    entryId: entry.id,
    seq: entry.seq,
    countKind: details.countKind,
    timeOfDay: details.timeOfDay,
    countedAt: details.countedAt,
    locationId: details.locationId ?? null,
    countedBy: { id: entry.recordedBy, name: people.get(entry.recordedBy) ?? '' },
    secondCounter: details.secondCounter,
    note: details.note,
    lines,
    discrepancies: lines.filter((l) => l.discrepancy).length,
  };
}
export type CountView = ReturnType<typeof toCountView>;
