import { type SQL, sql } from 'drizzle-orm';
import type { Deps, RequestContext } from '../../src/app/deps.ts';
import { addStorageLocation, createRegistration } from '../../src/app/ledger/ledger-registrations.usecases.ts';
import { recordLedgerTransaction } from '../../src/app/ledger/ledger-transactions.usecases.ts';
import { loadConfig } from '../../src/config.ts';
import { type DatabaseHandle, openDatabase, rowsOf } from '../../src/db/database.ts';
import { DEMO_PASSWORD } from '../../src/domain/demo/demo-organization.ts';
import type { TransactionInput } from '../../src/domain/ledger/transaction-input.ts';
import { createDeps } from '../../src/server.ts';
import { contextFor } from './request-context.ts';
import { createTestDatabase, type Engine, type TestDatabase } from './test-database.ts';

/** A synthetic registrant; FT9876547 passes the DEA check digit ((9+7+5) + 2*(8+6+4) = 57 → 7). */
export { contextFor };

export const FIXTURE_DEA_NUMBER = 'FT9876547';
export const SUPPLIER = { name: 'Synthetic Wholesale Inc.', address: '1 Depot Road, Springfield', deaNumber: 'RS1234563' };
export const WITNESS_PHYSICIAN = { email: 'physician@demo.clinic', password: DEMO_PASSWORD };
export const WITNESS_ADMIN = { email: 'admin@demo.clinic', password: DEMO_PASSWORD };

export interface LedgerFixture {
  database: TestDatabase;
  handle: DatabaseHandle;
  deps: Deps;
  registrationId: string;
  safeId: string;
  cabinetId: string;
  patientId: string;
  as: Record<'admin' | 'physician' | 'nurse', RequestContext>;
  record(input: TransactionInput, who?: 'admin' | 'physician' | 'nurse'): ReturnType<typeof recordLedgerTransaction>;
  close(): Promise<void>;
}

/**
 * A private demo database with one DEA registration (two storage locations) created through the use cases, and a
 * receipt of five 10 mL vials of ketamine 10 mg/mL in the safe. `poolSize` matters on PostgreSQL only.
 */
export async function openLedgerFixture(engine: Engine, options: { poolSize?: number } = {}): Promise<LedgerFixture> {
  const database = await createTestDatabase(engine, { demo: true });
  const handle = await openDatabase({ dataDir: database.dataDir, databaseUrl: database.databaseUrl, poolSize: options.poolSize ?? 4 });
  const deps = await createDeps(handle, loadConfig({ LOG_LEVEL: 'silent' }), { demo: false, baseUrl: 'http://localhost' });
  const organization = (await deps.repos.organization.findOrganization())!;
  const clinicId = (await deps.repos.organization.listClinics(organization.id))[0]!.id;
  const as = {
    admin: await contextFor(deps, 'admin@demo.clinic', clinicId),
    physician: await contextFor(deps, 'physician@demo.clinic', clinicId),
    nurse: await contextFor(deps, 'nurse@demo.clinic', clinicId),
  };
  const registration = await createRegistration(
    { deaNumber: FIXTURE_DEA_NUMBER, registrantName: 'Synthetic Pain Clinic', address: '10 Test Street', expiresOn: '2099-12-31' },
    as.admin,
    deps,
  );
  const safeId = (await addStorageLocation(registration.id, { name: 'Main safe' }, as.admin, deps)).id;
  const cabinetId = (await addStorageLocation(registration.id, { name: 'Infusion room cabinet' }, as.admin, deps)).id;
  const [patient] = rowsOf<{ id: string }>(await deps.db.execute(sql`select id from patients order by id limit 1`));
  const record: LedgerFixture['record'] = (input, who = 'nurse') => recordLedgerTransaction(registration.id, input, as[who], deps);
  await record(receiptInput(safeId, 'L-1', 5));
  return {
    database,
    handle,
    deps,
    registrationId: registration.id,
    safeId,
    cabinetId,
    patientId: patient!.id,
    as,
    record,
    close: async () => {
      await handle.close();
      await database.drop();
    },
  };
}

/** A receipt of `containers` sealed 10 mL vials of ketamine 10 mg/mL (100 mg each). */
export function receiptInput(locationId: string, lotNumber: string, containers: number, expiresOn = '2099-06-30'): TransactionInput {
  return {
    kind: 'receipt',
    locationId,
    productId: 'ketamine-10-mg-ml',
    lotNumber,
    expiresOn,
    containerVolumeMl: 10,
    containers,
    supplier: SUPPLIER,
    invoiceNumber: `INV-${lotNumber}`,
    receivedOn: new Date().toISOString().slice(0, 10),
  };
}

/** Runs statements with user triggers (and FK checks) off, as a database superuser could: tampering behind the app's back. */
export async function tamperBehindTheAppsBack(deps: Deps, ...statements: SQL[]) {
  await deps.db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    for (const statement of statements) await tx.execute(statement);
  });
}

/** The database error behind drizzle's wrapper (DrizzleQueryError keeps the driver error as cause). */
export async function databaseError(run: () => Promise<unknown>): Promise<{ message: string; code: string | undefined }> {
  try {
    await run();
  } catch (error) {
    const cause = ((error as { cause?: unknown }).cause ?? error) as { message: string; code?: string };
    return { message: cause.message, code: cause.code };
  }
  throw new Error('the statement was expected to fail');
}
