import { aliasedTable, and, desc, eq, max } from 'drizzle-orm';
import type { Violation } from '../../domain/pharmacology/dose-check.ts';
import type { DrugLibrary } from '../../domain/pharmacology/drug-library.ts';
import type { Database } from '../database.ts';
import { doseChecks, drugLibraryApprovals, drugLibraryVersions, user } from '../schema/index.ts';

export interface LibraryVersionRow {
  version: number;
  library: DrugLibrary;
  createdBy: { id: string; name: string };
  createdAt: Date;
  note: string | null;
  approval: { by: { id: string; name: string }; at: Date; note: string | null } | null;
}

interface RawVersionRow {
  version: number;
  library: DrugLibrary;
  createdById: string;
  createdByName: string;
  createdAt: Date;
  note: string | null;
  approvedById: string | null;
  approvedByName: string | null;
  approvedAt: Date | null;
  approvalNote: string | null;
}

const creator = aliasedTable(user, 'creator');
const approver = aliasedTable(user, 'approver');

/** All SQL of the per-clinic drug library (append-only versions and approvals) and the dose-check log. */
export function createDrugLibraryRepository(db: Database) {
  const selectVersions = () =>
    db
      .select({
        version: drugLibraryVersions.version,
        library: drugLibraryVersions.library,
        createdById: drugLibraryVersions.createdBy,
        createdByName: creator.name,
        createdAt: drugLibraryVersions.createdAt,
        note: drugLibraryVersions.note,
        approvedById: drugLibraryApprovals.approvedBy,
        approvedByName: approver.name,
        approvedAt: drugLibraryApprovals.approvedAt,
        approvalNote: drugLibraryApprovals.note,
      })
      .from(drugLibraryVersions)
      .innerJoin(creator, eq(creator.id, drugLibraryVersions.createdBy))
      .leftJoin(
        drugLibraryApprovals,
        and(eq(drugLibraryApprovals.clinicId, drugLibraryVersions.clinicId), eq(drugLibraryApprovals.version, drugLibraryVersions.version)),
      )
      .leftJoin(approver, eq(approver.id, drugLibraryApprovals.approvedBy));
  const toRow = (r: RawVersionRow): LibraryVersionRow => ({
    version: r.version,
    library: r.library,
    createdBy: { id: r.createdById, name: r.createdByName },
    createdAt: r.createdAt,
    note: r.note,
    approval:
      r.approvedById && r.approvedAt
        ? { by: { id: r.approvedById, name: r.approvedByName ?? '' }, at: r.approvedAt, note: r.approvalNote }
        : null,
  });

  return {
    /** Every version of a clinic's library, newest first, with its approval if any. */
    async listVersions(clinicId: string): Promise<LibraryVersionRow[]> {
      const rows = await selectVersions().where(eq(drugLibraryVersions.clinicId, clinicId)).orderBy(desc(drugLibraryVersions.version));
      return rows.map(toRow);
    },

    async findVersion(clinicId: string, version: number): Promise<LibraryVersionRow | undefined> {
      const [row] = await selectVersions().where(and(eq(drugLibraryVersions.clinicId, clinicId), eq(drugLibraryVersions.version, version)));
      return row && toRow(row);
    },

    /** The highest approved version: the clinic's current library. */
    async findCurrent(clinicId: string): Promise<LibraryVersionRow | undefined> {
      const [row] = await selectVersions()
        .where(and(eq(drugLibraryVersions.clinicId, clinicId), eq(drugLibraryApprovals.clinicId, clinicId)))
        .orderBy(desc(drugLibraryVersions.version))
        .limit(1);
      return row && toRow(row);
    },

    async findHighestVersion(clinicId: string): Promise<number> {
      const [row] = await db
        .select({ value: max(drugLibraryVersions.version) })
        .from(drugLibraryVersions)
        .where(eq(drugLibraryVersions.clinicId, clinicId));
      return row?.value ?? 0;
    },

    /** Inserts version n; a concurrent writer of the same n fails on the primary key. */
    async insertVersion(input: {
      clinicId: string;
      version: number;
      library: DrugLibrary;
      createdBy: string;
      at: Date;
      note: string | null;
    }) {
      await db.insert(drugLibraryVersions).values({
        clinicId: input.clinicId,
        version: input.version,
        library: input.library,
        createdBy: input.createdBy,
        createdAt: input.at,
        note: input.note,
      });
    },

    async insertApproval(input: { clinicId: string; version: number; approvedBy: string; at: Date; note: string | null }) {
      await db.insert(drugLibraryApprovals).values({
        clinicId: input.clinicId,
        version: input.version,
        approvedBy: input.approvedBy,
        approvedAt: input.at,
        note: input.note,
      });
    },

    async insertDoseCheck(input: {
      id: string;
      clinicId: string;
      patientId: string | null;
      actorId: string;
      at: Date;
      libraryVersion: string;
      productId: string;
      profileId: string;
      request: Record<string, unknown>;
      verdict: 'ok' | 'soft' | 'hard';
      violations: Violation[];
    }) {
      await db.insert(doseChecks).values(input);
    },

    async findDoseCheck(id: string) {
      const [row] = await db.select().from(doseChecks).where(eq(doseChecks.id, id));
      return row;
    },
  };
}

export type DrugLibraryRepository = ReturnType<typeof createDrugLibraryRepository>;
