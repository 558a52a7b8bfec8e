/**
 * The audit hash chain: entry hash = SHA-256(previous hash || canonical payload), one chain per clinic, starting
 * from 32 zero bytes. PostgreSQL computes it on insert (sha256()); `ketaclinic audit verify` recomputes it here.
 */
export interface AuditEntryFields {
  clinicId: string;
  seq: number;
  at: string;
  actorId: string;
  actorRole: string;
  patientId: string | null;
  action: string;
  resource: string;
  requestId: string;
}

export const GENESIS_HASH_HEX = '0'.repeat(64);

/** The exact text that is hashed: fields joined by a unit separator (U+001F), which no field may contain. */
export function canonicalizeAuditEntry(entry: AuditEntryFields): string {
  return [
    'v1',
    entry.clinicId,
    String(entry.seq),
    entry.at,
    entry.actorId,
    entry.actorRole,
    entry.patientId ?? '',
    entry.action,
    entry.resource,
    entry.requestId,
  ].join('\u001f');
}

export interface ChainBreak {
  clinicId: string;
  seq: number;
  reason: 'hash_mismatch' | 'sequence_gap' | 'tail_missing' | 'head_mismatch';
}

/**
 * Walks one clinic's entries in seq order and returns the first break, given a hash function (injected so the
 * domain stays free of node:crypto) and the externally recorded head.
 */
export function findFirstChainBreak(
  entries: Iterable<AuditEntryFields & { hashHex: string }>,
  head: { seq: number; hashHex: string } | null,
  sha256Hex: (previousHashHex: string, payload: string) => string,
): ChainBreak | null {
  let previousHashHex = GENESIS_HASH_HEX;
  let expectedSeq = 1;
  let clinicId = '';
  for (const entry of entries) {
    clinicId = entry.clinicId;
    if (entry.seq !== expectedSeq) return { clinicId, seq: expectedSeq, reason: 'sequence_gap' };
    if (sha256Hex(previousHashHex, canonicalizeAuditEntry(entry)) !== entry.hashHex)
      return { clinicId, seq: entry.seq, reason: 'hash_mismatch' };
    previousHashHex = entry.hashHex;
    expectedSeq++;
  }
  if (head) {
    if (head.seq > expectedSeq - 1) return { clinicId, seq: expectedSeq, reason: 'tail_missing' };
    if (head.seq < expectedSeq - 1 || head.hashHex !== previousHashHex) return { clinicId, seq: head.seq, reason: 'head_mismatch' };
  }
  return null;
}
