/**
 * CSV for ledger reports (issue 5, item 6): RFC 4180 (fields with a comma, quote, CR or LF are quoted, quotes
 * doubled, CRLF after every record) with the OWASP CSV-injection guard: a text cell that starts with = + - @,
 * tab or CR and is not a number gets a leading apostrophe, so a spreadsheet shows it as text and never runs it.
 */

export type CsvCell = string | number | null;

// A plain decimal number ('-0.2000', '+3', '1.5e3'): signed numbers are data, not formulas, and stay as they are.
const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** Escapes one cell: null -> empty, numbers as written by String(), formula guard, then RFC 4180 quoting.
 *  Sources: RFC 4180 section 2; OWASP "CSV Injection". */
export function escapeCsvCell(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) throw new RangeError(`cannot write ${cell} to a CSV report`);
    return String(cell);
  }
  const guarded = FORMULA_START.test(cell) && !NUMBER_TEXT.test(cell) ? `'${cell}` : cell;
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

/** Writes a header and rows as RFC 4180 CSV with CRLF line ends (each record, the last too) and the formula
 *  guard on every text cell (RFC 4180; OWASP CSV Injection). Throws when a row's length differs from the header. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header.map(escapeCsvCell).join(',')];
  rows.forEach((row, index) => {
    if (row.length !== header.length) {
      throw new RangeError(`CSV row ${index + 1} has ${row.length} cells, the header has ${header.length}`);
    }
    lines.push(row.map(escapeCsvCell).join(','));
  });
  return `${lines.join('\r\n')}\r\n`;
}
