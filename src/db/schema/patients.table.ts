import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { PatientRecord } from '../../domain/patients/patient-record.ts';
import { user } from './auth.table.ts';
import { clinics, organizations } from './organization.table.ts';

/**
 * The current head of each patient record: the columns search needs and the current version number.
 * The record itself lives in patient_versions, one immutable row per version.
 */
export const patients = pgTable(
  'patients',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    homeClinicId: text('home_clinic_id')
      .notNull()
      .references(() => clinics.id),
    mrn: text('mrn').notNull(),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    sex: text('sex').$type<'female' | 'male' | 'other' | 'unknown'>().notNull(),
    /** Lower-cased "given family" and "family given", for prefix search by name. */
    searchName: text('search_name').notNull(),
    userId: text('user_id').references(() => user.id),
    version: integer('version').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('patients_org_mrn_uq').on(t.organizationId, t.mrn),
    uniqueIndex('patients_user_uq').on(t.userId),
    index('patients_clinic_family_idx').on(t.homeClinicId, t.familyName, t.givenName),
    index('patients_clinic_birth_idx').on(t.homeClinicId, t.birthDate),
  ],
);

/** Every version of every record, append-only (a trigger refuses UPDATE, DELETE and TRUNCATE). */
export const patientVersions = pgTable(
  'patient_versions',
  {
    patientId: text('patient_id')
      .notNull()
      .references(() => patients.id),
    version: integer('version').notNull(),
    clinicId: text('clinic_id')
      .notNull()
      .references(() => clinics.id),
    record: jsonb('record').$type<PatientRecord>().notNull(),
    createdBy: text('created_by')
      .notNull()
      .references(() => user.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    reason: text('reason'),
  },
  (t) => [primaryKey({ columns: [t.patientId, t.version] })],
);
