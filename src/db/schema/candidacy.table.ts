import { boolean, date, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { CandidacyResult, EvaluationFindings, SelfCheckAnswers, SelfCheckAssessment } from '../../domain/screening/index.ts';
import { user } from './auth.table.ts';
import { clinics } from './organization.table.ts';
import { patients } from './patients.table.ts';

export type LeadStatus = 'new' | 'contacted' | 'converted' | 'closed';

export interface LeadContact {
  name: string;
  phone?: string | undefined;
  email?: string | undefined;
  preferredTimes?: string | undefined;
}

export interface StoredInstruments {
  phq9?: { total: number; band: string | null; item9: number };
  dn4?: { total: number; positive: boolean };
}

export interface StoredOverride {
  route: string;
  rule: string;
  justification: string;
}

/**
 * Candidacy (issue 4, items 2 and 3). Self-check submissions, evaluations and signatures are append-only (triggers in
 * migration 0007); a lead's status and a safety task's completion are administrative and may be updated.
 */
export const selfCheckSubmissions = pgTable(
  'self_check_submissions',
  {
    id: text('id').primaryKey(),
    clinicId: text('clinic_id')
      .notNull()
      .references(() => clinics.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true, precision: 3 }).notNull(),
    answers: jsonb('answers').$type<SelfCheckAnswers>().notNull(),
    assessment: jsonb('assessment').$type<SelfCheckAssessment>().notNull(),
    ruleSetVersion: text('rule_set_version').notNull(),
  },
  (t) => [index('self_check_submissions_clinic_idx').on(t.clinicId, t.submittedAt)],
);

export const leads = pgTable(
  'leads',
  {
    id: text('id').primaryKey(),
    clinicId: text('clinic_id')
      .notNull()
      .references(() => clinics.id),
    submissionId: text('submission_id')
      .notNull()
      .references(() => selfCheckSubmissions.id),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull(),
    contact: jsonb('contact').$type<LeadContact>().notNull(),
    consentToContact: boolean('consent_to_contact').notNull(),
    status: text('status').$type<LeadStatus>().notNull(),
    patientId: text('patient_id').references(() => patients.id),
  },
  (t) => [index('leads_clinic_idx').on(t.clinicId, t.createdAt)],
);

export const evaluations = pgTable(
  'evaluations',
  {
    id: text('id').primaryKey(),
    clinicId: text('clinic_id')
      .notNull()
      .references(() => clinics.id),
    patientId: text('patient_id')
      .notNull()
      .references(() => patients.id),
    /** The record version the rules read. */
    patientVersion: integer('patient_version').notNull(),
    findings: jsonb('findings').$type<EvaluationFindings>().notNull(),
    instruments: jsonb('instruments').$type<StoredInstruments>().notNull(),
    results: jsonb('results').$type<CandidacyResult[]>().notNull(),
    ruleSetVersion: text('rule_set_version').notNull(),
    createdBy: text('created_by')
      .notNull()
      .references(() => user.id),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [index('evaluations_patient_idx').on(t.patientId, t.createdAt)],
);

export const evaluationSignatures = pgTable('evaluation_signatures', {
  evaluationId: text('evaluation_id')
    .primaryKey()
    .references(() => evaluations.id),
  signedBy: text('signed_by')
    .notNull()
    .references(() => user.id),
  signedAt: timestamp('signed_at', { withTimezone: true, precision: 3 }).notNull(),
  overrides: jsonb('overrides').$type<StoredOverride[]>().notNull(),
  results: jsonb('results').$type<CandidacyResult[]>().notNull(),
  note: text('note'),
  reevaluationDue: date('reevaluation_due').notNull(),
});

export const safetyTasks = pgTable(
  'safety_tasks',
  {
    id: text('id').primaryKey(),
    clinicId: text('clinic_id')
      .notNull()
      .references(() => clinics.id),
    patientId: text('patient_id')
      .notNull()
      .references(() => patients.id),
    kind: text('kind').$type<'phq9_item9'>().notNull(),
    /** The evaluation (or later, questionnaire) that raised the task. */
    sourceId: text('source_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull(),
    completedBy: text('completed_by').references(() => user.id),
    completedAt: timestamp('completed_at', { withTimezone: true, precision: 3 }),
    note: text('note'),
  },
  (t) => [index('safety_tasks_clinic_idx').on(t.clinicId, t.createdAt)],
);
