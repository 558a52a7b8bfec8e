import { and, asc, count, desc, eq, gt, gte, inArray, lte, ne, sql } from 'drizzle-orm';
import type { ChainedEntry, ChainedLine } from '../../domain/ledger/ledger-chain.ts';
import type { LedgerEntryKind } from '../../domain/ledger/ledger-entry.ts';
import { type Database, rowsOf } from '../database.ts';
import { account, patients, patientVersions, staffRoles, user } from '../schema/index.ts';
import {
  deaRegistrations,
  ledgerBalances,
  ledgerContainers,
  ledgerEntries,
  ledgerHeads,
  ledgerLines,
  ledgerLots,
  storageLocations,
} from '../schema/ledger.table.ts';

export type RegistrationRow = typeof deaRegistrations.$inferSelect;
export type LotRow = typeof ledgerLots.$inferSelect;
export type ContainerRow = typeof ledgerContainers.$inferSelect;
export type LocationRow = typeof storageLocations.$inferSelect;
export type StoredEntry = ChainedEntry & { hashHex: string };

const GENESIS = Buffer.alloc(32);

/** All SQL of the controlled-substance ledger (issue 5). Posting order is: lock head, update balances, insert entry. */
export function createLedgerRepository(db: Database) {
  async function attachLines(rows: (typeof ledgerEntries.$inferSelect)[]): Promise<StoredEntry[]> {
    if (rows.length === 0) return [];
    const lines = await db
      .select()
      .from(ledgerLines)
      .where(
        inArray(
          ledgerLines.entryId,
          rows.map((r) => r.id),
        ),
      )
      .orderBy(asc(ledgerLines.entryId), asc(ledgerLines.lineNo));
    const byEntry = new Map<string, ChainedLine[]>();
    for (const line of lines) {
      const list = byEntry.get(line.entryId) ?? [];
      list.push({
        lineNo: line.lineNo,
        lotId: line.lotId,
        locationId: line.locationId,
        containerId: line.containerId,
        deltaContainers: line.deltaContainers,
        deltaMl: line.deltaMl,
        deltaMg: line.deltaMg,
      });
      byEntry.set(line.entryId, list);
    }
    return rows.map((row) => ({
      registrationId: row.registrationId,
      seq: row.seq,
      id: row.id,
      kind: row.kind,
      occurredAt: row.occurredAt.toISOString(),
      recordedAt: row.recordedAt.toISOString(),
      recordedBy: row.recordedBy,
      patientId: row.patientId,
      detailsJson: row.detailsJson,
      reversesEntryId: row.reversesEntryId,
      lines: byEntry.get(row.id) ?? [],
      hashHex: row.hash.toString('hex'),
    }));
  }

  return {
    async insertRegistration(row: RegistrationRow) {
      await db.insert(deaRegistrations).values(row);
    },
    async findRegistration(id: string) {
      const [row] = await db.select().from(deaRegistrations).where(eq(deaRegistrations.id, id));
      return row;
    },
    async findRegistrationByDeaNumber(deaNumber: string) {
      const [row] = await db.select().from(deaRegistrations).where(eq(deaRegistrations.deaNumber, deaNumber));
      return row;
    },
    async listRegistrations(clinicId: string) {
      return db.select().from(deaRegistrations).where(eq(deaRegistrations.clinicId, clinicId)).orderBy(asc(deaRegistrations.createdAt));
    },
    async listRegistrationIds(): Promise<string[]> {
      const rows = await db.select({ id: deaRegistrations.id }).from(deaRegistrations).orderBy(asc(deaRegistrations.id));
      return rows.map((r) => r.id);
    },

    async insertLocation(row: LocationRow) {
      await db.insert(storageLocations).values(row);
    },
    async listLocations(registrationId: string) {
      return db
        .select()
        .from(storageLocations)
        .where(eq(storageLocations.registrationId, registrationId))
        .orderBy(asc(storageLocations.name));
    },

    async insertLot(row: LotRow) {
      await db.insert(ledgerLots).values(row);
    },
    async findLot(id: string) {
      const [row] = await db.select().from(ledgerLots).where(eq(ledgerLots.id, id));
      return row;
    },
    async findLotByNumber(registrationId: string, productId: string, lotNumber: string) {
      const [row] = await db
        .select()
        .from(ledgerLots)
        .where(
          and(eq(ledgerLots.registrationId, registrationId), eq(ledgerLots.productId, productId), eq(ledgerLots.lotNumber, lotNumber)),
        );
      return row;
    },
    async listLots(registrationId: string) {
      return db.select().from(ledgerLots).where(eq(ledgerLots.registrationId, registrationId)).orderBy(asc(ledgerLots.expiresOn));
    },

    async insertContainer(row: ContainerRow) {
      await db.insert(ledgerContainers).values(row);
    },
    async findContainer(id: string) {
      const [row] = await db.select().from(ledgerContainers).where(eq(ledgerContainers.id, id));
      return row;
    },

    /**
     * Locks a registration's chain head for the rest of the transaction (creating it at seq 0 on first use) and
     * returns it. Every writer of a chain takes this lock first, so one registration's entries are serialized.
     */
    async lockHead(registrationId: string): Promise<{ seq: number; hash: Buffer }> {
      await db.insert(ledgerHeads).values({ registrationId, seq: 0, hash: GENESIS }).onConflictDoNothing();
      const result = await db.execute(sql`select seq, hash from ledger_heads where registration_id = ${registrationId} for update`);
      const [row] = rowsOf<{ seq: string | number; hash: Buffer | Uint8Array }>(result);
      return { seq: Number(row!.seq), hash: Buffer.from(row!.hash) };
    },
    async advanceHead(registrationId: string, seq: number, hash: Buffer) {
      await db.update(ledgerHeads).set({ seq, hash }).where(eq(ledgerHeads.registrationId, registrationId));
    },
    async findHead(registrationId: string) {
      const [row] = await db.select().from(ledgerHeads).where(eq(ledgerHeads.registrationId, registrationId));
      return row && row.seq > 0 ? { seq: row.seq, hashHex: row.hash.toString('hex') } : null;
    },

    /**
     * Adds a line's delta to its bucket; the CHECK constraint refuses a negative result (SQLSTATE 23514). UPDATE first:
     * an upsert would check the negative delta itself as a row. A missing bucket is created by its first (positive)
     * line; writers of one registration are serialized by its head lock, so two cannot create it at once.
     */
    async applyToBalance(registrationId: string, line: ChainedLine) {
      const updated = await db
        .update(ledgerBalances)
        .set({
          containers: sql`${ledgerBalances.containers} + ${line.deltaContainers}::numeric`,
          ml: sql`${ledgerBalances.ml} + ${line.deltaMl}::numeric`,
          mg: sql`${ledgerBalances.mg} + ${line.deltaMg}::numeric`,
        })
        .where(
          and(
            eq(ledgerBalances.lotId, line.lotId),
            eq(ledgerBalances.locationId, line.locationId),
            eq(ledgerBalances.containerId, line.containerId),
          ),
        )
        .returning({ lotId: ledgerBalances.lotId });
      if (updated.length > 0) return;
      await db.insert(ledgerBalances).values({
        registrationId,
        lotId: line.lotId,
        locationId: line.locationId,
        containerId: line.containerId,
        containers: line.deltaContainers,
        ml: line.deltaMl,
        mg: line.deltaMg,
      });
    },

    async insertEntry(entry: ChainedEntry, hash: Buffer) {
      await db.insert(ledgerEntries).values({
        registrationId: entry.registrationId,
        seq: entry.seq,
        id: entry.id,
        kind: entry.kind,
        occurredAt: new Date(entry.occurredAt),
        recordedAt: new Date(entry.recordedAt),
        recordedBy: entry.recordedBy,
        patientId: entry.patientId,
        detailsJson: entry.detailsJson,
        reversesEntryId: entry.reversesEntryId,
        hash,
      });
      if (entry.lines.length > 0) {
        await db
          .insert(ledgerLines)
          .values(entry.lines.map((line) => ({ ...line, entryId: entry.id, registrationId: entry.registrationId })));
      }
    },

    /** Balances of a registration with their lot, location and (for opened containers) who opened it; zero rows left out. */
    async listBalances(registrationId: string) {
      return db
        .select({
          lotId: ledgerBalances.lotId,
          locationId: ledgerBalances.locationId,
          containerId: ledgerBalances.containerId,
          containers: ledgerBalances.containers,
          ml: ledgerBalances.ml,
          mg: ledgerBalances.mg,
          openedAt: ledgerContainers.openedAt,
          openedByName: user.name,
        })
        .from(ledgerBalances)
        .leftJoin(ledgerContainers, eq(ledgerContainers.id, ledgerBalances.containerId))
        .leftJoin(user, eq(user.id, ledgerContainers.openedBy))
        .where(and(eq(ledgerBalances.registrationId, registrationId), ne(ledgerBalances.ml, '0')))
        .orderBy(asc(ledgerBalances.locationId), asc(ledgerBalances.lotId), asc(ledgerBalances.containerId));
    },
    async findBalance(lotId: string, locationId: string, containerId: string) {
      const [row] = await db
        .select()
        .from(ledgerBalances)
        .where(
          and(eq(ledgerBalances.lotId, lotId), eq(ledgerBalances.locationId, locationId), eq(ledgerBalances.containerId, containerId)),
        );
      return row;
    },
    /** Every balance row, also zero ones, for verification against the sum of lines. */
    async listAllBalances(registrationId: string) {
      return db.select().from(ledgerBalances).where(eq(ledgerBalances.registrationId, registrationId));
    },
    /** The sum of lines per bucket, computed by PostgreSQL (exact numeric). */
    async sumLinesByBucket(registrationId: string) {
      return db
        .select({
          lotId: ledgerLines.lotId,
          locationId: ledgerLines.locationId,
          containerId: ledgerLines.containerId,
          containers: sql<string>`sum(${ledgerLines.deltaContainers})::numeric(14,4)::text`,
          ml: sql<string>`sum(${ledgerLines.deltaMl})::numeric(14,3)::text`,
          mg: sql<string>`sum(${ledgerLines.deltaMg})::numeric(14,3)::text`,
        })
        .from(ledgerLines)
        .where(eq(ledgerLines.registrationId, registrationId))
        .groupBy(ledgerLines.lotId, ledgerLines.locationId, ledgerLines.containerId);
    },

    async findEntry(id: string): Promise<StoredEntry | undefined> {
      const rows = await db.select().from(ledgerEntries).where(eq(ledgerEntries.id, id));
      return (await attachLines(rows))[0];
    },
    async findCorrectionOf(entryId: string) {
      const [row] = await db.select({ id: ledgerEntries.id }).from(ledgerEntries).where(eq(ledgerEntries.reversesEntryId, entryId));
      return row?.id ?? null;
    },
    /** True when the chain holds a stock-moving entry of another kind than those given. */
    async hasStockEntriesOtherThan(registrationId: string, kinds: LedgerEntryKind[]) {
      const [row] = await db
        .select({ n: count() })
        .from(ledgerEntries)
        .where(
          and(
            eq(ledgerEntries.registrationId, registrationId),
            sql`${ledgerEntries.kind} not in (${sql.join(
              [...kinds, 'count', 'discrepancy_action', 'loss_task_done', 'registration_expiry'].map((k) => sql`${k}`),
              sql`, `,
            )})`,
          ),
        );
      return (row?.n ?? 0) > 0;
    },

    /** Entries of one registration, newest first, filtered by occurrence date and kinds. */
    async listEntries(
      registrationId: string,
      filter: { fromIso?: string | undefined; toIso?: string | undefined; kinds?: LedgerEntryKind[] | undefined },
      page: { limit: number; offset: number },
    ) {
      const where = and(
        eq(ledgerEntries.registrationId, registrationId),
        filter.fromIso ? gte(ledgerEntries.occurredAt, new Date(filter.fromIso)) : undefined,
        filter.toIso ? lte(ledgerEntries.occurredAt, new Date(filter.toIso)) : undefined,
        filter.kinds && filter.kinds.length > 0 ? inArray(ledgerEntries.kind, filter.kinds) : undefined,
      );
      // Sequential: this also runs inside transactions, whose queries share one connection.
      const rows = await db
        .select()
        .from(ledgerEntries)
        .where(where)
        .orderBy(desc(ledgerEntries.seq))
        .limit(page.limit)
        .offset(page.offset);
      const [total] = await db.select({ n: count() }).from(ledgerEntries).where(where);
      return { items: await attachLines(rows), total: total?.n ?? 0 };
    },
    /** One page of a chain in seq order, with lines, for verification without loading it all. */
    async listChainPage(registrationId: string, afterSeq: number, limit: number) {
      const rows = await db
        .select()
        .from(ledgerEntries)
        .where(and(eq(ledgerEntries.registrationId, registrationId), gt(ledgerEntries.seq, afterSeq)))
        .orderBy(asc(ledgerEntries.seq))
        .limit(limit);
      return attachLines(rows);
    },
    /** Ids of entries corrected by a later entry, among the given ones. */
    async listCorrections(entryIds: string[]) {
      if (entryIds.length === 0) return new Map<string, string>();
      const rows = await db
        .select({ id: ledgerEntries.id, reverses: ledgerEntries.reversesEntryId })
        .from(ledgerEntries)
        .where(inArray(ledgerEntries.reversesEntryId, entryIds));
      return new Map(rows.map((r) => [r.reverses!, r.id]));
    },

    /** Total sealed containers moved out by entries of the given kinds since a date (1307.11 five-percent check). */
    async sumContainersOut(registrationId: string, kinds: LedgerEntryKind[], fromIso: string): Promise<number> {
      const [row] = await db
        .select({ total: sql<string>`coalesce(sum(-${ledgerLines.deltaContainers}), 0)::text` })
        .from(ledgerLines)
        .innerJoin(ledgerEntries, eq(ledgerEntries.id, ledgerLines.entryId))
        .where(
          and(
            eq(ledgerEntries.registrationId, registrationId),
            inArray(ledgerEntries.kind, kinds),
            gte(ledgerEntries.occurredAt, new Date(fromIso)),
            sql`${ledgerLines.deltaContainers} < 0`,
            // Sealed stock only: a vial counts once when it is opened, not again for each draw from it.
            eq(ledgerLines.containerId, ''),
          ),
        );
      return Number(row?.total ?? 0);
    },

    async findPeople(ids: string[]) {
      if (ids.length === 0) return new Map<string, string>();
      const rows = await db.select({ id: user.id, name: user.name }).from(user).where(inArray(user.id, ids));
      return new Map(rows.map((r) => [r.id, r.name]));
    },
    /** Name, MRN and address of patients named in entries (the dispensing record of 21 CFR 1304.22(c)). */
    async findPatientLabels(ids: string[]) {
      if (ids.length === 0) return new Map<string, { id: string; name: string; mrn: string; address: string | null }>();
      const rows = await db
        .select({ id: patients.id, mrn: patients.mrn, record: patientVersions.record })
        .from(patients)
        .innerJoin(patientVersions, and(eq(patientVersions.patientId, patients.id), eq(patientVersions.version, patients.version)))
        .where(inArray(patients.id, ids));
      return new Map(
        rows.map((r) => {
          const d = r.record.demographics;
          return [r.id, { id: r.id, name: `${d.givenName} ${d.familyName}`, mrn: r.mrn, address: d.address ?? null }];
        }),
      );
    },
    /** Active physicians of a clinic: who may prescribe a take-home dispensing. */
    async listPhysicians(clinicId: string) {
      return db
        .select({ id: user.id, name: user.name })
        .from(user)
        .innerJoin(staffRoles, and(eq(staffRoles.userId, user.id), eq(staffRoles.clinicId, clinicId), eq(staffRoles.role, 'physician')))
        .where(eq(user.active, true))
        .orderBy(asc(user.name));
    },
    /** What a witness re-authenticates against: the account's password hash and roles in one clinic. */
    async findWitnessCredential(email: string, clinicId: string) {
      const [row] = await db
        .select({ id: user.id, name: user.name, active: user.active, organizationId: user.organizationId, passwordHash: account.password })
        .from(user)
        .innerJoin(account, and(eq(account.userId, user.id), eq(account.providerId, 'credential')))
        .where(eq(user.email, email.trim().toLowerCase()));
      if (!row) return undefined;
      const roles = await db
        .select({ role: staffRoles.role })
        .from(staffRoles)
        .where(and(eq(staffRoles.userId, row.id), eq(staffRoles.clinicId, clinicId)));
      return { ...row, roles: roles.map((r) => r.role) };
    },
  };
}

export type LedgerRepository = ReturnType<typeof createLedgerRepository>;
