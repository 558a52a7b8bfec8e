import { describe, expect, it } from 'vitest';
import { reportUrl } from './ledger.api.ts';
import { daysBefore, hashPrefix, toInstantRange, toRangeQuery } from './report-range.ts';

describe('daysBefore', () => {
  it('crosses month and year ends', () => {
    expect(daysBefore('2026-03-01', 1)).toBe('2026-02-28');
    expect(daysBefore('2026-01-15', 30)).toBe('2025-12-16');
  });
});

describe('toRangeQuery', () => {
  it('keeps well-formed days and drops blanks', () => {
    expect(toRangeQuery('2026-01-01', '')).toEqual({ from: '2026-01-01' });
    expect(toRangeQuery('x', '2026-01-31')).toEqual({ to: '2026-01-31' });
  });
});

describe('reportUrl', () => {
  it('builds the download link with the range, the format and the inventory count', () => {
    expect(reportUrl('reg 1', 'receipts', { from: '2026-01-01', to: '2026-01-31', format: 'csv' })).toBe(
      '/api/ledger/registrations/reg%201/reports/receipts?from=2026-01-01&to=2026-01-31&format=csv',
    );
    expect(reportUrl('r', 'inventory', { from: '2026-01-01', to: '2026-01-31', format: 'pdf', countEntryId: 'c-9' })).toContain(
      'format=pdf&countEntryId=c-9',
    );
  });
});

describe('hashPrefix', () => {
  it('shortens a long hash and leaves a short one', () => {
    expect(hashPrefix('a'.repeat(64))).toBe(`${'a'.repeat(12)}…`);
    expect(hashPrefix('abc')).toBe('abc');
  });
});

describe('toInstantRange', () => {
  it('covers whole local days', () => {
    const range = toInstantRange('2026-01-01', '2026-01-31');
    expect(new Date(range.from!).getTime()).toBe(new Date(2026, 0, 1).getTime());
    expect(new Date(range.to!).getTime()).toBe(new Date(2026, 1, 1).getTime() - 1);
    expect(toInstantRange('', '')).toEqual({});
  });
});
