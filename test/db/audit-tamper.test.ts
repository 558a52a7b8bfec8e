import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditTrail } from '../../src/app/audit.usecases.ts';
import type { Deps } from '../../src/app/deps.ts';
import { loadConfig } from '../../src/config.ts';
import { type DatabaseHandle, openDatabase, rowsOf } from '../../src/db/database.ts';
import { createDeps } from '../../src/server.ts';
import { createTestDatabase, ENGINES, type Engine, type TestDatabase } from '../support/test-database.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);

interface Opened {
  database: TestDatabase;
  handle: DatabaseHandle;
  deps: Deps;
  clinicId: string;
  headSeq: number;
}

/** A private demo database with three more entries appended through the app to the first clinic's chain. */
async function openWithEntries(engine: Engine): Promise<Opened> {
  const database = await createTestDatabase(engine, { demo: true });
  const handle = await openDatabase({ dataDir: database.dataDir, databaseUrl: database.databaseUrl });
  const deps = await createDeps(handle, loadConfig({ LOG_LEVEL: 'silent' }), { demo: false, baseUrl: 'http://localhost' });
  const [first] = await deps.repos.audit.listHeads();
  const clinicId = first!.clinicId;
  for (const action of ['read', 'search', 'read_versions'])
    await deps.repos.audit.append({
      clinicId,
      at: deps.clock().toISOString(),
      actorId: 'tamper-test-actor',
      actorRole: 'nurse',
      patientId: action === 'search' ? null : 'tamper-test-patient',
      action,
      resource: `tamper-test/${action}`,
      requestId: `req-${action}`,
    });
  const head = await deps.repos.audit.findHead(clinicId);
  return { database, handle, deps, clinicId, headSeq: head!.seq };
}

async function closeOpened(opened: Opened | undefined) {
  if (!opened) return;
  await opened.handle.close();
  await opened.database.drop();
}

/** The database error behind drizzle's wrapper (DrizzleQueryError keeps the driver error as cause). */
async function databaseError(run: () => Promise<unknown>): Promise<{ message: string; code: string | undefined }> {
  try {
    await run();
  } catch (error) {
    const cause = ((error as { cause?: unknown }).cause ?? error) as { message: string; code?: string };
    return { message: cause.message, code: cause.code };
  }
  throw new Error('the statement was expected to fail');
}

/** Runs statements as the superuser with user triggers off: what someone with database access could do. */
async function tamperBehindTheAppsBack(deps: Deps, statement: SQL) {
  await deps.db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(statement);
  });
}

const snapshot = async (deps: Deps, table: 'audit_log' | 'patient_versions') => {
  const query =
    table === 'audit_log'
      ? sql`select clinic_id, seq, action, encode(hash, 'hex') as hash from audit_log order by clinic_id, seq`
      : sql`select patient_id, version, record::text as record from patient_versions order by patient_id, version`;
  return rowsOf(await deps.db.execute(query));
};

describe.each(ENGINES)('append-only tables on %s', (engine) => {
  let opened: Opened | undefined;
  beforeAll(async () => {
    opened = await openWithEntries(engine);
  });
  afterAll(async () => closeOpened(opened));

  it.each([
    ['audit_log', 'UPDATE', sql`update audit_log set action = 'forged'`],
    ['audit_log', 'DELETE', sql`delete from audit_log where seq = 1`],
    ['audit_log', 'TRUNCATE', sql`truncate audit_log`],
    ['patient_versions', 'UPDATE', sql`update patient_versions set reason = 'forged'`],
    ['patient_versions', 'DELETE', sql`delete from patient_versions`],
    ['patient_versions', 'TRUNCATE', sql`truncate patient_versions`],
  ] as const)('the database refuses %s %s and nothing changes', async (table, operation, statement) => {
    const { deps } = opened!;
    const before = await snapshot(deps, table);
    expect(before.length).toBeGreaterThan(0);
    const error = await databaseError(() => deps.db.execute(statement));
    expect(error.message).toContain(`append_only: ${operation} on ${table} is not allowed`);
    expect(error.code).toBe('42501');
    expect(await snapshot(deps, table)).toEqual(before);
  });

  it('the database refuses DELETE and TRUNCATE of the audit chain heads', async () => {
    const { deps } = opened!;
    const before = await deps.repos.audit.listHeads();
    expect((await databaseError(() => deps.db.execute(sql`delete from audit_heads`))).message).toContain(
      'append_only: DELETE on audit_heads',
    );
    expect((await databaseError(() => deps.db.execute(sql`truncate audit_heads`))).message).toContain(
      'append_only: TRUNCATE on audit_heads',
    );
    expect(await deps.repos.audit.listHeads()).toEqual(before);
  });

  it('the trail written through the app verifies, ending at the recorded heads', async () => {
    const { deps, clinicId, headSeq } = opened!;
    const result = await verifyAuditTrail(deps);
    expect(result).toMatchObject({ ok: true, firstBreak: null });
    expect(result.clinics.find((c) => c.clinicId === clinicId)).toEqual({ clinicId, entries: headSeq, headSeq });
  });
});

