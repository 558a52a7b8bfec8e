import { type ChainedEntry, type ChainedLine, canonicalizeLedgerEntry } from '../../domain/ledger/ledger-chain.ts';
import { canonicalJson, type JsonValue, type LedgerEntryKind } from '../../domain/ledger/ledger-entry.ts';
import { type Amount, formatDecimals } from '../../domain/ledger/quantities.ts';
import { chainHashHex } from '../chain-hash.ts';
import type { Repositories } from '../deps.ts';
import { insufficientStock, isCheckViolation } from './ledger.errors.ts';

/** One signed movement on a bucket: sealed stock (containerId '') or an opened container. */
export interface PostingLine {
  lotId: string;
  locationId: string;
  containerId: string;
  delta: Amount;
}

export interface NewLedgerEntry {
  kind: LedgerEntryKind;
  occurredAt: string;
  patientId?: string | null | undefined;
  details: { [key: string]: JsonValue | undefined };
  reversesEntryId?: string | null | undefined;
  lines: PostingLine[];
  /** Set when the caller needs to know the id before posting (an opened container refers to its entry). */
  id?: string | undefined;
}

export interface PostingContext {
  actorId: string;
  recordedAt: string;
  newId: () => string;
}

export type PostedEntry = ChainedEntry & { hashHex: string };

const bucketKey = (l: { lotId: string; locationId: string; containerId: string }) =>
  `${l.lotId}\u001f${l.locationId}\u001f${l.containerId}`;

/**
 * Appends entries to one or more registrations' chains inside the caller's transaction (treatment sessions post
 * administrations through here). Heads are locked in registration order, then balances are updated in bucket order
 * (so two posters never deadlock); a balance that would go negative is refused by the CHECK constraint, which
 * aborts the caller's whole transaction: nothing is written.
 */
export async function postLedgerEntries(
  repos: Repositories,
  ctx: PostingContext,
  batch: { registrationId: string; entry: NewLedgerEntry }[],
): Promise<PostedEntry[]> {
  const registrationIds = [...new Set(batch.map((b) => b.registrationId))].sort();
  const heads = new Map<string, { seq: number; hashHex: string }>();
  for (const registrationId of registrationIds) {
    const head = await repos.ledger.lockHead(registrationId);
    heads.set(registrationId, { seq: head.seq, hashHex: head.hash.toString('hex') });
  }

  const chained = batch.map(({ registrationId, entry }) => {
    const head = heads.get(registrationId)!;
    const lines: ChainedLine[] = entry.lines.map((line, index) => {
      const text = formatDecimals(line.delta);
      return {
        lineNo: index + 1,
        lotId: line.lotId,
        locationId: line.locationId,
        containerId: line.containerId,
        deltaContainers: text.containers,
        deltaMl: text.ml,
        deltaMg: text.mg,
      };
    });
    const row: ChainedEntry = {
      registrationId,
      seq: head.seq + 1,
      id: entry.id ?? ctx.newId(),
      kind: entry.kind,
      occurredAt: entry.occurredAt,
      recordedAt: ctx.recordedAt,
      recordedBy: ctx.actorId,
      patientId: entry.patientId ?? null,
      detailsJson: canonicalJson(entry.details),
      reversesEntryId: entry.reversesEntryId ?? null,
      lines,
    };
    const hashHex = chainHashHex(head.hashHex, canonicalizeLedgerEntry(row));
    heads.set(registrationId, { seq: row.seq, hashHex });
    return { ...row, hashHex };
  });

  const allLines = chained.flatMap((entry) => entry.lines.map((line) => ({ registrationId: entry.registrationId, line })));
  allLines.sort((a, b) => (bucketKey(a.line) < bucketKey(b.line) ? -1 : bucketKey(a.line) > bucketKey(b.line) ? 1 : 0));
  try {
    for (const { registrationId, line } of allLines) await repos.ledger.applyToBalance(registrationId, line);
  } catch (error) {
    if (isCheckViolation(error)) throw insufficientStock();
    throw error;
  }
  for (const entry of chained) await repos.ledger.insertEntry(entry, Buffer.from(entry.hashHex, 'hex'));
  for (const [registrationId, head] of heads) await repos.ledger.advanceHead(registrationId, head.seq, Buffer.from(head.hashHex, 'hex'));
  return chained;
}
