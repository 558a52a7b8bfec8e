/**
 * Ledger reports (issue 5, item 6; DOMAIN.md 10): pure mapping from chain entries to report tables. Each table keeps
 * the fields 21 CFR 1304.22(c) names for its record (receipts: supplier name, address, DEA number, date, containers;
 * dispensing: name and address of the person, date, quantity, who dispensed or administered; disposals: date,
 * manner, quantity) and the entry's seq, so every row can be traced to the hash chain.
 */
import type { CsvCell } from './csv.ts';
import type { Amount } from './quantities.ts';

/** One chain entry as a report reads it: people already named, the patient only for roles that may read it. */
export interface ReportEntry {
  id: string;
  seq: number;
  kind: string;
  occurredAt: string;
  recordedAt: string;
  recordedByName: string;
  patient: { name: string; mrn: string; address: string | null } | null;
  details: Record<string, unknown>;
  lines: { lotId: string; locationId: string; containerId: string | null; delta: Amount }[];
  /** Seq of the correction that reversed this entry, when there is one. */
  correctedBySeq: number | null;
  hashHex: string;
}

export interface ReportTable {
  columns: string[];
  rows: CsvCell[][];
}

type Details = Record<string, unknown>;

const text = (value: unknown): string => (typeof value === 'string' ? value : value == null ? '' : String(value));
const obj = (value: unknown): Details => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Details) : {});
const round = (value: number, places: number) => Number(value.toFixed(places)) + 0; // + 0 turns -0 into 0

