import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { bytea } from './audit.table.ts';
import { user } from './auth.table.ts';
import { clinics } from './organization.table.ts';
import { patients } from './patients.table.ts';

/**
 * A one-time link that lets a patient create their own portal account (staff never set a patient's password).
 * Only the SHA-256 of the token is stored; the link is shown once. Accepting stamps `accepted_at` in the same
 * statement that checks it is unused and unexpired, so a link opens one account at most.
 */
export const portalInvitations = pgTable(
  'portal_invitations',
  {
    id: text('id').primaryKey(),
    tokenHash: bytea('token_hash').notNull().unique(),
    patientId: text('patient_id')
      .notNull()
      .references(() => patients.id),
    clinicId: text('clinic_id')
      .notNull()
      .references(() => clinics.id),
    createdBy: text('created_by')
      .notNull()
      .references(() => user.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedUserId: text('accepted_user_id').references(() => user.id),
  },
  (t) => [index('portal_invitations_patient_idx').on(t.patientId)],
);
