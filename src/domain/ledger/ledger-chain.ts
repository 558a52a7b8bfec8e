import type { LedgerEntryKind } from './ledger-entry.ts';

/**
 * The ledger hash chain (issue 5, item 4): one chain per DEA registration, entry hash = SHA-256(previous hash ||
 * canonical entry), starting from 32 zero bytes. The lines are part of the entry, so altering, removing or adding a
 * line breaks the entry's hash; the head table (and every report and backup) holds the last seq and hash, so a
 * removed tail is detected too. Written by the app under the head's row lock, re-computed by `ketaclinic ledger verify`.
 */
export interface ChainedLine {
  lineNo: number;
  lotId: string;
  locationId: string;
  containerId: string;
  /** Decimal strings exactly as PostgreSQL prints numeric(14,4) / numeric(14,3). */
  deltaContainers: string;
  deltaMl: string;
  deltaMg: string;
}

export interface ChainedEntry {
  registrationId: string;
  seq: number;
  id: string;
  kind: LedgerEntryKind;
  occurredAt: string;
  recordedAt: string;
  recordedBy: string;
  patientId: string | null;
  detailsJson: string;
  reversesEntryId: string | null;
  lines: readonly ChainedLine[];
}

export const LEDGER_GENESIS_HASH_HEX = '0'.repeat(64);

/** The exact text hashed: fields and lines joined by unit (U+001F) and record (U+001E) separators. */
export function canonicalizeLedgerEntry(entry: ChainedEntry): string {
  const lines = [...entry.lines]
    .sort((a, b) => a.lineNo - b.lineNo)
    .map((l) => [l.lineNo, l.lotId, l.locationId, l.containerId, l.deltaContainers, l.deltaMl, l.deltaMg].join('\u001f'));
  return [
    'ledger-v1',
    entry.registrationId,
    String(entry.seq),
    entry.id,
    entry.kind,
    entry.occurredAt,
    entry.recordedAt,
    entry.recordedBy,
    entry.patientId ?? '',
    entry.reversesEntryId ?? '',
    entry.detailsJson,
    ...lines,
  ].join('\u001e');
}

export interface LedgerChainBreak {
  registrationId: string;
  seq: number;
  entryId: string | null;
  reason: 'hash_mismatch' | 'sequence_gap' | 'tail_missing' | 'head_mismatch' | 'head_missing';
}

/**
 * Walks one registration's entries in seq order and returns the first break, given a hash function (injected so
 * the domain stays free of node:crypto) and the externally recorded head.
 */
export function findFirstLedgerBreak(
  registrationId: string,
  entries: Iterable<ChainedEntry & { hashHex: string }>,
  head: { seq: number; hashHex: string } | null,
  sha256Hex: (previousHashHex: string, payload: string) => string,
): LedgerChainBreak | null {
  let previousHashHex = LEDGER_GENESIS_HASH_HEX;
  let expectedSeq = 1;
  for (const entry of entries) {
    if (entry.seq !== expectedSeq) return { registrationId, seq: expectedSeq, entryId: entry.id, reason: 'sequence_gap' };
    if (sha256Hex(previousHashHex, canonicalizeLedgerEntry(entry)) !== entry.hashHex)
      return { registrationId, seq: entry.seq, entryId: entry.id, reason: 'hash_mismatch' };
    previousHashHex = entry.hashHex;
    expectedSeq++;
  }
  const lastSeq = expectedSeq - 1;
  if (!head) return lastSeq === 0 ? null : { registrationId, seq: lastSeq, entryId: null, reason: 'head_missing' };
  if (head.seq > lastSeq) return { registrationId, seq: lastSeq + 1, entryId: null, reason: 'tail_missing' };
  if (head.seq < lastSeq || head.hashHex !== previousHashHex)
    return { registrationId, seq: head.seq, entryId: null, reason: 'head_mismatch' };
  return null;
}
