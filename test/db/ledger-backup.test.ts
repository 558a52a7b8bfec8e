import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asc, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreBackup, writeBackup } from '../../src/app/backup.usecases.ts';
import type { Deps } from '../../src/app/deps.ts';
import { AppError } from '../../src/app/errors.ts';
import { renewRegistration } from '../../src/app/ledger/ledger-registrations.usecases.ts';
import { verifyLedger } from '../../src/app/ledger/ledger-verify.usecases.ts';
import { loadConfig } from '../../src/config.ts';
import { type DatabaseHandle, openDatabase, rowsOf } from '../../src/db/database.ts';
import { ledgerBalances, ledgerEntries, ledgerHeads, ledgerLines } from '../../src/db/schema/ledger.table.ts';
import type { TransactionInput } from '../../src/domain/ledger/transaction-input.ts';
import { createDeps } from '../../src/server.ts';
import { type LedgerFixture, openLedgerFixture, WITNESS_PHYSICIAN } from '../support/ledger-fixture.ts';
import { createTestDatabase, ENGINES, type TestDatabase } from '../support/test-database.ts';

/**
 * Issue 5, item 4: every backup header records each ledger chain's head, and a restore recomputes the chains and
 * balances against those heads before it commits (`backup.ledger_mismatch` otherwise, leaving the target empty).
 */
const targetEngine = ENGINES.at(-1)!;

async function readLedger(deps: Deps) {
  const { db } = deps;
  const hex = <T extends { hash: Buffer }>(rows: T[]) => rows.map((r) => ({ ...r, hash: r.hash.toString('hex') }));
  return {
    entries: hex(await db.select().from(ledgerEntries).orderBy(asc(ledgerEntries.registrationId), asc(ledgerEntries.seq))),
    lines: await db.select().from(ledgerLines).orderBy(asc(ledgerLines.entryId), asc(ledgerLines.lineNo)),
    heads: hex(await db.select().from(ledgerHeads).orderBy(asc(ledgerHeads.registrationId))),
    balances: await db
      .select()
      .from(ledgerBalances)
      .orderBy(asc(ledgerBalances.lotId), asc(ledgerBalances.locationId), asc(ledgerBalances.containerId)),
  };
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

describe(`ledger in a PGlite backup restored into ${targetEngine}`, () => {
  let fixture: LedgerFixture;
  let workDir: string;
  let backupFile: string;
  let lines: string[];
  const opened: { handle: DatabaseHandle; database: TestDatabase }[] = [];

  const openTarget = async (): Promise<Deps> => {
    const database = await createTestDatabase(targetEngine, { demo: false });
    const handle = await openDatabase({ dataDir: database.dataDir, databaseUrl: database.databaseUrl });
    opened.push({ handle, database });
    return createDeps(handle, loadConfig({ LOG_LEVEL: 'silent' }), { demo: false, baseUrl: 'http://localhost' });
  };
  const organizations = async (deps: Deps) =>
    rowsOf<{ n: number }>(await deps.db.execute(sql`select count(*)::int as n from organizations`))[0]!.n;
  const writeVariant = (edited: string[]) => {
    const file = path.join(workDir, `variant-${randomUUID()}.jsonl`);
    fs.writeFileSync(file, `${edited.join('\n')}\n`);
    return file;
  };
  const rowOf = (line: string) => JSON.parse(line) as { table: string; row: Record<string, unknown> };

  beforeAll(async () => {
    fixture = await openLedgerFixture('pglite');
    const lotId = (await fixture.deps.repos.ledger.listLots(fixture.registrationId))[0]!.id;
    const opening = await fixture.record({ kind: 'open_container', lotId, locationId: fixture.safeId });
    const containerId = opening.entries[0]!.lines.find((l) => l.containerId)!.containerId!;
    const waste: TransactionInput = {
      kind: 'waste',
      containerId,
      quantity: { value: 2, unit: 'mL' },
      reason: 'spill',
      witnesses: [WITNESS_PHYSICIAN],
    };
    await fixture.record(waste);
    // The newest entry moves no stock, so removing it leaves every balance consistent: only the heads can tell.
    await renewRegistration(fixture.registrationId, { expiresOn: '2100-12-31' }, fixture.as.admin, fixture.deps);
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ketaclinic-ledger-backup-'));
    backupFile = path.join(workDir, 'ledger.backup.jsonl');
    await writeBackup(backupFile, fixture.deps);
    lines = fs.readFileSync(backupFile, 'utf8').trimEnd().split('\n');
  });

  afterAll(async () => {
    for (const { handle, database } of opened) {
      await handle.close();
      await database.drop();
    }
    await fixture?.close();
    fs.rmSync(workDir, { recursive: true, force: true });
  });

  it('records every ledger head in the header and restores a ledger that verifies identically', async () => {
    const header = JSON.parse(lines[0]!) as { ledgerHeads: unknown };
    const head = (await fixture.deps.repos.ledger.findHead(fixture.registrationId))!;
    expect(head.seq).toBe(5);
    expect(header.ledgerHeads).toContainEqual({ registrationId: fixture.registrationId, ...head });
    const target = await openTarget();
    await restoreBackup(backupFile, target);
    expect(await readLedger(target)).toEqual(await readLedger(fixture.deps));
    const verification = await verifyLedger(target);
    expect(verification.ok).toBe(true);
    expect(verification.registrations).toContainEqual(
      expect.objectContaining({ registrationId: fixture.registrationId, entries: 5, headSeq: 5 }),
    );
  });

  it('refuses a backup whose ledger entry was edited (backup.ledger_mismatch) and leaves the target empty', async () => {
    const index = lines.findIndex((l) => l.includes('"table":"ledger_entries"') && l.includes('INV-L-1'));
    expect(index).toBeGreaterThan(0);
    const edited = [...lines];
    edited[index] = edited[index]!.replaceAll('INV-L-1', 'INV-FORGED');
    const target = await openTarget();
    const error = await refusal(() => restoreBackup(writeVariant(edited), target));
    expect(error.code).toBe('backup.ledger_mismatch');
    expect(error.details).toMatchObject({ ok: false, firstBreak: { seq: 2, reason: 'hash_mismatch' } });
    expect(await organizations(target)).toBe(0);
  });

  it('refuses a backup whose newest entry was cut and its head table rewound: only the header head tells', async () => {
    const ours = (row: Record<string, unknown>) => row.registration_id === fixture.registrationId;
    const entryLines = lines.filter((l) => l.includes('"table":"ledger_entries"')).map(rowOf);
    const previous = entryLines.find((e) => ours(e.row) && e.row.seq === 4)!.row;
    const header = JSON.parse(lines[0]!) as { rowCounts: Record<string, number> };
    header.rowCounts.ledger_entries! -= 1;
    const edited = [JSON.stringify(header)];
    for (const line of lines.slice(1)) {
      const { table, row } = rowOf(line);
      if (table === 'ledger_entries' && ours(row) && row.seq === 5) continue;
      const rewound = table === 'ledger_heads' && ours(row);
      edited.push(rewound ? JSON.stringify({ table, row: { ...row, seq: 4, hash: previous.hash } }) : line);
    }
    const target = await openTarget();
    const error = await refusal(() => restoreBackup(writeVariant(edited), target));
    expect(error.code).toBe('backup.ledger_mismatch');
    // The restored chain itself is consistent with the rewound head table: the backup header is the evidence.
    expect(error.details).toMatchObject({ ok: true, firstBreak: null });
    expect(await organizations(target)).toBe(0);
  });
});
