import { and, asc, count, desc, eq, inArray, like, or, sql } from 'drizzle-orm';
import type { PatientRecord } from '../../domain/patients/patient-record.ts';
import type { Database } from '../database.ts';
import { patients, patientVersions, user } from '../schema/index.ts';

export interface PatientHead {
  id: string;
  organizationId: string;
  homeClinicId: string;
  mrn: string;
  userId: string | null;
  version: number;
}

/** The head columns copied from a record's demographics (search and list read these, not the document). */
const toHeadColumns = ({ demographics }: PatientRecord) => {
  const given = demographics.givenName.toLowerCase();
  const family = demographics.familyName.toLowerCase();
  return {
    mrn: demographics.mrn,
    givenName: demographics.givenName,
    familyName: demographics.familyName,
    birthDate: demographics.birthDate,
    sex: demographics.sex,
    searchName: `${given} ${family}|${family} ${given}`,
  };
};

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** All SQL of the patient record: a head row for search plus one immutable row per version. */
export function createPatientsRepository(db: Database) {
  const headColumns = {
    id: patients.id,
    organizationId: patients.organizationId,
    homeClinicId: patients.homeClinicId,
    mrn: patients.mrn,
    userId: patients.userId,
    version: patients.version,
  };
  return {
    async findHead(id: string): Promise<PatientHead | undefined> {
      const [row] = await db.select(headColumns).from(patients).where(eq(patients.id, id));
      return row;
    },

    /** The head and its current record in one round trip (the chart's hot path). */
    async findCurrent(id: string): Promise<(PatientHead & { record: PatientRecord }) | undefined> {
      const [row] = await db
        .select({ ...headColumns, record: patientVersions.record })
        .from(patients)
        .innerJoin(patientVersions, and(eq(patientVersions.patientId, patients.id), eq(patientVersions.version, patients.version)))
        .where(eq(patients.id, id));
      return row;
    },

    async findHeadByUserId(userId: string): Promise<PatientHead | undefined> {
      const [row] = await db.select(headColumns).from(patients).where(eq(patients.userId, userId));
      return row;
    },

    async mrnExists(organizationId: string, mrn: string): Promise<boolean> {
      const [row] = await db
        .select({ id: patients.id })
        .from(patients)
        .where(and(eq(patients.organizationId, organizationId), eq(patients.mrn, mrn)));
      return row !== undefined;
    },

    async findVersion(id: string, version: number) {
      const [row] = await db
        .select()
        .from(patientVersions)
        .where(and(eq(patientVersions.patientId, id), eq(patientVersions.version, version)));
      return row;
    },

    async insert(input: { id: string; organizationId: string; homeClinicId: string; record: PatientRecord; createdBy: string; at: Date }) {
      await db.insert(patients).values({
        id: input.id,
        organizationId: input.organizationId,
        homeClinicId: input.homeClinicId,
        ...toHeadColumns(input.record),
        version: 1,
        createdAt: input.at,
        updatedAt: input.at,
      });
      await db.insert(patientVersions).values({
        patientId: input.id,
        version: 1,
        clinicId: input.homeClinicId,
        record: input.record,
        createdBy: input.createdBy,
        createdAt: input.at,
        reason: 'created',
      });
    },

    /**
     * Stores version baseVersion + 1. The head update is conditional on the base version, so of two
     * concurrent edits from the same base exactly one wins; returns false for the loser.
     */
    async appendVersion(input: {
      id: string;
      baseVersion: number;
      clinicId: string;
      record: PatientRecord;
      createdBy: string;
      at: Date;
      reason: string | null;
    }) {
      const updated = await db
        .update(patients)
        .set({
          ...toHeadColumns(input.record),
          version: input.baseVersion + 1,
          updatedAt: input.at,
        })
        .where(and(eq(patients.id, input.id), eq(patients.version, input.baseVersion)))
        .returning({ id: patients.id });
      if (updated.length === 0) return false;
      await db.insert(patientVersions).values({
        patientId: input.id,
        version: input.baseVersion + 1,
        clinicId: input.clinicId,
        record: input.record,
        createdBy: input.createdBy,
        createdAt: input.at,
        reason: input.reason,
      });
      return true;
    },

    async linkUser(patientId: string, userId: string) {
      await db.update(patients).set({ userId }).where(eq(patients.id, patientId));
    },

    /** Name prefix (either order), MRN prefix or exact birth date, within the given clinics. */
    async search(input: { clinicIds: string[]; query: string; limit: number; offset: number }) {
      const q = input.query.trim().toLowerCase();
      const filters = [inArray(patients.homeClinicId, input.clinicIds)];
      if (q !== '') {
        const prefix = `${escapeLike(q)}%`;
        const terms = [
          like(patients.searchName, prefix),
          like(patients.searchName, `%|${prefix}`),
          like(sql`lower(${patients.mrn})`, prefix),
        ];
        if (/^\d{4}-\d{2}-\d{2}$/.test(q)) terms.push(eq(patients.birthDate, q));
        filters.push(or(...terms)!);
      }
      const where = and(...filters);
      const [items, [total]] = await Promise.all([
        db
          .select({
            id: patients.id,
            mrn: patients.mrn,
            givenName: patients.givenName,
            familyName: patients.familyName,
            birthDate: patients.birthDate,
            sex: patients.sex,
            homeClinicId: patients.homeClinicId,
          })
          .from(patients)
          .where(where)
          .orderBy(asc(patients.familyName), asc(patients.givenName), asc(patients.id))
          .limit(input.limit)
          .offset(input.offset),
        db.select({ value: count() }).from(patients).where(where),
      ]);
      return { items, total: total?.value ?? 0 };
    },

    async listVersions(id: string) {
      return db
        .select({
          version: patientVersions.version,
          createdAt: patientVersions.createdAt,
          createdById: patientVersions.createdBy,
          createdByName: user.name,
          reason: patientVersions.reason,
        })
        .from(patientVersions)
        .innerJoin(user, eq(user.id, patientVersions.createdBy))
        .where(eq(patientVersions.patientId, id))
        .orderBy(desc(patientVersions.version));
    },
  };
}

export type PatientsRepository = ReturnType<typeof createPatientsRepository>;
