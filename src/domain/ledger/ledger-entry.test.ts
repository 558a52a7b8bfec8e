import { describe, expect, it } from 'vitest';
import { CORRECTABLE_KINDS, canonicalJson, LEDGER_ENTRY_KINDS, RECORD_ENTRY_KINDS } from './ledger-entry.ts';

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined members, so equal details hash equally', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: true, y: null }], c: 'x' }, u: undefined })).toBe(
      '{"a":{"c":"x","d":[1,{"y":null,"z":true}]},"b":1}',
    );
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  it('escapes strings as JSON and refuses non-finite numbers', () => {
    expect(canonicalJson({ note: 'line\nbreak "quoted"' })).toBe('{"note":"line\\nbreak \\"quoted\\""}');
    expect(() => canonicalJson({ x: Number.NaN })).toThrow(/non-finite/);
  });
});

describe('entry kinds', () => {
  it('never lets a correction reverse a record, an opening or another correction', () => {
    for (const kind of [...RECORD_ENTRY_KINDS, 'open_container', 'correction'] as const) expect(CORRECTABLE_KINDS.has(kind)).toBe(false);
    for (const kind of CORRECTABLE_KINDS) expect(LEDGER_ENTRY_KINDS).toContain(kind);
  });
});
