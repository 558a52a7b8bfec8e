import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase, rowsOf } from '../../src/db/database.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);

/** The pid of a process that has already exited. */
async function pidOfAnExitedProcess(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

describe('embedded data dir lock', { timeout: 120_000 }, () => {
  let database: TestDatabase | undefined;
  let handle: DatabaseHandle | undefined;
  afterEach(async () => {
    await handle?.close();
    handle = undefined;
    await database?.drop();
    database = undefined;
  });

  it('a second process refuses a data dir this process holds, saying it is in use', async () => {
    database = await createTestDatabase('pglite', { demo: false });
    handle = await openDatabase({ dataDir: database.dataDir });
    const env = { ...process.env, DATA_DIR: database.dataDir, DATABASE_URL: undefined };
    const failure = await run('node', ['bin/ketaclinic.js', 'migrate'], { cwd: repoRoot, env }).then(
      () => null,
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(failure).not.toBeNull();
    expect(failure!.code).toBe(1);
    expect(failure!.stderr).toContain(`in use by another ketaclinic process (pid ${process.pid})`);
    expect(failure!.stderr).toContain('Stop the server');
    expect(failure!.stdout).not.toContain('Migrations applied');
    // The holder is unaffected.
    expect(rowsOf<{ n: number }>(await handle.db.execute(sql`select 1 as n`))).toEqual([{ n: 1 }]);
    expect(fs.readFileSync(path.join(database.dataDir, 'ketaclinic.lock'), 'utf8')).toBe(String(process.pid));
  });

  it('recovers a lock file left by a process that has exited', async () => {
    database = await createTestDatabase('pglite', { demo: false });
    const lockPath = path.join(database.dataDir, 'ketaclinic.lock');
    fs.writeFileSync(lockPath, String(await pidOfAnExitedProcess()));
    handle = await openDatabase({ dataDir: database.dataDir });
    expect(
      rowsOf<{ n: number }>(await handle.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`))[0]!.n,
    ).toBeGreaterThan(0);
    expect(fs.readFileSync(lockPath, 'utf8')).toBe(String(process.pid));
    await handle.close();
    handle = undefined;
    expect(fs.existsSync(lockPath)).toBe(false);
  });
});
