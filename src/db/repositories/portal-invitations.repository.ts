import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Database } from '../database.ts';
import { portalInvitations } from '../schema/index.ts';

export type PortalInvitationRow = typeof portalInvitations.$inferSelect;

/** All SQL of patient portal invitations: insert, look up by token hash, and the one-time acceptance. */
export function createPortalInvitationsRepository(db: Database) {
  return {
    async insert(row: typeof portalInvitations.$inferInsert) {
      await db.insert(portalInvitations).values(row);
    },

    async findByTokenHash(tokenHash: Buffer): Promise<PortalInvitationRow | undefined> {
      const [row] = await db.select().from(portalInvitations).where(eq(portalInvitations.tokenHash, tokenHash));
      return row;
    },

    /** Invitations of a patient, newest first (shown on the chart: who invited, when, used or not). */
    async listForPatient(patientId: string) {
      return db
        .select()
        .from(portalInvitations)
        .where(eq(portalInvitations.patientId, patientId))
        .orderBy(desc(portalInvitations.createdAt));
    },

    /**
     * Marks an unused, unexpired invitation accepted and returns it; undefined when it was used or expired
     * meanwhile. One statement, so of two parallel acceptances exactly one gets the row.
     */
    async claim(id: string, userId: string, at: Date): Promise<PortalInvitationRow | undefined> {
      const [row] = await db
        .update(portalInvitations)
        .set({ acceptedAt: at, acceptedUserId: userId })
        .where(and(eq(portalInvitations.id, id), isNull(portalInvitations.acceptedAt), gt(portalInvitations.expiresAt, at)))
        .returning();
      return row;
    },
  };
}
