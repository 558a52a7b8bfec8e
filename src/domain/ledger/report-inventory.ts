/**
 * Inventory report (issue 5 item 6; 21 CFR 1304.11, DOMAIN.md 10): a physical count recorded on its date, at the
 * opening or close of business, shown beside the book balance. Only an initial or biennial inventory count is an
 * inventory; a shift or daily count prints as a "Count".
 */
import type { CsvCell } from './csv.ts';
import { addMonths } from './report-layout.ts';
import type { ReportTable } from './report-rows.ts';

/** 1304.11(c): a biennial inventory at least every 2 years (DOMAIN.md 10: <= 24 months between inventories). */
export const BIENNIAL_INTERVAL_MONTHS = 24;

export const INVENTORY_COUNT_KINDS: ReadonlySet<string> = new Set(['initial_inventory', 'biennial_inventory']);

/** A count line as stored in a `count` entry's details (ledger contract); figures may be numbers or decimal text. */
export interface CountLine {
  lotId: string;
  locationId: string;
  containerId: string | null;
  bookContainers: number | string;
  bookMl: number | string;
  bookMg: number | string;
  countedContainers: number | string;
  countedMl: number | string;
  countedMg: number | string;
  differenceMl?: number | string | undefined;
}

export interface LotLabel {
  productName: string;
  lotNumber: string;
  ndc: string | null;
  expiresOn: string;
}

export const INVENTORY_COLUMNS = [
  'Location',
  'Product',
  'NDC',
  'Lot',
  'Expires',
  'Container',
  'Book containers',
  'Book mL',
  'Book mg',
  'Counted containers',
  'Counted mL',
  'Counted mg',
  'Difference containers',
  'Difference mL',
  'Difference mg',
];

const num = (value: number | string | undefined) => Number(value ?? 0);
const diff = (counted: number, book: number, places: number) => Number((counted - book).toFixed(places)) + 0;

/** Each counted bucket beside its book balance and the difference counted - book (negative = missing stock). */
export function toInventoryTable(
  lines: readonly CountLine[],
  labels: { lots: ReadonlyMap<string, LotLabel>; locationNames: ReadonlyMap<string, string> },
): ReportTable {
  const rows = lines.map((l): CsvCell[] => {
    const lot = labels.lots.get(l.lotId);
    const book = { containers: num(l.bookContainers), ml: num(l.bookMl), mg: num(l.bookMg) };
    const counted = { containers: num(l.countedContainers), ml: num(l.countedMl), mg: num(l.countedMg) };
    return [
      labels.locationNames.get(l.locationId) ?? l.locationId,
      lot?.productName ?? '',
      lot?.ndc ?? '',
      lot?.lotNumber ?? l.lotId,
      lot?.expiresOn ?? '',
      l.containerId ? `opened ${l.containerId.slice(0, 8)}` : 'sealed',
      book.containers,
      book.ml,
      book.mg,
      counted.containers,
      counted.ml,
      counted.mg,
      diff(counted.containers, book.containers, 4),
      l.differenceMl !== undefined ? num(l.differenceMl) : diff(counted.ml, book.ml, 3),
      diff(counted.mg, book.mg, 3),
    ];
  });
  return { columns: [...INVENTORY_COLUMNS], rows };
}

export interface CountSummary {
  countKind: string;
  timeOfDay: string | null;
  /** Local date of the count. */
  countDate: string;
  countedBy: string;
  secondCounter: string;
  /** Local date of the latest initial or biennial inventory before this count, if any. */
  previousInventoryDate: string | null;
}

/**
 * Title and header lines of an inventory or count: kind, date, opening or close of business (1304.11(a)), both
 * counters, the previous inventory and a warning when more than BIENNIAL_INTERVAL_MONTHS lie between the two.
 */
export function describeCount(summary: CountSummary): { title: string; isInventory: boolean; extra: [string, string][] } {
  const isInventory = INVENTORY_COUNT_KINDS.has(summary.countKind);
  const kindText = summary.countKind.replaceAll('_', ' ');
  const title = isInventory ? `Inventory (${kindText}, 21 CFR 1304.11)` : `Count (${kindText}; not an inventory under 21 CFR 1304.11)`;
  const timeOfDay =
    summary.timeOfDay === 'opening' ? 'opening of business' : summary.timeOfDay === 'close' ? 'close of business' : 'not stated';
  const extra: [string, string][] = [
    ['Count kind', kindText],
    ['Count date', summary.countDate],
    ['Opening or close of business', timeOfDay],
    ['Counted by', summary.countedBy],
    ['Second counter', summary.secondCounter],
    ['Previous inventory', summary.previousInventoryDate ?? 'none recorded in this ledger'],
  ];
  const warning = inventoryGapWarning(summary.previousInventoryDate, summary.countDate);
  if (warning) extra.push(['Warning', warning]);
  return { title, isInventory, extra };
}

/** A warning when the next inventory came (or is still due) more than 24 months after the previous one (1304.11(c)). */
export function inventoryGapWarning(previousDate: string | null, date: string): string | null {
  if (!previousDate) return null;
  const dueBy = addMonths(previousDate, BIENNIAL_INTERVAL_MONTHS);
  return date > dueBy
    ? `More than ${BIENNIAL_INTERVAL_MONTHS} months between the inventory of ${previousDate} and ${date}: the biennial inventory was due by ${dueBy} (21 CFR 1304.11(c)).`
    : null;
}
