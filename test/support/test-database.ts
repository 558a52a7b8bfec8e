import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { postgresUrlFor, withPostgresAdmin } from './postgres.ts';

export type Engine = 'pglite' | 'postgres';

/** Engines this run can test: PGlite always, PostgreSQL when a server answered during global setup. */
export const ENGINES: Engine[] = inject('postgresEmptyTemplate') ? ['pglite', 'postgres'] : ['pglite'];

export interface TestDatabase {
  dataDir: string;
  databaseUrl: string | undefined;
  drop(): Promise<void>;
}

/** A private database for one test file: a copy of the PGlite template, or a PostgreSQL database cloned from one. */
export async function createTestDatabase(engine: Engine, options: { demo: boolean }): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ketaclinic-test-'));
  if (engine === 'pglite') {
    fs.cpSync(inject(options.demo ? 'pgliteDemoTemplate' : 'pgliteEmptyTemplate'), dataDir, { recursive: true });
    return { dataDir, databaseUrl: undefined, drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `kc_test_${randomUUID().replaceAll('-', '')}`;
  const template = inject(options.demo ? 'postgresDemoTemplate' : 'postgresEmptyTemplate');
  await withPostgresAdmin((client) => client.query(`create database ${name} template ${template}`));
  return {
    dataDir,
    databaseUrl: postgresUrlFor(name),
    drop: async () => {
      await withPostgresAdmin((client) => client.query(`drop database if exists ${name} with (force)`));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
