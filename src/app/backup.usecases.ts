import fs from 'node:fs';
import readline from 'node:readline';
import type { Database } from '../db/database.ts';
import { BACKUP_TABLES, type BackupTableName, createBackupRepository } from '../db/repositories/backup.repository.ts';
import { verifyAuditTrail } from './audit.usecases.ts';
import { createRepositories, type Deps, type Repositories } from './deps.ts';
import { AppError } from './errors.ts';
import { verifyLedger } from './ledger/ledger-verify.usecases.ts';

const FORMAT = 'ketaclinic-backup';
const PAGE_ROWS = 2000;

interface BackupHeader {
  format: typeof FORMAT;
  formatVersion: 1;
  schemaVersion: number;
  createdAt: string;
  /** Audit chain heads at backup time: restore checks the restored chain ends exactly here. */
  auditHeads: { clinicId: string; seq: number; hashHex: string }[];
  /** Controlled-substance ledger heads (issue 5, item 4): restore checks every chain ends exactly here. */
  ledgerHeads: { registrationId: string; seq: number; hashHex: string }[];
  rowCounts: Record<string, number>;
}

/**
 * Writes a logical dump as JSON lines: a header (schema version, audit heads, row counts), then one
 * `{ "table", "row" }` per row. Runs inside one repeatable-read transaction so the dump is consistent.
 */
export async function writeBackup(filePath: string, deps: Deps): Promise<BackupHeader> {
  return deps.db.transaction(
    async (tx) => {
      const backup = createBackupRepository(tx as unknown as Database);
      const rowCounts: Record<string, number> = {};
      for (const table of BACKUP_TABLES) rowCounts[table.name] = await backup.countRows(table.name);
      const header: BackupHeader = {
        format: FORMAT,
        formatVersion: 1,
        schemaVersion: await backup.readSchemaVersion(),
        createdAt: deps.clock().toISOString(),
        auditHeads: await createRepositories(tx as unknown as Database).audit.listHeads(),
        ledgerHeads: await listLedgerHeads(createRepositories(tx as unknown as Database)),
        rowCounts,
      };
      const out = fs.createWriteStream(filePath, { flags: 'wx' });
      const write = (line: string) => new Promise<void>((resolve, reject) => out.write(`${line}\n`, (e) => (e ? reject(e) : resolve())));
      await write(JSON.stringify(header));
      for (const table of BACKUP_TABLES) {
        for (let offset = 0; ; offset += PAGE_ROWS) {
          const rows = await backup.readPage(table, offset, PAGE_ROWS);
          for (const row of rows) await write(JSON.stringify({ table: table.name, row }));
          if (rows.length < PAGE_ROWS) break;
        }
      }
      await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
      return header;
    },
    { isolationLevel: 'repeatable read' },
  );
}

/**
 * Loads a backup into an empty database of either engine and verifies the audit chains against the heads
 * recorded in the backup, all in one transaction: a refused backup leaves the target empty. Refuses a non-empty
 * database or a backup from another schema version.
 */
export async function restoreBackup(filePath: string, deps: Deps): Promise<BackupHeader> {
  const lines = readline.createInterface({ input: fs.createReadStream(filePath), crlfDelay: Number.POSITIVE_INFINITY });
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  const header = parseHeader(first.done ? '' : first.value);
  const current = await createBackupRepository(deps.db).readSchemaVersion();
  if (header.schemaVersion !== current)
    throw new AppError(
      'backup.schema_mismatch',
      400,
      `The backup has schema version ${header.schemaVersion}; this release has ${current}. Restore with the matching release.`,
    );
  if (await deps.repos.organization.findOrganization())
    throw new AppError('backup.target_not_empty', 409, 'Restore needs an empty database.');
  await deps.db.transaction(async (tx) => {
    const backup = createBackupRepository(tx as unknown as Database);
    let batch: unknown[] = [];
    let batchTable: BackupTableName | null = null;
    const flush = async () => {
      if (batchTable) await backup.insertRows(batchTable, batch);
      batch = [];
    };
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      if (next.value.trim() === '') continue;
      const { table, row } = parseRow(next.value);
      if (!BACKUP_TABLES.some((t) => t.name === table)) throw new AppError('backup.malformed', 400, `Unknown table ${table} in backup.`);
      if (table !== batchTable || batch.length >= PAGE_ROWS) await flush();
      batchTable = table;
      batch.push(row);
    }
    await flush();
    // Verified before commit, on the transaction's own view of the rows: every table complete, chains intact.
    for (const table of BACKUP_TABLES) {
      const expected = header.rowCounts[table.name] ?? 0;
      const restored = await backup.countRows(table.name);
      // instance_settings may hold rows the target wrote when it was opened (the generated auth secret).
      const complete = table.name === 'instance_settings' ? restored >= expected : restored === expected;
      if (!complete)
        throw new AppError(
          'backup.malformed',
          400,
          `The backup is incomplete: ${table.name} has ${restored} rows, the header says ${expected}.`,
        );
    }
    const txRepos = createRepositories(tx as unknown as Database);
    const verification = await verifyAuditTrail({ ...deps, db: tx as unknown as Database, repos: txRepos });
    const heads = await txRepos.audit.listHeads();
    const headsMatch = JSON.stringify(heads) === JSON.stringify(header.auditHeads);
    if (!verification.ok || !headsMatch)
      throw new AppError('backup.audit_mismatch', 400, 'The restored audit trail does not match the heads recorded in the backup.', {
        ...verification,
      });
    await verifyRestoredLedger(txRepos, header);
  });
  return header;
}

/** Every ledger chain's head, by registration id: what a backup header records and a restore must reproduce. */
async function listLedgerHeads(repos: Repositories): Promise<BackupHeader['ledgerHeads']> {
  const heads: BackupHeader['ledgerHeads'] = [];
  for (const registrationId of await repos.ledger.listRegistrationIds()) {
    const head = await repos.ledger.findHead(registrationId);
    if (head) heads.push({ registrationId, ...head });
  }
  return heads;
}

/**
 * Recomputes the restored ledger chains and balances and compares the heads with those in the header, before the
 * restore commits. A header without ledger heads counts as none, so ledger rows it does not vouch for are refused.
 */
async function verifyRestoredLedger(repos: Repositories, header: BackupHeader) {
  const verification = await verifyLedger({ repos });
  const heads = await listLedgerHeads(repos);
  if (verification.ok && JSON.stringify(heads) === JSON.stringify(header.ledgerHeads ?? [])) return;
  throw new AppError(
    'backup.ledger_mismatch',
    400,
    'The restored controlled-substance ledger does not match the heads recorded in the backup.',
    { ...verification },
  );
}

function parseRow(line: string): { table: BackupTableName; row: unknown } {
  try {
    return JSON.parse(line) as { table: BackupTableName; row: unknown };
  } catch {
    throw new AppError('backup.malformed', 400, 'A line of this backup is not valid JSON; the file is damaged or truncated.');
  }
}

function parseHeader(line: string): BackupHeader {
  try {
    const header = JSON.parse(line) as BackupHeader;
    if (header.format === FORMAT && header.formatVersion === 1) return header;
  } catch {
    // fall through to the clear error below
  }
  throw new AppError('backup.malformed', 400, 'This file is not a KetaClinic backup.');
}
