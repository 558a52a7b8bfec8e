import PDFDocument from 'pdfkit';
import type { CsvCell } from '../../domain/ledger/csv.ts';
import type { ReportTable } from '../../domain/ledger/report-rows.ts';

/**
 * PDF rendering of a ledger report (issue 5 items 4 and 6): US Letter landscape, the header block (registrant, DEA
 * number, period, generator, chain head) on the first page, a table that wraps onto new pages with its column titles
 * repeated, and on every page "page N of M" and the chain head. pdfkit's standard Helvetica (WinAnsi) is used, so
 * nothing is installed on the server; characters outside Latin-1 may print poorly (the CSV keeps them exact).
 */

export interface PdfReport {
  title: string;
  header: readonly [string, string][];
  table: ReportTable;
  /** Footer text on every page, e.g. the chain head. */
  footer: string;
  generatedAt: Date;
}

const MARGIN_PT = 36;
const TABLE_FONT_PT = 7;
const HEADER_FONT_PT = 8.5;
const CELL_PAD_PT = 2;
/** A cell longer than this is cut in the PDF (a row must fit on one page); the CSV carries the whole text. */
const MAX_CELL_CHARS = 900;

const cellText = (cell: CsvCell): string => {
  const value = cell === null ? '' : String(cell);
  return value.length > MAX_CELL_CHARS ? `${value.slice(0, MAX_CELL_CHARS)}… (cut; full text in the CSV)` : value;
};

/** Longest text a column needs unbroken: its longest word (capped, so a hash may still wrap). */
const MAX_WORD_CHARS = 20;
/** Typical text length a column is widened towards. */
const MAX_DESIRED_CHARS = 120;

/**
 * Column widths in points: each column first gets room for its longest word (title in bold, cells in regular), so
 * titles and dates do not break mid-word; the rest of the page width goes to columns with longer text, in proportion.
 */
function columnWidths(doc: PDFKit.PDFDocument, table: ReportTable, totalPt: number): number[] {
  const sample = table.rows.slice(0, 200);
  const width = (text: string, font: string) => doc.font(font).fontSize(TABLE_FONT_PT).widthOfString(text) + 2 * CELL_PAD_PT + 1; // 1 pt slack: equal widths wrap
  const needs = table.columns.map((title, i) => {
    const cells = sample.map((row) => cellText(row[i] ?? null));
    const words = cells.flatMap((c) => c.split(/\s+/)).map((w) => w.slice(0, MAX_WORD_CHARS));
    const longestWord = (list: string[]) => list.reduce((a, b) => (b.length > a.length ? b : a), '');
    const minPt = Math.max(width(longestWord(title.split(' ')), 'Helvetica-Bold'), width(longestWord(words), 'Helvetica'));
    const longestCell = longestWord(cells).slice(0, MAX_DESIRED_CHARS);
    return { minPt, desiredPt: Math.max(minPt, width(longestCell, 'Helvetica')) };
  });
  const minSum = needs.reduce((a, n) => a + n.minPt, 0);
  if (minSum >= totalPt) return needs.map((n) => (n.minPt / minSum) * totalPt);
  const extraSum = needs.reduce((a, n) => a + (n.desiredPt - n.minPt), 0);
  const spare = totalPt - minSum;
  if (extraSum === 0) return needs.map((n) => n.minPt + spare / needs.length);
  return needs.map((n) => n.minPt + (spare * (n.desiredPt - n.minPt)) / extraSum);
}

/** Renders the report and resolves with the PDF bytes. */
export function renderReportPdf(report: PdfReport): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'LETTER',
    layout: 'landscape',
    margin: MARGIN_PT,
    bufferPages: true,
    info: { Title: report.title, Producer: 'KetaClinic', Creator: 'KetaClinic', CreationDate: report.generatedAt },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  writeHeaderBlock(doc, report);
  writeTable(doc, report.table);
  writeFooters(doc, report.footer);
  doc.end();
  return done;
}

function writeHeaderBlock(doc: PDFKit.PDFDocument, report: PdfReport) {
  doc.font('Helvetica-Bold').fontSize(14).text(report.title);
  doc.moveDown(0.5);
  const keyWidth = 130;
  const valueWidth = doc.page.width - 2 * MARGIN_PT - keyWidth;
  for (const [key, value] of report.header) {
    const y = doc.y;
    doc.font('Helvetica-Bold').fontSize(HEADER_FONT_PT).text(key, MARGIN_PT, y, { width: keyWidth });
    const keyBottom = doc.y;
    doc.font(key === 'Warning' ? 'Helvetica-Bold' : 'Helvetica').text(value, MARGIN_PT + keyWidth, y, { width: valueWidth });
    doc.y = Math.max(doc.y, keyBottom);
  }
  doc.moveDown(1);
}

function writeTable(doc: PDFKit.PDFDocument, table: ReportTable) {
  const left = MARGIN_PT;
  const widths = columnWidths(doc, table, doc.page.width - 2 * MARGIN_PT);
  const bottom = () => doc.page.height - MARGIN_PT - 14; // room for the footer line
  const rowHeight = (cells: string[], font: string) => {
    doc.font(font).fontSize(TABLE_FONT_PT);
    return Math.max(...cells.map((text, i) => doc.heightOfString(text || ' ', { width: widths[i]! - 2 * CELL_PAD_PT }))) + 2 * CELL_PAD_PT;
  };
  const drawRow = (cells: string[], font: string, shaded: boolean) => {
    const height = rowHeight(cells, font);
    const y = doc.y;
    if (shaded)
      doc
        .rect(
          left,
          y,
          widths.reduce((a, b) => a + b, 0),
          height,
        )
        .fill('#e8e8e8');
    doc.fillColor('black').font(font).fontSize(TABLE_FONT_PT);
    let x = left;
    cells.forEach((text, i) => {
      doc.text(text, x + CELL_PAD_PT, y + CELL_PAD_PT, { width: widths[i]! - 2 * CELL_PAD_PT });
      x += widths[i]!;
    });
    doc
      .moveTo(left, y + height)
      .lineTo(x, y + height)
      .lineWidth(0.3)
      .strokeColor('#999999')
      .stroke();
    doc.x = left;
    doc.y = y + height;
  };
  const drawTitles = () => drawRow(table.columns, 'Helvetica-Bold', true);

  if (doc.y + rowHeight(table.columns, 'Helvetica-Bold') * 2 > bottom()) doc.addPage();
  drawTitles();
  if (table.rows.length === 0) {
    doc
      .font('Helvetica-Oblique')
      .fontSize(HEADER_FONT_PT)
      .text('No entries in this period.', left, doc.y + 4);
    return;
  }
  for (const row of table.rows) {
    const cells = row.map(cellText);
    if (doc.y + rowHeight(cells, 'Helvetica') > bottom()) {
      doc.addPage();
      drawTitles();
    }
    drawRow(cells, 'Helvetica', false);
  }
}

/** "page N of M" and the chain head at the foot of every buffered page. */
function writeFooters(doc: PDFKit.PDFDocument, footer: string) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing below the margin would otherwise start a new page
    const y = doc.page.height - MARGIN_PT - 8;
    const width = doc.page.width - 2 * MARGIN_PT;
    doc.font('Helvetica').fontSize(7).fillColor('black');
    doc.text(footer, MARGIN_PT, y, { width: width - 80, lineBreak: false });
    doc.text(`page ${i - range.start + 1} of ${range.count}`, MARGIN_PT + width - 80, y, { width: 80, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottomMargin;
  }
}
