import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { RouteGroup } from '../../domain/consent/consent-record.ts';
import type { Database } from '../database.ts';
import { consentAttestations, consentSignatures, consentTemplates, consentWithdrawals, user } from '../schema/index.ts';

export interface ConsentTemplateRow {
  templateId: string;
  version: number;
  routeGroup: RouteGroup;
  title: string;
  body: string;
  materialChange: boolean;
  createdBy: { id: string; name: string } | null;
  createdAt: Date;
}

export type ConsentSignatureRow = typeof consentSignatures.$inferSelect;
export type NewConsentSignature = typeof consentSignatures.$inferInsert;

export interface AttestationRow {
  id: string;
  signatureId: string;
  clinician: { id: string; name: string };
  attestedAt: Date;
  note: string | null;
}

/** All SQL of versioned e-consent (issue 4, item 4): append-only templates, signatures, attestations, withdrawals. */
export function createConsentRepository(db: Database) {
  return {
    /** Every template version of a clinic, by template then newest version first. */
    async listTemplates(clinicId: string): Promise<ConsentTemplateRow[]> {
      const rows = await db
        .select({ t: consentTemplates, creatorName: user.name })
        .from(consentTemplates)
        .leftJoin(user, eq(user.id, consentTemplates.createdBy))
        .where(eq(consentTemplates.clinicId, clinicId))
        .orderBy(asc(consentTemplates.templateId), desc(consentTemplates.version));
      return rows.map(({ t, creatorName }) => ({
        templateId: t.templateId,
        version: t.version,
        routeGroup: t.routeGroup,
        title: t.title,
        body: t.body,
        materialChange: t.materialChange,
        createdBy: t.createdBy ? { id: t.createdBy, name: creatorName ?? '' } : null,
        createdAt: t.createdAt,
      }));
    },

    /** Inserts template versions; an existing (clinic, template, version) is left alone (idempotent seeding). */
    async insertTemplates(rows: (typeof consentTemplates.$inferInsert)[], options: { ignoreExisting: boolean }) {
      if (rows.length === 0) return;
      const insert = db.insert(consentTemplates).values(rows);
      await (options.ignoreExisting ? insert.onConflictDoNothing() : insert);
    },

    async insertSignature(row: NewConsentSignature) {
      await db.insert(consentSignatures).values(row);
    },

    async listSignatures(patientId: string): Promise<ConsentSignatureRow[]> {
      return db
        .select()
        .from(consentSignatures)
        .where(eq(consentSignatures.patientId, patientId))
        .orderBy(desc(consentSignatures.signedAt));
    },

    async findSignature(patientId: string, id: string): Promise<ConsentSignatureRow | undefined> {
      const [row] = await db
        .select()
        .from(consentSignatures)
        .where(and(eq(consentSignatures.patientId, patientId), eq(consentSignatures.id, id)));
      return row;
    },

    async findTemplateVersion(clinicId: string, templateId: string, version: number) {
      const [row] = await db
        .select()
        .from(consentTemplates)
        .where(
          and(eq(consentTemplates.clinicId, clinicId), eq(consentTemplates.templateId, templateId), eq(consentTemplates.version, version)),
        );
      return row;
    },

    async insertAttestation(row: typeof consentAttestations.$inferInsert) {
      await db.insert(consentAttestations).values(row);
    },

    async listAttestations(signatureIds: string[]): Promise<AttestationRow[]> {
      if (signatureIds.length === 0) return [];
      const rows = await db
        .select({ a: consentAttestations, name: user.name })
        .from(consentAttestations)
        .innerJoin(user, eq(user.id, consentAttestations.clinicianId))
        .where(inArray(consentAttestations.signatureId, signatureIds))
        .orderBy(asc(consentAttestations.attestedAt));
      return rows.map(({ a, name }) => ({
        id: a.id,
        signatureId: a.signatureId,
        clinician: { id: a.clinicianId, name },
        attestedAt: a.attestedAt,
        note: a.note,
      }));
    },

    async insertWithdrawal(row: {
      id: string;
      patientId: string;
      routeGroup: RouteGroup;
      withdrawnAt: Date;
      recordedBy: string;
      reason: string;
    }) {
      await db.insert(consentWithdrawals).values(row);
    },

    async listWithdrawals(patientId: string) {
      return db
        .select()
        .from(consentWithdrawals)
        .where(eq(consentWithdrawals.patientId, patientId))
        .orderBy(desc(consentWithdrawals.withdrawnAt));
    },
  };
}

export type ConsentRepository = ReturnType<typeof createConsentRepository>;
