import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, numeric, pgTable, primaryKey, text, timestamp, unique } from 'drizzle-orm/pg-core';
import type { LedgerEntryKind } from '../../domain/ledger/ledger-entry.ts';
import { bytea } from './audit.table.ts';
import { user } from './auth.table.ts';
import { clinics, organizations } from './organization.table.ts';
import { patients } from './patients.table.ts';

/** Quantities are exact decimals (PostgreSQL numeric), read back as strings: containers to 1e-4, mL and mg to 1e-3. */
const containersColumn = (name: string) => numeric(name, { precision: 14, scale: 4 }).notNull();
const millilitresColumn = (name: string) => numeric(name, { precision: 14, scale: 3 }).notNull();

/**
 * The Schedule III ledger (issue 5; DOMAIN.md 10). Every record is an entry in one hash chain per DEA registration;
 * stock-moving entries carry lines (signed deltas on a lot × location × container bucket). All tables but the
 * balance cache are append-only (triggers in migration 0009). See src/domain/ledger/README.md.
 */
export const deaRegistrations = pgTable('dea_registrations', {
  id: text('id').primaryKey(),
  organizationId: text('organization_id')
    .notNull()
    .references(() => organizations.id),
  clinicId: text('clinic_id')
    .notNull()
    .references(() => clinics.id),
  deaNumber: text('dea_number').notNull().unique(),
  registrantName: text('registrant_name').notNull(),
  address: text('address').notNull(),
  createdBy: text('created_by')
    .notNull()
    .references(() => user.id),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull(),
});

/** Safes and cabinets of one registration; a location is never removed (entries refer to it). */
export const storageLocations = pgTable(
  'storage_locations',
  {
    id: text('id').primaryKey(),
    registrationId: text('registration_id')
      .notNull()
      .references(() => deaRegistrations.id),
    name: text('name').notNull(),
    createdBy: text('created_by')
      .notNull()
      .references(() => user.id),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [unique('storage_locations_name_unique').on(t.registrationId, t.name)],
);

/** A manufacturer's lot as received by one registration; the product comes from the clinic's drug library. */
export const ledgerLots = pgTable(
  'ledger_lots',
  {
    id: text('id').primaryKey(),
    registrationId: text('registration_id')
      .notNull()
      .references(() => deaRegistrations.id),
    productId: text('product_id').notNull(),
    productName: text('product_name').notNull(),
    drug: text('drug').$type<'ketamine' | 'esketamine'>().notNull(),
    form: text('form').$type<'vial' | 'nasal-device' | 'compounded-oral'>().notNull(),
    lotNumber: text('lot_number').notNull(),
    expiresOn: date('expires_on', { mode: 'string' }).notNull(),
    containerVolumeMl: numeric('container_volume_ml', { precision: 14, scale: 3 }).notNull(),
    concentrationMgPerMl: numeric('concentration_mg_per_ml', { precision: 14, scale: 3 }).notNull(),
    ndc: text('ndc'),
    createdBy: text('created_by')
      .notNull()
      .references(() => user.id),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [unique('ledger_lots_lot_unique').on(t.registrationId, t.productId, t.lotNumber)],
);

/** An opened container (vial, bottle): tracked in mL from the moment it is opened; it never changes location. */
export const ledgerContainers = pgTable('ledger_containers', {
  id: text('id').primaryKey(),
  registrationId: text('registration_id')
    .notNull()
    .references(() => deaRegistrations.id),
  lotId: text('lot_id')
    .notNull()
    .references(() => ledgerLots.id),
  locationId: text('location_id')
    .notNull()
    .references(() => storageLocations.id),
  openedBy: text('opened_by')
    .notNull()
    .references(() => user.id),
  openedAt: timestamp('opened_at', { withTimezone: true, precision: 3 }).notNull(),
  openedEntryId: text('opened_entry_id').notNull(),
});

/**
 * One chain per registration: hash = SHA-256(previous hash || canonical entry incl. its lines), from 32 zero bytes
 * (src/domain/ledger/ledger-chain.ts). details_json is canonical JSON text so the hash can be recomputed byte for byte.
 */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    registrationId: text('registration_id')
      .notNull()
      .references(() => deaRegistrations.id),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    id: text('id').notNull().unique(),
    kind: text('kind').$type<LedgerEntryKind>().notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, precision: 3 }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, precision: 3 }).notNull(),
    recordedBy: text('recorded_by')
      .notNull()
      .references(() => user.id),
    patientId: text('patient_id').references(() => patients.id),
    detailsJson: text('details_json').notNull(),
    /** A correction names the entry it reverses; an entry is corrected at most once. */
    reversesEntryId: text('reverses_entry_id').unique(),
    hash: bytea('hash').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.registrationId, t.seq] }),
    index('ledger_entries_kind_idx').on(t.registrationId, t.kind, t.occurredAt),
    index('ledger_entries_patient_idx').on(t.patientId),
  ],
);

/** Where stock sits: a lot at a location, sealed (container '') or in an opened container (its id). */
const bucketColumns = () => ({
  lotId: text('lot_id')
    .notNull()
    .references(() => ledgerLots.id),
  locationId: text('location_id')
    .notNull()
    .references(() => storageLocations.id),
  containerId: text('container_id').notNull(),
});

/** The signed stock movements of an entry. */
export const ledgerLines = pgTable(
  'ledger_lines',
  {
    entryId: text('entry_id')
      .notNull()
      .references(() => ledgerEntries.id),
    lineNo: integer('line_no').notNull(),
    registrationId: text('registration_id').notNull(),
    ...bucketColumns(),
    deltaContainers: containersColumn('delta_containers'),
    deltaMl: millilitresColumn('delta_ml'),
    deltaMg: millilitresColumn('delta_mg'),
  },
  (t) => [primaryKey({ columns: [t.entryId, t.lineNo] }), index('ledger_lines_bucket_idx').on(t.lotId, t.locationId, t.containerId)],
);

/** Each chain's head, kept outside the chain so a removed tail is detected. */
export const ledgerHeads = pgTable('ledger_heads', {
  registrationId: text('registration_id')
    .primaryKey()
    .references(() => deaRegistrations.id),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: bytea('hash').notNull(),
});

/**
 * Current balance per bucket: a cache of the sum of lines, updated in the posting transaction. The CHECK is what
 * refuses a draw that would go negative, also when two draws race (the second sees the first's row lock).
 */
export const ledgerBalances = pgTable(
  'ledger_balances',
  {
    registrationId: text('registration_id').notNull(),
    ...bucketColumns(),
    containers: containersColumn('containers'),
    ml: millilitresColumn('ml'),
    mg: millilitresColumn('mg'),
  },
  (t) => [
    primaryKey({ columns: [t.lotId, t.locationId, t.containerId] }),
    index('ledger_balances_registration_idx').on(t.registrationId),
    check('ledger_balances_not_negative', sql`${t.containers} >= 0 AND ${t.ml} >= 0 AND ${t.mg} >= 0`),
  ],
);
