/**
 * Physical counts of controlled-substance stock (issue 5, item 5; DOMAIN.md 10, 21 CFR 1304.11): two people count every
 * bucket (sealed containers whole, opened containers in exact mL), each line is compared with the book balance, and
 * a difference becomes a discrepancy that is investigated, corrected or reported as a loss. Pure: no I/O, no clock.
 */
import { type Amount, type LotMeasure, roundAmount } from './quantities.ts';

export const COUNT_KINDS = ['shift', 'daily', 'initial_inventory', 'biennial_inventory'] as const;
export type CountKind = (typeof COUNT_KINDS)[number];

/** 21 CFR 1304.11(a) (DOMAIN.md 10): an inventory states whether it was taken at the opening or close of business. */
export const INVENTORY_COUNT_KINDS: ReadonlySet<CountKind> = new Set(['initial_inventory', 'biennial_inventory']);

export const DISCREPANCY_ACTIONS = ['investigating', 'resolved_by_correction', 'reported_as_loss', 'resolved_no_change'] as const;
export type DiscrepancyAction = (typeof DISCREPANCY_ACTIONS)[number];
export type DiscrepancyStatus = 'open' | 'investigating' | 'resolved';

const RESOLVING_ACTIONS: ReadonlySet<DiscrepancyAction> = new Set(['resolved_by_correction', 'reported_as_loss', 'resolved_no_change']);

/** Half of the smallest stored mL step (numeric(14,3)): differences below it are rounding, not stock. */
export const ML_TOLERANCE = 0.0005;
const CONTAINER_TOLERANCE = 0.00005;

export interface BucketRef {
  lotId: string;
  locationId: string;
  /** '' for sealed stock, else the opened container's id. */
  containerId: string;
}

export const bucketKeyOf = (b: BucketRef) => `${b.lotId}\u001f${b.locationId}\u001f${b.containerId}`;

/**
 * The counted quantity as containers, mL and mg: sealed stock is counted in whole containers, an opened container in
 * exact mL (mL = containers x containerVolumeMl, mg = mL x concentrationMgPerMl; src/domain/ledger/quantities.ts).
 */
export function toCountedAmount(count: { containers: number } | { ml: number }, lot: LotMeasure): Amount {
  if ('containers' in count) {
    const ml = count.containers * lot.containerVolumeMl;
    return roundAmount({ containers: count.containers, ml, mg: ml * lot.concentrationMgPerMl });
  }
  return roundAmount({ containers: count.ml / lot.containerVolumeMl, ml: count.ml, mg: count.ml * lot.concentrationMgPerMl });
}

/** Counted minus book in mL, rounded to the stored 3 decimals (positive = more found than the books say). */
export function differenceMlOf(bookMl: number, countedMl: number): number {
  const difference = Number((countedMl - bookMl).toFixed(3));
  return Object.is(difference, -0) ? 0 : difference;
}

/** A count line is a discrepancy when the counted mL or containers differ from the book (beyond storage rounding). */
export function isDiscrepancy(line: { bookMl: number; countedMl: number; bookContainers: number; countedContainers: number }): boolean {
  return (
    Math.abs(line.countedMl - line.bookMl) > ML_TOLERANCE || Math.abs(line.countedContainers - line.bookContainers) > CONTAINER_TOLERANCE
  );
}

/**
 * The buckets a count must cover but does not: every bucket with a non-zero book balance (in the counted location
 * when the count is of one location). A count is of everything there, so a missing bucket is refused, not assumed 0.
 */
export function findUncountedBuckets<B extends BucketRef & { ml: number; containers: number }>(
  book: readonly B[],
  counted: readonly BucketRef[],
  locationId: string | null,
): B[] {
  const countedKeys = new Set(counted.map(bucketKeyOf));
  return book.filter(
    (b) => (b.ml !== 0 || b.containers !== 0) && (locationId === null || b.locationId === locationId) && !countedKeys.has(bucketKeyOf(b)),
  );
}

/** Buckets named more than once in one count. */
export function findDuplicateBuckets(counted: readonly BucketRef[]): BucketRef[] {
  const seen = new Set<string>();
  return counted.filter((b) => {
    const key = bucketKeyOf(b);
    if (seen.has(key)) return true;
    seen.add(key);
    return false;
  });
}

/** Status from the actions recorded so far (oldest first): any resolving action closes it; else investigating or open. */
export function discrepancyStatusOf(actions: readonly { action: DiscrepancyAction }[]): DiscrepancyStatus {
  if (actions.some((a) => RESOLVING_ACTIONS.has(a.action))) return 'resolved';
  return actions.some((a) => a.action === 'investigating') ? 'investigating' : 'open';
}

/**
 * How far before the server clock a count may be dated [M] (clinic policy, no DEA figure): a count is recorded as it
 * is made and compared with the book read now, so an older count would compare one moment's stock with another's.
 */
export const COUNTED_AT_MAX_AGE_MS = 15 * 60_000;
/** Clock skew allowed between the counting device and the server [M]. */
export const COUNTED_AT_MAX_AHEAD_MS = 60_000;

/** Why countedAt cannot be compared with the book read at nowMs, or null when it is within [now − 15 min, now + 1 min]. */
export function countedAtIssue(countedAtMs: number, nowMs: number): string | null {
  if (countedAtMs > nowMs + COUNTED_AT_MAX_AHEAD_MS) return 'cannot be in the future';
  if (countedAtMs < nowMs - COUNTED_AT_MAX_AGE_MS) {
    return 'must be within 15 minutes before now: record a count as it is made, since it is compared with the book now';
  }
  return null;
}

/** A stock line of a ledger entry ('' or null container = sealed stock). */
export interface EntryLineRef {
  lotId: string;
  locationId: string;
  containerId: string | null;
}

/** Whether an entry's lines move stock in the discrepancy's bucket (same lot, location and container). */
export function entryTouchesBucket(lines: readonly EntryLineRef[], bucket: EntryLineRef): boolean {
  const key = bucketKeyOf({ ...bucket, containerId: bucket.containerId ?? '' });
  return lines.some((l) => bucketKeyOf({ ...l, containerId: l.containerId ?? '' }) === key);
}

export const LOSS_TASKS = ['dea_notice_1_business_day', 'form_106_45_days'] as const;
export type LossTaskKind = (typeof LOSS_TASKS)[number];
export type LossTaskStatus = 'open' | 'overdue' | 'done';

/** 21 CFR 1301.76(b) (DOMAIN.md 10): written notice within one business day of discovery; Form 106 within 45 days. */
export const LOSS_TASK_TITLES: Record<LossTaskKind, string> = {
  dea_notice_1_business_day: 'Notify the DEA Field Division in writing (within one business day of discovery)',
  form_106_45_days: 'File DEA Form 106 electronically (within 45 days of discovery)',
};

/** The two tasks of a reportable theft or loss, due at the deadlines stored in the loss entry (loss-deadlines.ts). */
export function lossTasksOf(deadlines: { deaNoticeDueAt: string; form106DueAt: string }): { task: LossTaskKind; dueAt: string }[] {
  return [
    { task: 'dea_notice_1_business_day', dueAt: deadlines.deaNoticeDueAt },
    { task: 'form_106_45_days', dueAt: deadlines.form106DueAt },
  ];
}

/** Done once completed; otherwise overdue after its due instant (nowMs from the injected clock), else open. */
export function lossTaskStatusOf(dueAtIso: string, completed: boolean, nowMs: number): LossTaskStatus {
  if (completed) return 'done';
  return nowMs > Date.parse(dueAtIso) ? 'overdue' : 'open';
}
