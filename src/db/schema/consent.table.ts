import { boolean, foreignKey, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { RouteGroup, SignerCapacity } from '../../domain/consent/consent-record.ts';
import { user } from './auth.table.ts';
import { clinics } from './organization.table.ts';
import { patients } from './patients.table.ts';

/**
 * Versioned e-consent (issue 4, item 4). Every table is append-only (triggers in migration 0005): a new template
 * version is a new row, a signature is never changed, a withdrawal is a new row.
 */
export const consentTemplates = pgTable(
  'consent_templates',
  {
    clinicId: text('clinic_id')
      .notNull()
      .references(() => clinics.id),
    templateId: text('template_id').notNull(),
    version: integer('version').notNull(),
    routeGroup: text('route_group').$type<RouteGroup>().notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** Only a material change asks patients who signed an earlier version to sign again. */
    materialChange: boolean('material_change').notNull(),
    /** Null for the shipped default templates seeded into the clinic. */
    createdBy: text('created_by').references(() => user.id),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.clinicId, t.templateId, t.version] })],
);

export const consentSignatures = pgTable(
  'consent_signatures',
  {
    id: text('id').primaryKey(),
    clinicId: text('clinic_id').notNull(),
    patientId: text('patient_id')
      .notNull()
      .references(() => patients.id),
    templateId: text('template_id').notNull(),
    version: integer('version').notNull(),
    routeGroup: text('route_group').$type<RouteGroup>().notNull(),
    textSha256: text('text_sha256').notNull(),
    signerName: text('signer_name').notNull(),
    signerCapacity: text('signer_capacity').$type<SignerCapacity>().notNull(),
    representativeRelationship: text('representative_relationship'),
    /** The drawn signature as a PNG data URL (size-capped by the API). */
    signature: text('signature').notNull(),
    signatureSha256: text('signature_sha256').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true, precision: 3 }).notNull(),
    ip: text('ip').notNull(),
    recordSha256: text('record_sha256').notNull(),
    signedVia: text('signed_via').$type<'portal' | 'tablet'>().notNull(),
    recordedBy: text('recorded_by')
      .notNull()
      .references(() => user.id),
  },
  (t) => [
    index('consent_signatures_patient_idx').on(t.patientId, t.signedAt),
    foreignKey({
      name: 'consent_signatures_template_fk',
      columns: [t.clinicId, t.templateId, t.version],
      foreignColumns: [consentTemplates.clinicId, consentTemplates.templateId, consentTemplates.version],
    }),
  ],
);

/** The clinician's statement that the consent discussion took place. */
export const consentAttestations = pgTable(
  'consent_attestations',
  {
    id: text('id').primaryKey(),
    signatureId: text('signature_id')
      .notNull()
      .references(() => consentSignatures.id),
    clinicianId: text('clinician_id')
      .notNull()
      .references(() => user.id),
    attestedAt: timestamp('attested_at', { withTimezone: true, precision: 3 }).notNull(),
    note: text('note'),
  },
  (t) => [index('consent_attestations_signature_idx').on(t.signatureId)],
);

/** A withdrawal blocks further sessions on the route until the patient signs again. */
export const consentWithdrawals = pgTable(
  'consent_withdrawals',
  {
    id: text('id').primaryKey(),
    patientId: text('patient_id')
      .notNull()
      .references(() => patients.id),
    routeGroup: text('route_group').$type<RouteGroup>().notNull(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true, precision: 3 }).notNull(),
    recordedBy: text('recorded_by')
      .notNull()
      .references(() => user.id),
    reason: text('reason').notNull(),
  },
  (t) => [index('consent_withdrawals_patient_idx').on(t.patientId, t.withdrawnAt)],
);
