import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { asc, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { restoreBackup, writeBackup } from '../../src/app/backup.usecases.ts';
import type { Deps } from '../../src/app/deps.ts';
import { AppError } from '../../src/app/errors.ts';
import { loadConfig } from '../../src/config.ts';
import { type DatabaseHandle, openDatabase, rowsOf } from '../../src/db/database.ts';
import { auditHeads, auditLog, instanceSettings, patients, patientVersions, staffRoles, user } from '../../src/db/schema/index.ts';
import { createDeps } from '../../src/server.ts';
import { createClient } from '../support/http-client.ts';
import { postgresUrlFor, withPostgresAdmin } from '../support/postgres.ts';
import { createTestDatabase, ENGINES, type TestDatabase } from '../support/test-database.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);
const havePostgres = ENGINES.includes('postgres');

interface Target {
  dataDir: string;
  databaseUrl: string | undefined;
  drop(): Promise<void>;
}

/**
 * A brand-new empty database to restore into: a freshly created PostgreSQL database when a server is reachable
 * (the move this feature exists for), otherwise a copy of the empty migrated PGlite template.
 */
async function createEmptyTarget(): Promise<Target> {
  if (!havePostgres) return createTestDatabase('pglite', { demo: false });
  const name = `kc_test_${randomUUID().replaceAll('-', '')}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ketaclinic-restore-'));
  await withPostgresAdmin((admin) => admin.query(`create database ${name}`));
  return {
    dataDir,
    databaseUrl: postgresUrlFor(name),
    drop: async () => {
      await withPostgresAdmin((admin) => admin.query(`drop database if exists ${name} with (force)`));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function openDeps(target: { dataDir: string; databaseUrl: string | undefined }): Promise<{ handle: DatabaseHandle; deps: Deps }> {
  const handle = await openDatabase({ dataDir: target.dataDir, databaseUrl: target.databaseUrl });
  await handle.migrate();
  const deps = await createDeps(handle, loadConfig({ LOG_LEVEL: 'silent' }), { demo: false, baseUrl: 'http://localhost' });
  return { handle, deps };
}

/** Everything a restore must carry over, read through the schema so both drivers answer in the same types. */
async function readComparable(deps: Deps) {
  const { db } = deps;
  return {
    patients: await db.select().from(patients).orderBy(asc(patients.id)),
    patientVersions: await db.select().from(patientVersions).orderBy(asc(patientVersions.patientId), asc(patientVersions.version)),
    auditLog: (await db.select().from(auditLog).orderBy(asc(auditLog.clinicId), asc(auditLog.seq))).map((r) => ({
      ...r,
      hash: r.hash.toString('hex'),
    })),
    auditHeads: (await db.select().from(auditHeads).orderBy(asc(auditHeads.clinicId))).map((r) => ({ ...r, hash: r.hash.toString('hex') })),
    userEmails: (await db.select({ email: user.email }).from(user).orderBy(asc(user.email))).map((r) => r.email),
    staffRoles: await db.select().from(staffRoles).orderBy(asc(staffRoles.userId), asc(staffRoles.clinicId), asc(staffRoles.role)),
    authSecret: (await db.select().from(instanceSettings)).find((r) => r.key === 'auth_secret')?.value,
  };
}

async function countOrganizations(deps: Deps) {
  return rowsOf<{ n: number }>(await deps.db.execute(sql`select count(*)::int as n from organizations`))[0]!.n;
}

async function refusal(work: () => Promise<unknown>): Promise<AppError> {
  try {
    await work();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the restore to be refused');
}

describe(`backup of PGlite restored into ${havePostgres ? 'PostgreSQL' : 'PGlite'}`, () => {
  let server: TestServer | undefined;
  let workDir: string;
  let backupFile: string;
  let source: Awaited<ReturnType<typeof readComparable>>;
  const targets: Target[] = [];
  const handles: DatabaseHandle[] = [];

  const openTarget = async () => {
    const target = await createEmptyTarget();
    targets.push(target);
    const opened = await openDeps(target);
    handles.push(opened.handle);
    return opened.deps;
  };

  beforeAll(async () => {
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ketaclinic-backup-'));
    backupFile = path.join(workDir, 'clinic.backup.jsonl');
    server = await startTestServer({ engine: 'pglite', demo: true });
    // A few audited reads and one clinical update through the real API, on top of the demo seed.
    const physician = createClient(server.url);
    await physician.login('physician@demo.clinic');
    const list = await physician.get<{ items: { id: string }[] }>('/api/patients?pageSize=3');
    const patientId = list.body.items[0]!.id;
    const read = await physician.get<{ version: number }>(`/api/patients/${patientId}`);
    const updated = await physician.patch(`/api/patients/${patientId}`, {
      baseVersion: read.body.version,
      demographics: { phone: '555-0199' },
      reason: 'backup test',
    });
    expect(updated.status).toBe(200);
    await writeBackup(backupFile, server.deps);
    source = await readComparable(server.deps);
  });

  afterAll(async () => {
    for (const handle of handles) await handle.close();
    for (const target of targets) await target.drop();
    await server?.close();
    fs.rmSync(workDir, { recursive: true, force: true });
  });

  it('restores patients, versions, the audit trail and heads, users and roles identically', async () => {
    expect(source.patientVersions.some((v) => v.version === 2 && v.reason === 'backup test')).toBe(true);
    expect(source.auditLog.some((e) => e.action === 'update')).toBe(true);
    const target = await openTarget();
    const header = await restoreBackup(backupFile, target);
    expect(header.auditHeads).toEqual(source.auditHeads.map((h) => ({ clinicId: h.clinicId, seq: h.seq, hashHex: h.hash })));
    expect(await readComparable(target)).toEqual(source);
  });

  it('refuses to restore into a database that already has an organization', async () => {
    const target = await openTarget();
    await restoreBackup(backupFile, target);
    const before = await readComparable(target);
    const error = await refusal(() => restoreBackup(backupFile, target));
    expect(error.code).toBe('backup.target_not_empty');
    expect(await readComparable(target)).toEqual(before);
  });

  it.each([
    ['an empty file', ''],
    ['a text file', 'hello, world\n'],
    ['JSON of another format', `${JSON.stringify({ format: 'pg_dump', formatVersion: 1 })}\n`],
  ])('refuses %s as not a backup (backup.malformed)', async (_label, content) => {
    const file = path.join(workDir, `not-a-backup-${randomUUID()}.jsonl`);
    fs.writeFileSync(file, content);
    const target = await openTarget();
    expect((await refusal(() => restoreBackup(file, target))).code).toBe('backup.malformed');
    expect(await countOrganizations(target)).toBe(0);
  });

  it('refuses a backup with a damaged line or an unknown table and leaves the target empty', async () => {
    const lines = fs.readFileSync(backupFile, 'utf8').trimEnd().split('\n');
    const target = await openTarget();
    for (const extra of ['{"table": "patients", "row": {', JSON.stringify({ table: 'session', row: {} })]) {
      const file = path.join(workDir, `damaged-${randomUUID()}.jsonl`);
      fs.writeFileSync(file, `${[...lines, extra].join('\n')}\n`);
      expect((await refusal(() => restoreBackup(file, target))).code).toBe('backup.malformed');
      expect(await countOrganizations(target)).toBe(0);
    }
  });

  it('refuses a backup from another schema version (backup.schema_mismatch)', async () => {
    const [headerLine, ...rest] = fs.readFileSync(backupFile, 'utf8').split('\n');
    const file = path.join(workDir, `newer-${randomUUID()}.jsonl`);
    fs.writeFileSync(file, [JSON.stringify({ ...JSON.parse(headerLine!), schemaVersion: 999 }), ...rest].join('\n'));
    const target = await openTarget();
    expect((await refusal(() => restoreBackup(file, target))).code).toBe('backup.schema_mismatch');
    expect(await countOrganizations(target)).toBe(0);
  });

  it('refuses a backup whose audit entry was edited, leaving the target empty (backup.audit_mismatch)', async () => {
    const lines = fs.readFileSync(backupFile, 'utf8').trimEnd().split('\n');
    const index = lines.findIndex((l) => l.includes('"table":"audit_log"') && l.includes('"action":"update"'));
    expect(index).toBeGreaterThan(0);
    lines[index] = lines[index]!.replace('"action":"update"', '"action":"read"');
    const file = path.join(workDir, `edited-${randomUUID()}.jsonl`);
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    const target = await openTarget();
    const error = await refusal(() => restoreBackup(file, target));
    expect(error.code).toBe('backup.audit_mismatch');
    expect(error.details).toMatchObject({ ok: false, firstBreak: { reason: 'hash_mismatch' } });
    expect(await countOrganizations(target)).toBe(0);
  });
});

describe('ketaclinic backup and restore', { timeout: 120_000 }, () => {
  let source: TestDatabase | undefined;
  let target: Target | undefined;
  const handles: DatabaseHandle[] = [];
  afterEach(async () => {
    for (const handle of handles.splice(0)) await handle.close();
    await target?.drop();
    await source?.drop();
  });

  it(`moves a PGlite data dir into ${havePostgres ? 'PostgreSQL (DATABASE_URL)' : 'another PGlite data dir'}`, async () => {
    source = await createTestDatabase('pglite', { demo: true });
    target = await createEmptyTarget();
    const file = path.join(source.dataDir, 'move.backup.jsonl');
    const baseEnv = { ...process.env, DATABASE_URL: undefined, LOG_LEVEL: 'silent' };

    const backedUp = await run('node', ['bin/ketaclinic.js', 'backup', file], {
      cwd: repoRoot,
      env: { ...baseEnv, DATA_DIR: source.dataDir },
    });
    expect(backedUp.stdout).toContain(`Backup written to ${file}`);
    const restored = await run('node', ['bin/ketaclinic.js', 'restore', file], {
      cwd: repoRoot,
      env: { ...baseEnv, DATA_DIR: target.dataDir, DATABASE_URL: target.databaseUrl },
    });
    expect(restored.stdout).toContain('audit and ledger chains verified');

    const from = await openDeps(source);
    handles.push(from.handle);
    const to = await openDeps(target);
    handles.push(to.handle);
    const expected = await readComparable(from.deps);
    expect(expected.auditLog.length).toBeGreaterThan(0);
    expect(await readComparable(to.deps)).toEqual(expected);
  });
});