/** 'YYYY-MM-DD HH:mm' wall-clock time of an instant in the clinic's IANA time zone (reports read in local time). */
export function formatLocalDateTime(instantIso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instantIso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

/** Quantity moved by an entry as absolute containers, mL and mg: the sum of |delta| over its lines (reports show
 *  how much was given, received or disposed of, not the sign). Rounded to the stored scales (4, 3, 3 decimals). */
export function absoluteAmount(lines: ReportEntry['lines']): Amount {
  const sum = lines.reduce(
    (acc, l) => ({
      containers: acc.containers + Math.abs(l.delta.containers),
      ml: acc.ml + Math.abs(l.delta.ml),
      mg: acc.mg + Math.abs(l.delta.mg),
    }),
    { containers: 0, ml: 0, mg: 0 },
  );
  return { containers: round(sum.containers, 4), ml: round(sum.ml, 3), mg: round(sum.mg, 3) };
}

/** A quantity as entered ({ value, unit }) as text, e.g. '35 mg'. */
function quantityText(value: unknown): string {
  const q = obj(value);
  return q.value === undefined ? '' : `${text(q.value)} ${text(q.unit)}`;
}

const witnessNames = (details: Details): string[] =>
  (Array.isArray(details.witnesses) ? details.witnesses : []).map((w) => `${text(obj(w).name)} (${text(obj(w).role)})`);

const AMOUNT_COLUMNS = ['Containers', 'mL', 'mg'] as const;
const amountCells = (entry: ReportEntry): CsvCell[] => {
  const a = absoluteAmount(entry.lines);
  return [a.containers, a.ml, a.mg];
};

export const ADMINISTRATION_COLUMNS = [
  'Date/time',
  'Kind',
  'Patient',
  'MRN',
  'Patient address',
  'Product',
  'Lot',
  ...AMOUNT_COLUMNS,
  'Dose as entered',
  'Given/dispensed by',
  'Prescriber',
  'Witness',
  'Seq',
  'Corrected by seq',
];

/**
 * The administration and dispensing log (1304.22(c)): administrations, dispensings and wastes of a draw's remainder
 * (linked by details.administrationEntryId; the patient is the administration's). Other wastes are disposals.
 */
export function toAdministrationTable(entries: readonly ReportEntry[], timeZone: string): ReportTable {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const rows = entries
    .filter((e) => e.kind === 'administration' || e.kind === 'dispensing' || (e.kind === 'waste' && e.details.administrationEntryId))
    .map((e): CsvCell[] => {
      const d = e.details;
      const patient = e.kind === 'waste' ? (byId.get(text(d.administrationEntryId))?.patient ?? null) : e.patient;
      const by = e.kind === 'administration' ? text(obj(d.givenBy).name) || e.recordedByName : e.recordedByName;
      return [
        formatLocalDateTime(e.occurredAt, timeZone),
        e.kind,
        // A dispensing keeps the name and address of its day (1304.22(c)); later moves do not rewrite the log.
        text(obj(d.dispensedTo).name) || (patient?.name ?? ''),
        patient?.mrn ?? '',
        e.kind === 'dispensing' ? text(obj(d.dispensedTo).address) || (patient?.address ?? '') : '',
        text(d.productName),
        text(d.lotNumber),
        ...amountCells(e),
        quantityText(e.kind === 'administration' ? d.dose : d.quantity),
        by,
        e.kind === 'dispensing' ? text(obj(d.prescriber).name) : '',
        witnessNames(d).join('; '),
        e.seq,
        e.correctedBySeq,
      ];
    });
  return { columns: [...ADMINISTRATION_COLUMNS], rows };
}

export const RECEIPT_COLUMNS = [
  'Date received',
  'Kind',
  'Supplier',
  'Supplier address',
  'Supplier DEA number',
  'Invoice',
  'Product',
  'NDC',
  'Lot',
  'Expires',
  ...AMOUNT_COLUMNS,
  'Recorded by',
  'Seq',
  'Corrected by seq',
];

/** Receipts (1304.22(c): date, containers, supplier's name, address and DEA number) and distributions received
 *  from another registrant kept here (kind distribution_in, no invoice). */
export function toReceiptTable(entries: readonly ReportEntry[], timeZone: string): ReportTable {
  const rows = entries
    .filter((e) => e.kind === 'receipt' || e.kind === 'distribution_in')
    .map((e): CsvCell[] => {
      const d = e.details;
      const supplier = obj(d.supplier);
      return [
        text(d.receivedOn) || formatLocalDateTime(e.occurredAt, timeZone).slice(0, 10),
        e.kind,
        text(supplier.name),
        text(supplier.address),
        text(supplier.deaNumber),
        text(d.invoiceNumber),
        text(d.productName),
        text(d.ndc),
        text(d.lotNumber),
        text(d.expiresOn),
        ...amountCells(e),
        e.recordedByName,
        e.seq,
        e.correctedBySeq,
      ];
    });
  return { columns: [...RECEIPT_COLUMNS], rows };
}

/** Completion of the two theft/loss tasks (loss_task_done entries), by loss entry id and task. */
export type LossTaskCompletions = ReadonlyMap<string, ReadonlyMap<string, string>>;

/** Collects loss_task_done entries (of any date: a task may be completed after the report's range) by loss entry. */
export function collectLossTaskCompletions(taskEntries: readonly ReportEntry[], timeZone: string): LossTaskCompletions {
  const done = new Map<string, Map<string, string>>();
  for (const e of taskEntries.filter((t) => t.kind === 'loss_task_done')) {
    const lossId = text(e.details.lossEntryId);
    const tasks = done.get(lossId) ?? new Map<string, string>();
    tasks.set(text(e.details.task), formatLocalDateTime(text(e.details.completedAt) || e.occurredAt, timeZone));
    done.set(lossId, tasks);
  }
  return done;
}

export const LOSS_COLUMNS = [
  'Discovered at',
  'Type',
  'Significant',
  'Description',
  'Product',
  'Lot',
  ...AMOUNT_COLUMNS,
  'DEA notice due',
  'DEA notice',
  'Form 106 due',
  'Form 106',
  'Recorded by',
  'Seq',
  'Corrected by seq',
];

/**
 * Thefts and losses (21 CFR 1301.76(b), DOMAIN.md 10): written notice within one business day, Form 106 within 45
 * days, for thefts and significant losses. A task reads 'done <time>' when a loss_task_done entry names it,
 * 'open' when due, 'not required' when the loss is neither a theft nor significant.
 */
export function toLossTable(entries: readonly ReportEntry[], completions: LossTaskCompletions, timeZone: string): ReportTable {
  const status = (e: ReportEntry, task: string) => {
    if (!e.details.deadlines) return 'not required';
    const at = completions.get(e.id)?.get(task);
    return at ? `done ${at}` : 'open';
  };
  const due = (value: unknown) => (typeof value === 'string' ? formatLocalDateTime(value, timeZone) : '');
  const rows = entries
    .filter((e) => e.kind === 'loss')
    .map((e): CsvCell[] => {
      const d = e.details;
      const deadlines = obj(d.deadlines);
      return [
        due(d.discoveredAt),
        text(d.lossType),
        d.significant === true ? 'yes' : 'no',
        text(d.description),
        text(d.productName),
        text(d.lotNumber),
        ...amountCells(e),
        due(deadlines.deaNoticeDueAt),
        status(e, 'dea_notice_1_business_day'),
        due(deadlines.form106DueAt),
        status(e, 'form_106_45_days'),
        e.recordedByName,
        e.seq,
        e.correctedBySeq,
      ];
    });
  return { columns: [...LOSS_COLUMNS], rows };
}
