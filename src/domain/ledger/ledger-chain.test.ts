import { describe, expect, it } from 'vitest';
import { type ChainedEntry, canonicalizeLedgerEntry, findFirstLedgerBreak, LEDGER_GENESIS_HASH_HEX } from './ledger-chain.ts';

/**
 * An injective stand-in for SHA-256 (length-prefixed concatenation), as in the audit chain's test: a missed change can
 * only mean the walk is wrong. The real hash is exercised end to end in test/db/ledger-tamper.test.ts.
 */
const sha256Hex = (previousHashHex: string, payload: string) => `${previousHashHex.length}:${previousHashHex}${payload}`;

const entry = (seq: number, deltaMl = '-1.000'): ChainedEntry => ({
  registrationId: 'reg-1',
  seq,
  id: `entry-${seq}`,
  kind: 'administration',
  occurredAt: '2026-11-20T10:00:00.000Z',
  recordedAt: '2026-11-20T10:01:00.000Z',
  recordedBy: 'user-1',
  patientId: 'patient-1',
  detailsJson: '{"dose":{"unit":"mg","value":10}}',
  reversesEntryId: null,
  lines: [{ lineNo: 1, lotId: 'lot-1', locationId: 'loc-1', containerId: 'c-1', deltaContainers: '-0.1000', deltaMl, deltaMg: '-10.000' }],
});

function chain(entries: ChainedEntry[]) {
  let previous = LEDGER_GENESIS_HASH_HEX;
  return entries.map((e) => {
    previous = sha256Hex(previous, canonicalizeLedgerEntry(e));
    return { ...e, hashHex: previous };
  });
}

describe('ledger hash chain', () => {
  const good = chain([entry(1), entry(2), entry(3)]);
  const head = { seq: 3, hashHex: good[2]!.hashHex };

  it('verifies an intact chain against its head', () => {
    expect(findFirstLedgerBreak('reg-1', good, head, sha256Hex)).toBeNull();
  });

  it('names the entry whose line was altered', () => {
    const altered = good.map((e) => (e.seq === 2 ? { ...e, lines: [{ ...e.lines[0]!, deltaMl: '-0.500' }] } : e));
    expect(findFirstLedgerBreak('reg-1', altered, head, sha256Hex)).toEqual({
      registrationId: 'reg-1',
      seq: 2,
      entryId: 'entry-2',
      reason: 'hash_mismatch',
    });
  });

  it('finds a removed middle entry, a removed tail and a swapped order', () => {
    expect(findFirstLedgerBreak('reg-1', [good[0]!, good[2]!], head, sha256Hex)?.reason).toBe('sequence_gap');
    expect(findFirstLedgerBreak('reg-1', good.slice(0, 2), head, sha256Hex)).toMatchObject({ seq: 3, reason: 'tail_missing' });
    const swapped = [good[0]!, { ...good[2]!, seq: 2 }, { ...good[1]!, seq: 3 }];
    expect(findFirstLedgerBreak('reg-1', swapped, head, sha256Hex)).toMatchObject({ seq: 2, reason: 'hash_mismatch' });
  });

  it('finds a head that does not match, or a chain without a head', () => {
    expect(findFirstLedgerBreak('reg-1', good, { seq: 3, hashHex: LEDGER_GENESIS_HASH_HEX }, sha256Hex)?.reason).toBe('head_mismatch');
    expect(findFirstLedgerBreak('reg-1', good, null, sha256Hex)?.reason).toBe('head_missing');
    expect(findFirstLedgerBreak('reg-1', [], null, sha256Hex)).toBeNull();
  });

  it('hashes lines in line order whatever order they are read in', () => {
    const two = { ...entry(1), lines: [entry(1).lines[0]!, { ...entry(1).lines[0]!, lineNo: 2, containerId: '' }] };
    const reversed = { ...two, lines: [...two.lines].reverse() };
    expect(canonicalizeLedgerEntry(reversed)).toBe(canonicalizeLedgerEntry(two));
  });
});
