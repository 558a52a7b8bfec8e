import { describe, expect, it } from 'vitest';
import { labelFor, splitReconciliation } from './reconciliation-rows.ts';

describe('splitReconciliation', () => {
  it('turns arrays into tables and scalars into facts', () => {
    const result = splitReconciliation({
      from: '2026-11-01',
      differences: [
        { kind: 'charted_vs_ledger', differenceMl: -0.30000000000000004, lot: { lotNumber: 'L1' } },
        { kind: 'count_vs_book', differenceMl: 0.2, note: null },
      ],
    });
    expect(result.facts).toEqual([['from', '2026-11-01']]);
    expect(result.sections).toHaveLength(1);
    expect(result.sections[0]!.columns).toEqual(['kind', 'differenceMl', 'lot.lotNumber', 'note']);
    expect(result.sections[0]!.rows[0]).toEqual({ kind: 'charted_vs_ledger', differenceMl: '-0.3', 'lot.lotNumber': 'L1' });
  });

  it('reads sections nested one level down', () => {
    const result = splitReconciliation({ totals: { differences: 0, items: [] } });
    expect(result.facts).toEqual([['totals differences', '0']]);
    expect(result.sections).toEqual([{ name: 'totals items', columns: [], rows: [] }]);
  });
});

describe('labelFor', () => {
  it('spells camel case, dots and underscores as words', () => {
    expect(labelFor('countsVsBook')).toBe('Counts vs book');
    expect(labelFor('lot.lotNumber')).toBe('Lot lot number');
    expect(labelFor('charted_vs_ledger')).toBe('Charted vs ledger');
  });
});
