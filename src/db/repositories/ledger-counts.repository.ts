import { and, asc, eq, gte, inArray, lte, ne } from 'drizzle-orm';
import type { LedgerEntryKind } from '../../domain/ledger/ledger-entry.ts';
import type { Database } from '../database.ts';
import { ledgerContainers, ledgerEntries, ledgerLines } from '../schema/ledger.table.ts';

/** A ledger entry without its lines, with details parsed (record kinds carry no lines). */
export interface RecordEntry {
  id: string;
  seq: number;
  kind: LedgerEntryKind;
  occurredAt: string;
  recordedAt: string;
  recordedBy: string;
  patientId: string | null;
  reversesEntryId: string | null;
  details: Record<string, unknown>;
}

/** Reads for counts, discrepancies, loss tasks and reconciliation (issue 5, item 5). Read-only: posting is postLedgerEntries. */
export function createLedgerCountsRepository(db: Database) {
  return {
    /** Entries of the given kinds in seq order (oldest first), optionally within an occurrence range. */
    async listEntriesOfKinds(
      registrationId: string,
      kinds: LedgerEntryKind[],
      range: { fromIso?: string | undefined; toIso?: string | undefined } = {},
    ): Promise<RecordEntry[]> {
      const rows = await db
        .select()
        .from(ledgerEntries)
        .where(
          and(
            eq(ledgerEntries.registrationId, registrationId),
            inArray(ledgerEntries.kind, kinds),
            range.fromIso ? gte(ledgerEntries.occurredAt, new Date(range.fromIso)) : undefined,
            range.toIso ? lte(ledgerEntries.occurredAt, new Date(range.toIso)) : undefined,
          ),
        )
        .orderBy(asc(ledgerEntries.seq));
      return rows.map((row) => ({
        id: row.id,
        seq: row.seq,
        kind: row.kind,
        occurredAt: row.occurredAt.toISOString(),
        recordedAt: row.recordedAt.toISOString(),
        recordedBy: row.recordedBy,
        patientId: row.patientId,
        reversesEntryId: row.reversesEntryId,
        details: JSON.parse(row.detailsJson) as Record<string, unknown>,
      }));
    },

    /** Every opened container of a registration opened up to an instant. */
    async listContainers(registrationId: string, openedUntilIso: string) {
      return db
        .select()
        .from(ledgerContainers)
        .where(and(eq(ledgerContainers.registrationId, registrationId), lte(ledgerContainers.openedAt, new Date(openedUntilIso))))
        .orderBy(asc(ledgerContainers.openedAt));
    },

    /** Lines on opened containers (not sealed stock) with their entry's kind, seq and occurrence, oldest first. */
    async listContainerMovements(registrationId: string) {
      const rows = await db
        .select({
          entryId: ledgerLines.entryId,
          containerId: ledgerLines.containerId,
          deltaMl: ledgerLines.deltaMl,
          kind: ledgerEntries.kind,
          seq: ledgerEntries.seq,
          occurredAt: ledgerEntries.occurredAt,
        })
        .from(ledgerLines)
        .innerJoin(ledgerEntries, eq(ledgerEntries.id, ledgerLines.entryId))
        .where(and(eq(ledgerLines.registrationId, registrationId), ne(ledgerLines.containerId, '')))
        .orderBy(asc(ledgerEntries.seq), asc(ledgerLines.lineNo));
      return rows.map((r) => ({ ...r, deltaMl: Number(r.deltaMl), occurredAt: r.occurredAt.toISOString() }));
    },

    /** Lines of the given entries (administered mg, lot and location of an administration). */
    async listLinesOf(entryIds: string[]) {
      if (entryIds.length === 0) return [];
      return db.select().from(ledgerLines).where(inArray(ledgerLines.entryId, entryIds)).orderBy(asc(ledgerLines.lineNo));
    },
  };
}

export type LedgerCountsRepository = ReturnType<typeof createLedgerCountsRepository>;
