import { describe, expect, it } from 'vitest';
import { buildCountBody, listCountRows, listDifferences, parsePositiveOrZero } from './count-draft.ts';
import type { CountLine } from './ledger.api.ts';
import { buildStockFixture } from './test-fixtures.ts';

const counter = { email: 'physician@demo.clinic', password: 'secret' };

describe('listCountRows', () => {
  it('lists every bucket, sealed stock before opened containers per location', () => {
    const rows = listCountRows(buildStockFixture());
    expect(rows.map((r) => [r.lot.lotNumber, r.sealed])).toEqual([
      ['L100', true],
      ['OLD1', true],
      ['L100', false],
    ]);
  });
});

describe('buildCountBody', () => {
  const rows = listCountRows(buildStockFixture());
  const counted = { 'sealed:lot-1:loc-a': '4', 'sealed:lot-2:loc-a': '1', 'container:c-1': '6.3' };

  it('sends containers for sealed stock and mL for opened containers', () => {
    const result = buildCountBody({ rows, counted, countKind: 'daily', timeOfDay: 'close', note: ' ', secondCounter: counter });
    expect(result).toEqual({
      ok: true,
      body: {
        countKind: 'daily',
        timeOfDay: null,
        note: '',
        secondCounter: counter,
        lines: [
          { lotId: 'lot-1', locationId: 'loc-a', containerId: null, countedContainers: 4 },
          { lotId: 'lot-2', locationId: 'loc-a', containerId: null, countedContainers: 1 },
          { lotId: 'lot-1', locationId: 'loc-a', containerId: 'c-1', countedMl: 6.3 },
        ],
      },
    });
  });

  it('asks for every line, whole sealed containers, an inventory time of day and the second counter', () => {
    const result = buildCountBody({
      rows,
      counted: { 'sealed:lot-1:loc-a': '3.5' },
      countKind: 'biennial_inventory',
      timeOfDay: null,
      note: '',
      secondCounter: { email: '', password: '' },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(
      [
        'container:c-1',
        'sealed:lot-1:loc-a',
        'sealed:lot-2:loc-a',
        'secondCounter.0.email',
        'secondCounter.0.password',
        'timeOfDay',
      ].sort(),
    );
    expect(result.errors['sealed:lot-1:loc-a']).toMatch(/whole/);
  });

  it('accepts zero as a count', () => {
    expect(parsePositiveOrZero('0')).toBe(0);
    expect(parsePositiveOrZero('')).toBeNull();
    expect(parsePositiveOrZero('-1')).toBeNull();
  });
});

describe('listDifferences', () => {
  it('keeps only lines where the count differs from the book', () => {
    const line = (differenceMl: number): CountLine => ({
      lineNo: 1,
      productName: 'Ketamine',
      lotNumber: 'L1',
      locationName: 'Safe A',
      discrepancy: differenceMl !== 0,
      lotId: 'l',
      locationId: 'x',
      containerId: null,
      bookContainers: 1,
      bookMl: 10,
      bookMg: 100,
      countedContainers: 1,
      countedMl: 10 + differenceMl,
      countedMg: 100,
      differenceMl,
    });
    expect(listDifferences([line(0), line(-0.2), line(1)]).map((l) => l.differenceMl)).toEqual([-0.2, 1]);
  });
});
