/**
 * Ledger reports (issue 5, item 6), continued: disposals (DEA Form 41 and the other ways stock leaves: 1304.22(c)
 * "disposed of otherwise, with date, manner and quantity"; DOMAIN.md 10) and the full chain listing.
 */
import type { CsvCell } from './csv.ts';
import { absoluteAmount, formatLocalDateTime, type ReportEntry, type ReportTable } from './report-rows.ts';

type Details = Record<string, unknown>;
const text = (value: unknown): string => (typeof value === 'string' ? value : value == null ? '' : String(value));
const obj = (value: unknown): Details => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Details) : {});
const cell = (value: unknown): CsvCell => (typeof value === 'number' ? value : text(value));

/** Kinds in the disposals report, in one table told apart by the Kind column (one table keeps the CSV flat). */
export const DISPOSAL_KINDS = ['destruction', 'return', 'distribution_out', 'breakage', 'waste'] as const;

export const DISPOSAL_COLUMNS = [
  'Date/time',
  'Kind',
  'Product',
  'NDC',
  'Lot',
  'Strength mg/mL',
  'Form',
  'Package mL',
  'Full packages',
  'Partial mL',
  'Containers',
  'mL',
  'mg',
  'Method or reason',
  'Place or recipient',
  'Recipient DEA number',
  'Witness 1',
  'Witness 2',
  'Recorded by',
  'Seq',
  'Corrected by seq',
];

/** What was done with the stock and where it went, per kind (Form 41: method and place; returns: the recipient). */
function manner(e: ReportEntry): [string, string, string] {
  const d = e.details;
  const recipient = obj(d.recipient);
  const to = [text(recipient.name), text(recipient.address)].filter(Boolean).join(', ');
  switch (e.kind) {
    case 'destruction':
      return [text(obj(d.form41).method), text(obj(d.form41).placeOfDestruction), ''];
    case 'return':
      return [`return to ${text(d.recipientType).replace('_', ' ')}: ${text(d.reason)}`, to, text(recipient.deaNumber)];
    case 'distribution_out':
      return ['distribution to another registrant', to, text(recipient.deaNumber)];
    case 'breakage':
      return [`breakage: ${text(d.description)}`, '', ''];
    default:
      return [`waste: ${text(d.reason)}`, '', ''];
  }
}

/**
 * Destructions with the DEA Form 41 fields (details.form41: NDC, batch, name, strength, form, package quantity, full
 * packages, partial count, method, place; two witnesses), plus returns to a supplier or reverse distributor,
 * distributions, breakage and wastes not tied to an administration (those are in the administration log).
 */
export function toDisposalTable(entries: readonly ReportEntry[], timeZone: string): ReportTable {
  const rows = entries
    .filter((e) => (DISPOSAL_KINDS as readonly string[]).includes(e.kind) && !(e.kind === 'waste' && e.details.administrationEntryId))
    .map((e): CsvCell[] => {
      const d = e.details;
      const form41 = obj(d.form41);
      const amount = absoluteAmount(e.lines);
      const sealed = e.lines.every((l) => l.containerId === null);
      const witnesses = (Array.isArray(d.witnesses) ? d.witnesses : []).map((w) => `${text(obj(w).name)} (${text(obj(w).role)})`);
      return [
        formatLocalDateTime(e.occurredAt, timeZone),
        e.kind,
        text(d.productName),
        text(d.ndc),
        text(d.lotNumber),
        cell(d.concentrationMgPerMl),
        text(form41.form),
        cell(d.containerVolumeMl),
        form41.fullPackages !== undefined ? cell(form41.fullPackages) : sealed ? amount.containers : 0,
        form41.partialCountMl !== undefined ? cell(form41.partialCountMl) : sealed ? 0 : amount.ml,
        amount.containers,
        amount.ml,
        amount.mg,
        ...manner(e),
        witnesses[0] ?? '',
        witnesses[1] ?? '',
        e.recordedByName,
        e.seq,
        e.correctedBySeq,
      ];
    });
  return { columns: [...DISPOSAL_COLUMNS], rows };
}

/** Names the chain listing shows instead of ids. */
export interface ChainLabels {
  lotNumbers: ReadonlyMap<string, string>;
  locationNames: ReadonlyMap<string, string>;
}

const signed = (value: number) => (value > 0 ? `+${value}` : String(value));

/** One line of an entry as text: '<lot> at <location> sealed|opened <id>: +5 containers / +50 mL / +500 mg'. */
function lineText(line: ReportEntry['lines'][number], labels: ChainLabels): string {
  const lot = labels.lotNumbers.get(line.lotId) ?? line.lotId;
  const place = labels.locationNames.get(line.locationId) ?? line.locationId;
  const bucket = line.containerId ? `opened ${line.containerId.slice(0, 8)}` : 'sealed';
  const { containers, ml, mg } = line.delta;
  return `lot ${lot} at ${place} ${bucket}: ${signed(containers)} containers / ${signed(ml)} mL / ${signed(mg)} mg`;
}

/**
 * The full chain for a range in seq order, with every entry's hash (issue 5 item 4: a printed chain can be checked
 * against `ketaclinic ledger verify`). withPatients false drops the patient column (admins never see patients).
 */
export function toChainTable(
  entries: readonly ReportEntry[],
  labels: ChainLabels,
  options: { withPatients: boolean; timeZone: string },
): ReportTable {
  const columns = ['Seq', 'Kind', 'Occurred at', 'Recorded at', 'Recorded by'];
  if (options.withPatients) columns.push('Patient');
  columns.push('Lines', 'Details', 'Corrected by seq', 'Hash (SHA-256)');
  const rows = [...entries]
    .sort((a, b) => a.seq - b.seq)
    .map((e): CsvCell[] => [
      e.seq,
      e.kind,
      formatLocalDateTime(e.occurredAt, options.timeZone),
      formatLocalDateTime(e.recordedAt, options.timeZone),
      e.recordedByName,
      ...(options.withPatients ? [e.patient ? `${e.patient.name} (${e.patient.mrn})` : ''] : []),
      e.lines.map((l) => lineText(l, labels)).join('; '),
      JSON.stringify(e.details),
      e.correctedBySeq,
      e.hashHex,
    ]);
  return { columns, rows };
}
