import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../src/app/deps.ts';
import { registerLedgerCommands } from '../../src/cli/ledger.command.ts';
import { runCli } from '../support/cli-io.ts';
import { FIXTURE_DEA_NUMBER, type LedgerFixture, openLedgerFixture } from '../support/ledger-fixture.ts';

/** `ketaclinic ledger verify` (issue 5, item 4): help, JSON output, one registration, balance mismatches, real wiring. */
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);

describe('ketaclinic ledger verify', { timeout: 120_000 }, () => {
  let f: LedgerFixture;
  let handleOpen = true;
  const ledgerCli = (args: string[]) =>
    runCli((program, io) => registerLedgerCommands(program, io, (work) => work(f.deps as Deps)), ['ledger', 'verify', ...args]);

  beforeAll(async () => {
    f = await openLedgerFixture('pglite');
  });
  afterAll(async () => {
    if (handleOpen) await f?.handle.close();
    await f?.database.drop();
  });

  it('explains the reasons, the options and where the heads should be kept', async () => {
    const help = await ledgerCli(['--help']);
    expect(help.code).toBe(0);
    for (const text of [
      'Usage: ketaclinic ledger verify',
      '--registration <id>',
      '--json',
      'tail_missing',
      'DATABASE_URL',
      'off this machine',
    ])
      expect(help.out).toContain(text);
  });

  it('prints the whole verification as JSON with --json and exits 0 on an intact ledger', async () => {
    const result = await ledgerCli(['--json']);
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.out) as { ok: boolean; registrations: { deaNumber: string; entries: number; headSeq: number }[] };
    expect(parsed.ok).toBe(true);
    expect(parsed.registrations).toContainEqual(expect.objectContaining({ deaNumber: FIXTURE_DEA_NUMBER, entries: 2, headSeq: 2 }));
  });

  it('verifies one registration with --registration and refuses an unknown id with exit 1', async () => {
    const one = await ledgerCli(['--registration', f.registrationId]);
    expect(one).toEqual({
      out: `registration ${FIXTURE_DEA_NUMBER} (${f.registrationId}): 2 entries, head 2\nledger verified\n`,
      err: '',
      code: 0,
    });
    const unknown = await ledgerCli(['--registration', 'no-such-registration']);
    expect(unknown).toEqual({ out: '', err: 'ketaclinic: no DEA registration with that id\n', code: 1 });
  });

  it('exits 1 naming the bucket when a cached balance differs from the sum of its lines', async () => {
    await f.deps.db.execute(sql`update ledger_balances set containers = containers - 1, ml = ml - 10, mg = mg - 100
      where registration_id = ${f.registrationId} and location_id = ${f.safeId}`);
    const result = await ledgerCli([]);
    expect(result.code).toBe(1);
    expect(result.out).not.toContain('ledger verified');
    expect(result.err).toMatch(
      new RegExp(
        `balance mismatch: lot \\S+ location ${f.safeId} \\(sealed\\): balance 4.0000 containers, 40.000 mL, 400.000 mg, sum of lines 5.0000 containers, 50.000 mL, 500.000 mg`,
      ),
    );
    await f.deps.db.execute(sql`update ledger_balances set containers = containers + 1, ml = ml + 10, mg = mg + 100
      where registration_id = ${f.registrationId} and location_id = ${f.safeId}`);
  });

  it('is wired into bin/ketaclinic.js and reads DATA_DIR like audit verify', async () => {
    await f.handle.close(); // the CLI takes the data dir lock
    handleOpen = false;
    const env = { ...process.env, DATA_DIR: f.database.dataDir, DATABASE_URL: undefined, LOG_LEVEL: 'silent' };
    const { stdout } = await run('node', ['bin/ketaclinic.js', 'ledger', 'verify'], { cwd: repoRoot, env });
    expect(stdout).toContain(`registration ${FIXTURE_DEA_NUMBER} (${f.registrationId}): 2 entries, head 2`);
    expect(stdout).toContain('ledger verified');
  });
});
