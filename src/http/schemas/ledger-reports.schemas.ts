import { z } from 'zod';
import { REPORT_KINDS } from '../../domain/ledger/report-layout.ts';

/** Request shapes of GET /api/ledger/registrations/:registrationId/reports/:report (issue 5 item 6). */

const id = z.string().min(1).max(64);

export const reportParamsSchema = z.strictObject({ registrationId: id, report: z.enum(REPORT_KINDS) });

/** Dates are checked by resolveReportRange (real dates, to >= from, at most 3 years), so its issues name the field. */
export const reportQuerySchema = z.strictObject({
  from: z.string().max(20).optional(),
  to: z.string().max(20).optional(),
  format: z.enum(['csv', 'pdf']).default('csv'),
  /** The count an inventory report shows (required for report=inventory). */
  countEntryId: id.optional(),
});

/** The file: text/csv; charset=utf-8 or application/pdf, sent as an attachment. */
export const reportFileSchema = z.unknown().describe('The report file (text/csv; charset=utf-8 or application/pdf).');
