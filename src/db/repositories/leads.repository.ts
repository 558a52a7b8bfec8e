import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../database.ts';
import { type LeadStatus, leads, selfCheckSubmissions } from '../schema/index.ts';

export type LeadRow = typeof leads.$inferSelect;
export type SelfCheckSubmissionRow = typeof selfCheckSubmissions.$inferSelect;

/** All SQL of the public self-check (issue 4, item 2): append-only submissions and the leads raised from them. */
export function createLeadsRepository(db: Database) {
  return {
    async insertSubmission(row: typeof selfCheckSubmissions.$inferInsert) {
      await db.insert(selfCheckSubmissions).values(row);
    },

    async insertLead(row: typeof leads.$inferInsert) {
      await db.insert(leads).values(row);
    },

    /** Leads of a clinic, newest first, with the outcome only (never the answers). */
    async listLeads(clinicId: string, status?: LeadStatus) {
      const where = status ? and(eq(leads.clinicId, clinicId), eq(leads.status, status)) : eq(leads.clinicId, clinicId);
      const rows = await db
        .select({ lead: leads, assessment: selfCheckSubmissions.assessment })
        .from(leads)
        .innerJoin(selfCheckSubmissions, eq(selfCheckSubmissions.id, leads.submissionId))
        .where(where)
        .orderBy(desc(leads.createdAt));
      return rows.map(({ lead, assessment }) => ({ ...lead, outcome: assessment.outcome }));
    },

    /** One lead with its outcome; the answers are loaded separately (findSubmission) and only for clinicians. */
    async findLead(id: string) {
      const [row] = await db
        .select({ lead: leads, assessment: selfCheckSubmissions.assessment })
        .from(leads)
        .innerJoin(selfCheckSubmissions, eq(selfCheckSubmissions.id, leads.submissionId))
        .where(eq(leads.id, id));
      return row && { ...row.lead, outcome: row.assessment.outcome };
    },

    async findSubmission(id: string): Promise<SelfCheckSubmissionRow | undefined> {
      const [row] = await db.select().from(selfCheckSubmissions).where(eq(selfCheckSubmissions.id, id));
      return row;
    },

    async updateLeadStatus(id: string, status: LeadStatus) {
      await db.update(leads).set({ status }).where(eq(leads.id, id));
    },

    /** Links a lead to its new patient; false when another request converted it first. */
    async markConverted(id: string, patientId: string): Promise<boolean> {
      const updated = await db
        .update(leads)
        .set({ status: 'converted', patientId })
        .where(and(eq(leads.id, id), isNull(leads.patientId)))
        .returning({ id: leads.id });
      return updated.length === 1;
    },
  };
}
