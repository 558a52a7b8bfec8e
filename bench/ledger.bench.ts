import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { seedDemo } from '../src/app/demo.usecases.ts';
import { addStorageLocation, createRegistration } from '../src/app/ledger/ledger-registrations.usecases.ts';
import { recordLedgerTransaction } from '../src/app/ledger/ledger-transactions.usecases.ts';
import { verifyLedger } from '../src/app/ledger/ledger-verify.usecases.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase, rowsOf } from '../src/db/database.ts';
import { createDeps } from '../src/server.ts';
import { adminPostgresUrl, postgresUrlFor } from '../test/support/postgres.ts';
import { contextFor } from '../test/support/request-context.ts';

const SEQUENTIAL_POSTINGS = 500;
const CONCURRENT_POSTINGS = 500;
const CONCURRENCY = 8;

/**
 * The controlled-substance ledger on PostgreSQL: administrations posted one after another and from 8 callers at
 * once into one registration (its head lock serializes them), then `ledger verify` over the whole chain. No target
 * is named by issue 5; these figures show what one registration's chain sustains.
 */
export async function runLedgerBenchmarks() {
  const database = `kc_bench_ledger_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminPostgresUrl() });
  await admin.connect();
  await admin.query(`create database ${database}`);
  const handle = await openDatabase({ dataDir: '', databaseUrl: postgresUrlFor(database), poolSize: CONCURRENCY });
  try {
    await handle.migrate();
    const deps = await createDeps(handle, loadConfig({ LOG_LEVEL: 'silent' }), { demo: false, baseUrl: 'http://localhost' });
    await seedDemo(deps);
    const organization = (await deps.repos.organization.findOrganization())!;
    const clinicId = (await deps.repos.organization.listClinics(organization.id))[0]!.id;
    const nurse = await contextFor(deps, 'nurse@demo.clinic', clinicId);
    const adminCtx = await contextFor(deps, 'admin@demo.clinic', clinicId);
    const registration = await createRegistration(
      { deaNumber: 'BB1234563', registrantName: 'Bench Clinic', address: '1 Bench Way', expiresOn: '2099-12-31' },
      adminCtx,
      deps,
    );
    const safeId = (await addStorageLocation(registration.id, { name: 'Bench safe' }, adminCtx, deps)).id;
    await recordLedgerTransaction(
      registration.id,
      {
        kind: 'receipt',
        locationId: safeId,
        productId: 'ketamine-50-mg-ml',
        lotNumber: 'BENCH-1',
        expiresOn: '2099-12-31',
        containerVolumeMl: 10,
        containers: 100_000,
        supplier: { name: 'Bench Supplier', address: '2 Depot Way', deaNumber: 'RS1234563' },
        invoiceNumber: 'B-1',
        receivedOn: '2026-11-20',
      },
      adminCtx,
      deps,
    );
    const lotId = (await deps.repos.ledger.listLots(registration.id))[0]!.id;
    const [patient] = rowsOf<{ id: string }>(
      await handle.db.execute(sql`select id from patients where home_clinic_id = ${clinicId} limit 1`),
    );
    const administer = () =>
      recordLedgerTransaction(
        registration.id,
        { kind: 'administration', patientId: patient!.id, source: { lotId, locationId: safeId }, administered: { value: 35, unit: 'mg' } },
        nurse,
        deps,
      );

    let started = performance.now();
    for (let i = 0; i < SEQUENTIAL_POSTINGS; i++) await administer();
    const sequentialMs = performance.now() - started;

    started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next++ < CONCURRENT_POSTINGS) await administer();
      }),
    );
    const concurrentMs = performance.now() - started;

    started = performance.now();
    const verification = await verifyLedger(deps, { registrationId: registration.id });
    const verifyMs = performance.now() - started;
    const entries = verification.registrations[0]?.entries ?? 0;
    return {
      'administration (open a vial + administer), sequential': {
        transactions: SEQUENTIAL_POSTINGS,
        meanMs: round(sequentialMs / SEQUENTIAL_POSTINGS),
        perSecond: round((SEQUENTIAL_POSTINGS * 1000) / sequentialMs),
      },
      [`administration, ${CONCURRENCY} callers on one registration`]: {
        transactions: CONCURRENT_POSTINGS,
        perSecond: round((CONCURRENT_POSTINGS * 1000) / concurrentMs),
      },
      'ledger verify': { ok: verification.ok, entries, ms: round(verifyMs), entriesPerSecond: round((entries * 1000) / verifyMs) },
    };
  } finally {
    await handle.close();
    await admin.query(`drop database if exists ${database} with (force)`);
    await admin.end();
  }
}

const round = (value: number) => Math.round(value * 100) / 100;

if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(`${JSON.stringify(await runLedgerBenchmarks(), null, 2)}\n`);
