import { describe, expect, it } from 'vitest';
import {
  decodeSource,
  describeDaysToExpiry,
  encodeSource,
  formatAmount,
  formatDelta,
  groupStockByLocation,
  listSourceOptions,
  totalStock,
} from './stock-view-model.ts';
import { buildStockFixture } from './test-fixtures.ts';

describe('groupStockByLocation', () => {
  it('puts sealed and opened buckets under their location and sums all three measures', () => {
    const [safeA, safeB] = groupStockByLocation(buildStockFixture());
    expect(safeA!.location.name).toBe('Safe A');
    expect(safeA!.sealed.map((row) => row.lot.lotNumber)).toEqual(['L100', 'OLD1']);
    expect(safeA!.opened).toHaveLength(1);
    expect(safeA!.opened[0]!.openedByName).toBe('Nico Nurse');
    expect(safeA!.total).toEqual({ containers: 5.65, ml: 56.5, mg: 965 });
    expect(safeB!.sealed).toEqual([]);
    expect(safeB!.total).toEqual({ containers: 0, ml: 0, mg: 0 });
  });

  it('sums decimals without floating-point residue', () => {
    const stock = buildStockFixture();
    stock.balances = [0.1, 0.2].map((ml, i) => ({
      lotId: 'lot-1',
      locationId: 'loc-b',
      containerId: `c-${i}`,
      openedAt: null,
      openedByName: null,
      amount: { containers: ml / 10, ml, mg: ml * 10 },
    }));
    expect(totalStock(stock)).toEqual({ containers: 0.03, ml: 0.3, mg: 3 });
  });
});

describe('formatAmount and formatDelta', () => {
  it('names the container of the form and shows mL and mg', () => {
    expect(formatAmount({ containers: 2, ml: 20, mg: 200 }, 'vial')).toBe('2 vials · 20 mL · 200 mg');
    expect(formatAmount({ containers: 1, ml: 0.2, mg: 28 }, 'nasal-device')).toBe('1 device · 0.2 mL · 28 mg');
    expect(formatDelta({ containers: -0.35, ml: -3.5, mg: -35 }, 'vial')).toBe('-0.35 vials · -3.5 mL · -35 mg');
    expect(formatDelta({ containers: 3, ml: 30, mg: 300 }, 'vial')).toBe('+3 vials · +30 mL · +300 mg');
    expect(formatDelta({ containers: -0.45, ml: -4.5, mg: -45 }, 'vial', true)).toBe('-4.5 mL · -45 mg');
  });
});

describe('describeDaysToExpiry', () => {
  it.each([
    [30, 'Expires in 30 days'],
    [1, 'Expires tomorrow'],
    [0, 'Expires today'],
    [-1, 'Expired yesterday'],
    [-12, 'Expired 12 days ago'],
  ])('%i days -> %s', (days, text) => expect(describeDaysToExpiry(days)).toBe(text));
});

describe('listSourceOptions', () => {
  it('lists opened containers first and leaves expired lots out unless asked', () => {
    const options = listSourceOptions(buildStockFixture(), { opensVial: true });
    expect(options.map((o) => o.value)).toEqual(['container:c-1', 'sealed:lot-1:loc-a']);
    expect(options[0]!.label).toContain('6.5 mL left');
    expect(options[1]!.label).toMatch(/^Open a new vial from Ketamine 10 mg\/mL · lot L100 · Safe A \(4 vials\)$/);
    const withExpired = listSourceOptions(buildStockFixture(), { includeExpired: true, sealedOnly: true });
    expect(withExpired.map((o) => o.value)).toEqual(['sealed:lot-1:loc-a', 'sealed:lot-2:loc-a']);
    expect(withExpired[1]!.label).toContain('(EXPIRED)');
  });

  it('names sealed stock "Sealed" where nothing is opened (return, destruction, loss)', () => {
    const [, sealed] = listSourceOptions(buildStockFixture());
    expect(sealed!.label).toBe('Sealed · Ketamine 10 mg/mL · lot L100 · Safe A (4 vials)');
  });

  it('round-trips a source through its option value', () => {
    expect(decodeSource(encodeSource({ lotId: 'l', locationId: 'x', containerId: null }))).toEqual({ lotId: 'l', locationId: 'x' });
    expect(decodeSource(encodeSource({ lotId: 'l', locationId: 'x', containerId: 'c' }))).toEqual({ containerId: 'c' });
    expect(decodeSource('')).toBeNull();
  });
});
