import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { seedDemo } from '../../src/app/demo.usecases.ts';
import { loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/database.ts';
import { createDeps } from '../../src/server.ts';
import { adminPostgresUrl, isPostgresReachable, postgresUrlFor } from './postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite data dirs (migrated; migrated + demo seed) that tests copy instead of paying initdb each time. */
    pgliteEmptyTemplate: string;
    pgliteDemoTemplate: string;
    /** PostgreSQL template database names, or '' when no server is reachable. */
    postgresEmptyTemplate: string;
    postgresDemoTemplate: string;
  }
}

async function prepare(target: { dataDir: string; databaseUrl?: string }, demo: boolean) {
  const handle = await openDatabase({ dataDir: target.dataDir, databaseUrl: target.databaseUrl });
  await handle.migrate();
  if (demo) await seedDemo(await createDeps(handle, loadConfig({ LOG_LEVEL: 'silent' }), { demo: true, baseUrl: 'http://localhost' }));
  await handle.close();
}

/** Builds the templates once per test run; drops them afterwards. */
export default async function setup(project: TestProject) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ketaclinic-templates-'));
  const emptyDir = path.join(root, 'empty');
  const demoDir = path.join(root, 'demo');
  await Promise.all([prepare({ dataDir: emptyDir }, false), prepare({ dataDir: demoDir }, true)]);
  project.provide('pgliteEmptyTemplate', emptyDir);
  project.provide('pgliteDemoTemplate', demoDir);

  const suffix = `${process.pid}_${Date.now()}`;
  const pgTemplates = { empty: `kc_tpl_empty_${suffix}`, demo: `kc_tpl_demo_${suffix}` };
  const havePostgres = await isPostgresReachable();
  if (havePostgres) {
    const admin = new pg.Client({ connectionString: adminPostgresUrl() });
    await admin.connect();
    for (const name of Object.values(pgTemplates)) await admin.query(`create database ${name}`);
    await admin.end();
    await prepare({ dataDir: root, databaseUrl: postgresUrlFor(pgTemplates.empty) }, false);
    await prepare({ dataDir: root, databaseUrl: postgresUrlFor(pgTemplates.demo) }, true);
  }
  project.provide('postgresEmptyTemplate', havePostgres ? pgTemplates.empty : '');
  project.provide('postgresDemoTemplate', havePostgres ? pgTemplates.demo : '');

  return async () => {
    fs.rmSync(root, { recursive: true, force: true });
    if (!havePostgres) return;
    const admin = new pg.Client({ connectionString: adminPostgresUrl() });
    await admin.connect();
    for (const name of Object.values(pgTemplates)) await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
}