describe.each(ENGINES)('audit verification after tampering on %s', (engine) => {
  let opened: Opened | undefined;
  beforeEach(async () => {
    opened = await openWithEntries(engine);
  });
  afterEach(async () => {
    await closeOpened(opened);
    opened = undefined;
  });

  it('names the clinic and seq of an entry whose action was altered (hash_mismatch)', async () => {
    const { deps, clinicId, headSeq } = opened!;
    const seq = headSeq - 1;
    await tamperBehindTheAppsBack(deps, sql`update audit_log set action = 'read' where clinic_id = ${clinicId} and seq = ${seq}`);
    expect(await verifyAuditTrail(deps)).toMatchObject({ ok: false, firstBreak: { clinicId, seq, reason: 'hash_mismatch' } });
  });

  it('reports tail_missing when the newest entries are deleted but the head still counts them', async () => {
    const { deps, clinicId, headSeq } = opened!;
    await tamperBehindTheAppsBack(deps, sql`delete from audit_log where clinic_id = ${clinicId} and seq >= ${headSeq - 1}`);
    expect(await verifyAuditTrail(deps)).toMatchObject({ ok: false, firstBreak: { clinicId, seq: headSeq - 1, reason: 'tail_missing' } });
  });

  it('reports sequence_gap naming the seq of a deleted middle entry', async () => {
    const { deps, clinicId, headSeq } = opened!;
    const seq = headSeq - 2;
    await tamperBehindTheAppsBack(deps, sql`delete from audit_log where clinic_id = ${clinicId} and seq = ${seq}`);
    expect(await verifyAuditTrail(deps)).toMatchObject({ ok: false, firstBreak: { clinicId, seq, reason: 'sequence_gap' } });
  });
});

describe('ketaclinic audit verify', { timeout: 120_000 }, () => {
  let opened: Opened | undefined;
  let handleOpen = false;
  afterAll(async () => {
    if (handleOpen) await opened?.handle.close();
    await opened?.database.drop();
  });

  it('exits 1 and prints the clinic and seq of the first broken entry', async () => {
    opened = await openWithEntries('pglite');
    handleOpen = true;
    const { deps, clinicId, headSeq, handle } = opened;
    await tamperBehindTheAppsBack(
      deps,
      sql`update audit_log set actor_id = 'someone-else' where clinic_id = ${clinicId} and seq = ${headSeq}`,
    );
    await handle.close(); // the CLI takes the data dir lock
    handleOpen = false;

    const env = { ...process.env, DATA_DIR: opened.database.dataDir, DATABASE_URL: undefined };
    const error = await run('node', ['bin/ketaclinic.js', 'audit', 'verify'], { cwd: repoRoot, env }).then(
      () => null,
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(error).not.toBeNull();
    expect(error!.code).toBe(1);
    expect(error!.stderr).toContain(`first bad entry is clinic ${clinicId} seq ${headSeq} (hash_mismatch)`);
    expect(error!.stdout).toContain(`clinic ${clinicId}: ${headSeq} entries, head ${headSeq}`);
  });
});
