import { describe, expect, it } from 'vitest';
import {
  COUNTED_AT_MAX_AGE_MS,
  countedAtIssue,
  differenceMlOf,
  discrepancyStatusOf,
  entryTouchesBucket,
  findDuplicateBuckets,
  findUncountedBuckets,
  isDiscrepancy,
  lossTaskStatusOf,
  lossTasksOf,
  toCountedAmount,
} from './counting.ts';

/** A 10 mL vial of 10 mg/mL ketamine (the demo library's ketamine-10-mg-ml). */
const VIAL = { containerVolumeMl: 10, concentrationMgPerMl: 10 };

describe('toCountedAmount', () => {
  it('counts sealed stock in whole containers and derives mL and mg (mL = containers x volume, mg = mL x mg/mL)', () => {
    expect(toCountedAmount({ containers: 3 }, VIAL)).toEqual({ containers: 3, ml: 30, mg: 300 });
  });
  it('counts an opened container in exact mL', () => {
    expect(toCountedAmount({ ml: 6.5 }, VIAL)).toEqual({ containers: 0.65, ml: 6.5, mg: 65 });
  });
  it('rounds to the stored scale (4 decimals containers, 3 mL and mg)', () => {
    expect(toCountedAmount({ ml: 3.3333 }, { containerVolumeMl: 3, concentrationMgPerMl: 1 })).toEqual({
      containers: 1.1111,
      ml: 3.333,
      mg: 3.333,
    });
  });
});

describe('differences and discrepancies', () => {
  it('gives counted minus book in mL at 3 decimals, never -0', () => {
    expect(differenceMlOf(6.5, 6.2)).toBe(-0.3);
    expect(differenceMlOf(0, 10)).toBe(10);
    expect(Object.is(differenceMlOf(1.1, 1.1), 0)).toBe(true);
  });
  it.each([
    [{ bookMl: 6.5, countedMl: 6.5, bookContainers: 0.65, countedContainers: 0.65 }, false],
    [{ bookMl: 6.5, countedMl: 6.4, bookContainers: 0.65, countedContainers: 0.64 }, true],
    [{ bookMl: 6.5, countedMl: 6.5004, bookContainers: 0.65, countedContainers: 0.65 }, false],
    [{ bookMl: 0, countedMl: 10, bookContainers: 0, countedContainers: 1 }, true],
  ])('%o is a discrepancy: %s', (line, expected) => {
    expect(isDiscrepancy(line)).toBe(expected);
  });
});

describe('findUncountedBuckets', () => {
  const book = [
    { lotId: 'L1', locationId: 'safe', containerId: '', containers: 4, ml: 40, mg: 400 },
    { lotId: 'L1', locationId: 'safe', containerId: 'C1', containers: 0.65, ml: 6.5, mg: 65 },
    { lotId: 'L1', locationId: 'cabinet', containerId: '', containers: 2, ml: 20, mg: 200 },
    { lotId: 'L1', locationId: 'safe', containerId: 'C0', containers: 0, ml: 0, mg: 0 },
  ];
  it('lists every non-zero bucket the count leaves out, ignoring empty ones', () => {
    const missing = findUncountedBuckets(book, [{ lotId: 'L1', locationId: 'safe', containerId: '' }], null);
    expect(missing.map((b) => `${b.locationId}/${b.containerId}`)).toEqual(['safe/C1', 'cabinet/']);
  });
  it('asks only for the counted location when the count is of one location', () => {
    const missing = findUncountedBuckets(book, [{ lotId: 'L1', locationId: 'safe', containerId: '' }], 'safe');
    expect(missing.map((b) => b.containerId)).toEqual(['C1']);
  });
  it('finds a bucket named twice', () => {
    const line = { lotId: 'L1', locationId: 'safe', containerId: '' };
    expect(findDuplicateBuckets([line, { ...line, containerId: 'C1' }, { ...line }])).toHaveLength(1);
  });
});

describe('discrepancyStatusOf', () => {
  it.each([
    [[], 'open'],
    [[{ action: 'investigating' }], 'investigating'],
    [[{ action: 'investigating' }, { action: 'resolved_by_correction' }], 'resolved'],
    [[{ action: 'reported_as_loss' }], 'resolved'],
    [[{ action: 'resolved_no_change' }], 'resolved'],
  ] as const)('%o -> %s', (actions, status) => {
    expect(discrepancyStatusOf(actions)).toBe(status);
  });
});

describe('loss tasks (21 CFR 1301.76(b), DOMAIN.md 10)', () => {
  const deadlines = { deaNoticeDueAt: '2026-11-24T04:59:59.999Z', form106DueAt: '2027-01-07T04:59:59.999Z' };
  it('gives the one-business-day notice and the 45-day Form 106 at the stored deadlines', () => {
    expect(lossTasksOf(deadlines)).toEqual([
      { task: 'dea_notice_1_business_day', dueAt: deadlines.deaNoticeDueAt },
      { task: 'form_106_45_days', dueAt: deadlines.form106DueAt },
    ]);
  });
  it('is open until due, overdue after, done once completed', () => {
    const due = Date.parse(deadlines.deaNoticeDueAt);
    expect(lossTaskStatusOf(deadlines.deaNoticeDueAt, false, due)).toBe('open');
    expect(lossTaskStatusOf(deadlines.deaNoticeDueAt, false, due + 1)).toBe('overdue');
    expect(lossTaskStatusOf(deadlines.deaNoticeDueAt, true, due + 1)).toBe('done');
  });
});

describe('countedAtIssue (a count is compared with the book read now)', () => {
  const now = Date.parse('2026-11-22T17:30:00Z');
  it.each([
    ['now', now, null],
    ['15 minutes ago', now - COUNTED_AT_MAX_AGE_MS, null],
    ['30 seconds ahead', now + 30_000, null],
  ])('accepts %s', (_label, at, expected) => {
    expect(countedAtIssue(at, now)).toBe(expected);
  });
  it('refuses a count dated long ago or ahead of the clock', () => {
    expect(countedAtIssue(Date.parse('2020-01-01T00:00:00Z'), now)).toMatch(/within 15 minutes/);
    expect(countedAtIssue(now - COUNTED_AT_MAX_AGE_MS - 1, now)).toMatch(/within 15 minutes/);
    expect(countedAtIssue(now + 2 * 60_000, now)).toBe('cannot be in the future');
  });
});

describe('entryTouchesBucket', () => {
  const sealed = { lotId: 'lot-1', locationId: 'safe', containerId: null };
  it('matches a line on the same lot, location and container (sealed stock stored as empty container id)', () => {
    expect(entryTouchesBucket([{ lotId: 'lot-1', locationId: 'safe', containerId: '' }], sealed)).toBe(true);
    expect(entryTouchesBucket([{ lotId: 'lot-1', locationId: 'safe', containerId: 'vial-1' }], { ...sealed, containerId: 'vial-1' })).toBe(
      true,
    );
  });
  it('refuses another lot, location or container', () => {
    expect(entryTouchesBucket([{ lotId: 'lot-2', locationId: 'safe', containerId: '' }], sealed)).toBe(false);
    expect(entryTouchesBucket([{ lotId: 'lot-1', locationId: 'cabinet', containerId: '' }], sealed)).toBe(false);
    expect(entryTouchesBucket([{ lotId: 'lot-1', locationId: 'safe', containerId: 'vial-1' }], sealed)).toBe(false);
    expect(entryTouchesBucket([], sealed)).toBe(false);
  });
});
