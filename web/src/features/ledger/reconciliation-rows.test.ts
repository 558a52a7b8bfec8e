import { describe, expect, it } from 'vitest';
import type { Reconciliation } from './ledger.api.ts';
import { listCountDifferences, toContainerRows } from './reconciliation-rows.ts';

const base: Reconciliation = {
  from: '2026-11-01',
  to: '2026-11-30',
  head: null,
  differences: [],
  containers: [],
  counts: [],
  administrations: [],
};

describe('toContainerRows', () => {
  it('sums the other ways out and flags a container whose ledger balance differs from what its entries leave', () => {
    const container = {
      containerId: 'c-1',
      lotId: 'l',
      locationId: 'x',
      openedAt: '2026-11-22T08:00:00Z',
      openedMl: 10,
      administeredMl: 3.5,
      wastedMl: 0.1,
      dispensedMl: 0,
      brokenMl: 0.2,
      destroyedMl: 0,
      lostMl: 0.1,
      correctionsMl: 0,
      expectedRemainingMl: 6.1,
      remainingMl: 6.1,
    };
    const rows = toContainerRows({ ...base, containers: [container, { ...container, containerId: 'c-2', remainingMl: 5.9 }] });
    expect(rows.map((r) => [r.containerId, r.otherOutMl, r.differs])).toEqual([
      ['c-1', 0.3, false],
      ['c-2', 0.3, true],
    ]);
  });
});

describe('listCountDifferences', () => {
  it('keeps the count lines that did not match, with their count', () => {
    const line = {
      lineNo: 1,
      lotId: 'l',
      locationId: 'x',
      containerId: null,
      bookMl: 20,
      countedMl: 20,
      differenceMl: 0,
      status: 'matches' as const,
    };
    const result = listCountDifferences({
      ...base,
      counts: [
        {
          entryId: 'e-5',
          countKind: 'daily',
          countedAt: '2026-11-22T17:30:00Z',
          lines: [line, { ...line, lineNo: 2, countedMl: 10, differenceMl: -10, status: 'open' }],
        },
      ],
    });
    expect(result).toEqual([
      { ...line, lineNo: 2, countedMl: 10, differenceMl: -10, status: 'open', countEntryId: 'e-5', countedAt: '2026-11-22T17:30:00Z' },
    ]);
  });
});
