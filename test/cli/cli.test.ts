import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';
import { clinics, organizations, staffRoles, user } from '../../src/db/schema/index.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/ketaclinic.js ...args` on the embedded database in dataDir (never a server from the environment). */
function cli(args: string[], dataDir: string, env: Record<string, string> = {}): Promise<CliResult> {
  const childEnv = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: undefined, KETACLINIC_PASSWORD: undefined, ...env };
  return new Promise((resolve) => {
    execFile('node', ['bin/ketaclinic.js', ...args], { cwd: repoRoot, env: childEnv }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const PASSWORD = 'correct-horse-battery';

// Each spawn loads the app through tsx (1-2 s, more on a busy machine): generous limits, no timing assertions.
describe('ketaclinic CLI', { timeout: 120_000 }, () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  const emptyDatabase = async (): Promise<TestDatabase> => {
    const database = await createTestDatabase('pglite', { demo: false });
    cleanups.push(() => database.drop());
    return database;
  };

  it('prints help for every command and exits 0 without opening a database', async () => {
    const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ketaclinic-help-')), 'never-created');
    cleanups.push(async () => fs.rmSync(path.dirname(dataDir), { recursive: true, force: true }));
    const commands = [['serve'], ['migrate'], ['seed-demo'], ['create-user'], ['audit', 'verify'], ['backup'], ['restore']];
    const results = await Promise.all(commands.map((command) => cli([...command, '--help'], dataDir)));
    results.forEach((result, i) => {
      expect({ command: commands[i], code: result.code }).toEqual({ command: commands[i], code: 0 });
      expect(result.stdout).toContain(`Usage: ketaclinic ${commands[i]!.join(' ')}`);
    });
    expect(results[3]!.stdout).toContain('KETACLINIC_PASSWORD');
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it('create-user on an empty database without the organization flags exits 2 and says which flags to give', async () => {
    const database = await emptyDatabase();
    const result = await cli(['create-user', '--email', 'ada@example.org', '--name', 'Ada', '--role', 'admin'], database.dataDir, {
      KETACLINIC_PASSWORD: PASSWORD,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the database is empty: give --organization-name, --clinic-name and --time-zone');
  });

  it('create-user with a KETACLINIC_PASSWORD under 12 characters exits 2 before touching the database', async () => {
    const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ketaclinic-nopw-')), 'never-created');
    cleanups.push(async () => fs.rmSync(path.dirname(dataDir), { recursive: true, force: true }));
    const result = await cli(['create-user', '--email', 'ada@example.org', '--name', 'Ada', '--role', 'admin'], dataDir, {
      KETACLINIC_PASSWORD: 'too-short',
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('set KETACLINIC_PASSWORD to a password of at least 12 characters');
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it('create-user with a password and the organization flags creates the organization, first clinic and the user', async () => {
    const database = await emptyDatabase();
    const result = await cli(
      [
        'create-user',
        '--email',
        'ada@example.org',
        '--name',
        'Ada Admin',
        '--role',
        'admin',
        '--organization-name',
        'Mesa Ketamine',
        '--clinic-name',
        'Mesa North',
        '--time-zone',
        'America/Denver',
      ],
      database.dataDir,
      { KETACLINIC_PASSWORD: PASSWORD },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Created user \S+ \(admin at Mesa North\)\.\n$/);

    const handle = await openDatabase({ dataDir: database.dataDir });
    try {
      const [created] = await handle.db.select().from(user).where(eq(user.email, 'ada@example.org'));
      expect(created).toMatchObject({ name: 'Ada Admin', active: true });
      expect(await handle.db.select({ name: organizations.name }).from(organizations)).toEqual([{ name: 'Mesa Ketamine' }]);
      const [clinic] = await handle.db.select().from(clinics);
      expect(clinic).toMatchObject({ name: 'Mesa North', timeZone: 'America/Denver', organizationId: created!.organizationId });
      expect(await handle.db.select().from(staffRoles)).toEqual([{ userId: created!.id, clinicId: clinic!.id, role: 'admin' }]);
    } finally {
      await handle.close();
    }
  });

  it('seed-demo seeds an empty database once; the second run says it already has an organization and exits 1', async () => {
    const database = await emptyDatabase();
    const first = await cli(['seed-demo'], database.dataDir);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Seeded the demo clinic');
    const second = await cli(['seed-demo'], database.dataDir);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('the database already has an organization');
    const verify = await cli(['audit', 'verify'], database.dataDir);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toContain('Audit trail intact.');
  });
});
