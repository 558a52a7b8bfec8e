import { foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { Violation } from '../../domain/pharmacology/dose-check.ts';
import type { DrugLibrary } from '../../domain/pharmacology/drug-library.ts';
import { user } from './auth.table.ts';
import { clinics } from './organization.table.ts';
import { patients } from './patients.table.ts';

/**
 * Each clinic's drug library, one immutable row per version (issue 3, item 7; DOMAIN.md 13). An admin writes a
 * draft, a different physician approves it; the clinic's current library is its highest approved version.
 * All three tables are append-only (triggers in migration 0003).
 */
export const drugLibraryVersions = pgTable(
  'drug_library_versions',
  {
    clinicId: text('clinic_id')
      .notNull()
      .references(() => clinics.id),
    version: integer('version').notNull(),
    /** Validated by drugLibrarySchema; its `version` label (`<clinic>-v<n>`) is set by the server. */
    library: jsonb('library').$type<DrugLibrary>().notNull(),
    createdBy: text('created_by')
      .notNull()
      .references(() => user.id),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull(),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.clinicId, t.version] })],
);

/** A physician's approval of one version; a version is approved at most once. */
export const drugLibraryApprovals = pgTable(
  'drug_library_approvals',
  {
    clinicId: text('clinic_id').notNull(),
    version: integer('version').notNull(),
    approvedBy: text('approved_by')
      .notNull()
      .references(() => user.id),
    approvedAt: timestamp('approved_at', { withTimezone: true, precision: 3 }).notNull(),
    note: text('note'),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.version] }),
    foreignKey({
      name: 'drug_library_approvals_version_fk',
      columns: [t.clinicId, t.version],
      foreignColumns: [drugLibraryVersions.clinicId, drugLibraryVersions.version],
    }),
  ],
);

/** Every dose check with the library version it used, for review of breaches and overrides (DOMAIN.md 13). */
export const doseChecks = pgTable(
  'dose_checks',
  {
    id: text('id').primaryKey(),
    clinicId: text('clinic_id')
      .notNull()
      .references(() => clinics.id),
    patientId: text('patient_id').references(() => patients.id),
    actorId: text('actor_id')
      .notNull()
      .references(() => user.id),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    libraryVersion: text('library_version').notNull(),
    productId: text('product_id').notNull(),
    profileId: text('profile_id').notNull(),
    /** The request as checked (strings as entered, weight used). */
    request: jsonb('request').$type<Record<string, unknown>>().notNull(),
    verdict: text('verdict').$type<'ok' | 'soft' | 'hard'>().notNull(),
    violations: jsonb('violations').$type<Violation[]>().notNull(),
  },
  (t) => [index('dose_checks_clinic_at_idx').on(t.clinicId, t.at), index('dose_checks_patient_at_idx').on(t.patientId, t.at)],
);
