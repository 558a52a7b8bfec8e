import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase, rowsOf } from '../../src/db/database.ts';
import { postgresUrlFor, withPostgresAdmin } from '../support/postgres.ts';
import { ENGINES } from '../support/test-database.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const migrationsDir = path.join(repoRoot, 'src/db/migrations');
const run = promisify(execFile);

/** Every file under dir (relative paths) with its content, for a before/after comparison. */
function listFiles(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, full)] = fs.readFileSync(full, 'utf8');
  }
  return files;
}

const sqlFiles = fs.readdirSync(migrationsDir).filter((f) => f.endsWith('.sql'));
const journal = JSON.parse(fs.readFileSync(path.join(migrationsDir, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };

describe('committed migrations', { timeout: 120_000 }, () => {
  let tmpDir: string | undefined;
  afterEach(() => {
    if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
    tmpDir = undefined;
  });

  it('match the schema: drizzle-kit generate finds no changes to migrate', async () => {
    tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ketaclinic-drift-'));
    fs.cpSync(migrationsDir, tmpDir, { recursive: true });
    const before = listFiles(tmpDir);
    // drizzle-kit prefixes --out with "./", so an absolute path would not resolve; pass it relative to the repo.
    const out = path.relative(repoRoot, tmpDir);
    const { stdout } = await run(
      'npx',
      ['drizzle-kit', 'generate', '--dialect', 'postgresql', '--schema', './src/db/schema/index.ts', '--out', out],
      {
        cwd: repoRoot,
      },
    );
    expect(stdout).toContain('No schema changes');
    expect(listFiles(tmpDir)).toEqual(before);
  });

  it('are listed one for one in the journal', () => {
    expect(journal.entries.map((e) => `${e.tag}.sql`)).toEqual([...sqlFiles].sort());
  });
});

describe.each(ENGINES)('migrating a brand-new %s database from zero', (engine) => {
  let handle: DatabaseHandle | undefined;
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await handle?.close();
    handle = undefined;
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  async function openBrandNew(): Promise<DatabaseHandle> {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ketaclinic-zero-'));
    cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
    if (engine === 'pglite') return openDatabase({ dataDir });
    const name = `kc_test_${randomUUID().replaceAll('-', '')}`;
    await withPostgresAdmin((admin) => admin.query(`create database ${name}`));
    cleanups.push(() => withPostgresAdmin((admin) => admin.query(`drop database if exists ${name} with (force)`)).then(() => undefined));
    return openDatabase({ dataDir, databaseUrl: postgresUrlFor(name) });
  }

  it('applies every migration once, records each in the journal table, and a second run changes nothing', async () => {
    handle = await openBrandNew();
    await handle.migrate();
    const applied = async () =>
      rowsOf<{ n: number }>(await handle!.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`))[0]!.n;
    expect(await applied()).toBe(sqlFiles.length);
    await handle.migrate();
    expect(await applied()).toBe(sqlFiles.length);

    const tables = rowsOf<{ table_name: string }>(
      await handle.db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`),
    ).map((r) => r.table_name);
    expect(tables).toEqual(
      expect.arrayContaining([
        'audit_heads',
        'audit_log',
        'organizations',
        'clinics',
        'patients',
        'patient_versions',
        'user',
        'staff_roles',
        'drug_library_versions',
        'drug_library_approvals',
        'dose_checks',
        'consent_templates',
        'consent_signatures',
        'consent_attestations',
        'consent_withdrawals',
        'self_check_submissions',
        'leads',
        'evaluations',
        'evaluation_signatures',
        'safety_tasks',
        'dea_registrations',
        'storage_locations',
        'ledger_lots',
        'ledger_containers',
        'ledger_entries',
        'ledger_lines',
        'ledger_heads',
        'ledger_balances',
      ]),
    );
    const triggers = rowsOf<{ tgname: string }>(
      await handle.db.execute(sql`select tgname from pg_trigger where not tgisinternal order by tgname`),
    ).map((r) => r.tgname);
    expect(triggers).toEqual([
      'audit_heads_no_delete',
      'audit_heads_no_truncate',
      'audit_log_append_only',
      'audit_log_no_truncate',
      'consent_attestations_append_only',
      'consent_attestations_no_truncate',
      'consent_signatures_append_only',
      'consent_signatures_no_truncate',
      'consent_templates_append_only',
      'consent_templates_no_truncate',
      'consent_withdrawals_append_only',
      'consent_withdrawals_no_truncate',
      'dea_registrations_append_only',
      'dea_registrations_no_truncate',
      'dose_checks_append_only',
      'dose_checks_no_truncate',
      'drug_library_approvals_append_only',
      'drug_library_approvals_no_truncate',
      'drug_library_versions_append_only',
      'drug_library_versions_no_truncate',
      'evaluation_signatures_append_only',
      'evaluation_signatures_no_truncate',
      'evaluations_append_only',
      'evaluations_no_truncate',
      'ledger_balances_no_delete',
      'ledger_balances_no_truncate',
      'ledger_containers_append_only',
      'ledger_containers_no_truncate',
      'ledger_entries_append_only',
      'ledger_entries_no_truncate',
      'ledger_heads_no_delete',
      'ledger_heads_no_truncate',
      'ledger_lines_append_only',
      'ledger_lines_no_truncate',
      'ledger_lots_append_only',
      'ledger_lots_no_truncate',
      'patient_versions_append_only',
      'patient_versions_no_truncate',
      'patients_no_delete',
      'patients_no_truncate',
      'self_check_submissions_append_only',
      'self_check_submissions_no_truncate',
      'storage_locations_append_only',
      'storage_locations_no_truncate',
    ]);
  });
});
