import { sql } from 'drizzle-orm';
import { type Database, rowsOf } from '../database.ts';

/**
 * Tables in foreign-key order with their primary key (for stable paging). Sessions, verification tokens and
 * login-throttle counters are not carried over: after a move everyone signs in again.
 */
export const BACKUP_TABLES = [
  { name: 'organizations', key: 'id' },
  { name: 'user', key: 'id' },
  { name: 'clinics', key: 'id' },
  { name: 'staff_roles', key: 'user_id, clinic_id, role' },
  { name: 'account', key: 'id' },
  { name: 'two_factor', key: 'id' },
  { name: 'instance_settings', key: 'key' },
  { name: 'patients', key: 'id' },
  { name: 'patient_versions', key: 'patient_id, version' },
  { name: 'drug_library_versions', key: 'clinic_id, version' },
  { name: 'drug_library_approvals', key: 'clinic_id, version' },
  { name: 'dose_checks', key: 'id' },
  { name: 'consent_templates', key: 'clinic_id, template_id, version' },
  { name: 'consent_signatures', key: 'id' },
  { name: 'consent_attestations', key: 'id' },
  { name: 'consent_withdrawals', key: 'id' },
  { name: 'self_check_submissions', key: 'id' },
  { name: 'leads', key: 'id' },
  { name: 'evaluations', key: 'id' },
  { name: 'evaluation_signatures', key: 'evaluation_id' },
  { name: 'safety_tasks', key: 'id' },
  { name: 'dea_registrations', key: 'id' },
  { name: 'storage_locations', key: 'id' },
  { name: 'ledger_lots', key: 'id' },
  { name: 'ledger_entries', key: 'registration_id, seq' },
  { name: 'ledger_containers', key: 'id' },
  { name: 'ledger_lines', key: 'entry_id, line_no' },
  { name: 'ledger_heads', key: 'registration_id' },
  { name: 'ledger_balances', key: 'lot_id, location_id, container_id' },
  { name: 'audit_heads', key: 'clinic_id' },
  { name: 'audit_log', key: 'clinic_id, seq' },
] as const;

export type BackupTableName = (typeof BACKUP_TABLES)[number]['name'];

/** Rows travel as PostgreSQL's own JSON (to_jsonb / jsonb_populate_recordset): identical on PGlite and pg. */
export function createBackupRepository(db: Database) {
  return {
    async readSchemaVersion(): Promise<number> {
      const result = await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
      return rowsOf<{ n: number }>(result)[0]!.n;
    },

    async readPage(table: (typeof BACKUP_TABLES)[number], offset: number, limit: number): Promise<unknown[]> {
      const result = await db.execute(
        sql`select to_jsonb(t) as row from ${sql.identifier(table.name)} t order by ${sql.raw(table.key)} limit ${limit} offset ${offset}`,
      );
      return rowsOf<{ row: unknown }>(result).map((r) => r.row);
    },

    async countRows(table: BackupTableName): Promise<number> {
      const result = await db.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`);
      return rowsOf<{ n: number }>(result)[0]!.n;
    },

    async insertRows(table: BackupTableName, rows: unknown[]): Promise<void> {
      if (rows.length === 0) return;
      // Opening any database writes a generated auth_secret (resolveAuthSecret) before restore runs; the backup's wins.
      const onConflict =
        table === 'instance_settings'
          ? sql` on conflict (key) do update set value = excluded.value, created_at = excluded.created_at`
          : sql``;
      await db.execute(
        sql`insert into ${sql.identifier(table)} select * from jsonb_populate_recordset(null::${sql.identifier(table)}, ${JSON.stringify(rows)}::jsonb)${onConflict}`,
      );
    },
  };
}
