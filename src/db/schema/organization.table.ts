import { jsonb, pgEnum, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { user } from './auth.table.ts';

export const organizations = pgTable('organizations', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

export interface OpeningHours {
  /** 0 = Sunday ... 6 = Saturday, in the clinic's own time zone. */
  day: number;
  opens: string;
  closes: string;
}

export interface ClinicSettings {
  idleTimeoutMin: number;
  requireTotpForPhysiciansAndAdmins: boolean;
  /** Months after a signed candidacy evaluation until re-evaluation is due (clinic policy; absent = 12). */
  reevaluationMonths?: number;
}

/** Clinic policy default when a clinic has not set it (issue 4 gives "e.g. 12 months"). */
export const DEFAULT_REEVALUATION_MONTHS = 12;

/** A clinic (location) of the organization. Settings are configuration, not clinical data. */
export const clinics = pgTable('clinics', {
  id: text('id').primaryKey(),
  organizationId: text('organization_id')
    .notNull()
    .references(() => organizations.id),
  name: text('name').notNull(),
  address: text('address').notNull(),
  phone: text('phone').notNull(),
  timeZone: text('time_zone').notNull(),
  hours: jsonb('hours').$type<OpeningHours[]>().notNull(),
  settings: jsonb('settings').$type<ClinicSettings>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

export const staffRole = pgEnum('staff_role', ['admin', 'physician', 'nurse', 'front_desk']);

/** Staff hold roles per clinic; the patient role is a link from a patient record to a user instead. */
export const staffRoles = pgTable(
  'staff_roles',
  {
    userId: text('user_id')
      .notNull()
      .references(() => user.id),
    clinicId: text('clinic_id')
      .notNull()
      .references(() => clinics.id),
    role: staffRole('role').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.clinicId, t.role] })],
);
