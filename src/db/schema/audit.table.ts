import { bigint, customType, index, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** Raw bytes (hashes), read back as a Buffer from pg and PGlite alike. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

/**
 * Who read or wrote which patient data, one hash chain per clinic: hash = sha256(previous hash || payload),
 * computed inside PostgreSQL in the same statement that advances audit_heads. Append-only by trigger.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    clinicId: text('clinic_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    actorId: text('actor_id').notNull(),
    actorRole: text('actor_role').notNull(),
    patientId: text('patient_id'),
    action: text('action').notNull(),
    resource: text('resource').notNull(),
    requestId: text('request_id').notNull(),
    hash: bytea('hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.clinicId, t.seq] }), index('audit_log_patient_idx').on(t.patientId, t.at)],
);

/** The head of each clinic's chain, kept outside the chain so a removed tail is detected. */
export const auditHeads = pgTable('audit_heads', {
  clinicId: text('clinic_id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: bytea('hash').notNull(),
});
