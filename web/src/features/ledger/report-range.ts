import type { ReportKind } from './ledger.api.ts';

export const REPORT_LABELS: Record<ReportKind, string> = {
  'administration-dispensing': 'Administration and dispensing log',
  receipts: 'Receipts',
  losses: 'Losses and thefts',
  destructions: 'Destructions',
  inventory: 'Inventory (a count beside the book)',
  entries: 'All entries',
};

/** `YYYY-MM-DD` minus whole days, in calendar arithmetic (UTC, so no daylight-saving shift). */
export function daysBefore(isoDay: string, days: number): string {
  const date = new Date(`${isoDay}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The report range as query parameters: inclusive calendar days; a blank or malformed day is left out. */
export function toRangeQuery(from: string, to: string): { from?: string; to?: string } {
  return { ...(ISO_DAY.test(from) ? { from } : {}), ...(ISO_DAY.test(to) ? { to } : {}) };
}

/** `ab12cd34ef56…`: enough of a SHA-256 to compare by eye with a printed report. */
export function hashPrefix(hashHex: string, length = 12): string {
  return hashHex.length > length ? `${hashHex.slice(0, length)}…` : hashHex;
}

/**
 * Calendar days (inclusive) as the instants the entries API filters `occurredAt` by: from the start of the first day
 * to the last millisecond of the last, in the browser's time zone.
 */
export function toInstantRange(from: string, to: string): { from?: string; to?: string } {
  const days = toRangeQuery(from, to);
  return {
    ...(days.from ? { from: new Date(`${days.from}T00:00:00`).toISOString() } : {}),
    ...(days.to ? { to: new Date(`${days.to}T23:59:59.999`).toISOString() } : {}),
  };
}
