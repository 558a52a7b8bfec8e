import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { MIGRATIONS_DIR } from '../paths.ts';
import { lockDataDir } from './data-dir-lock.ts';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export interface DatabaseHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  /** Applies the committed migrations (idempotent). */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://... switches to a PostgreSQL server; otherwise PGlite in dataDir. */
  databaseUrl?: string | undefined;
  dataDir: string;
  poolSize?: number;
  /** Told about errors on idle pooled connections (logged by the server). */
  onPoolError?: (error: Error) => void;
}

const migrationsFolder = MIGRATIONS_DIR;

/** Opens the embedded database (locked data dir) or a pg pool; same schema, same code either way. */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  // Each engine's driver is loaded only when used: start-up pays for one of them, not both.
  if (options.databaseUrl) {
    const [{ default: pg }, { drizzle: drizzleNodePg }, { migrate: migrateNodePg }] = await Promise.all([
      import('pg'),
      import('drizzle-orm/node-postgres'),
      import('drizzle-orm/node-postgres/migrator'),
    ]);
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // An idle client dropped by the server (restart, failover) must not crash the process; the pool reconnects.
    pool.on('error', (error) => options.onPoolError?.(error));
    const db = drizzleNodePg({ client: pool, schema });
    return {
      db: db as unknown as Database,
      kind: 'postgres',
      migrate: () => migrateNodePg(db, { migrationsFolder }),
      close: () => pool.end(),
    };
  }
  const release = lockDataDir(options.dataDir);
  try {
    const [{ PGlite }, { drizzle: drizzlePglite }, { migrate: migratePglite }] = await Promise.all([
      import('@electric-sql/pglite'),
      import('drizzle-orm/pglite'),
      import('drizzle-orm/pglite/migrator'),
    ]);
    // Without fsync: survives a crashed or killed process, not a power loss (README, "Embedded database").
    const client = await PGlite.create(path.join(options.dataDir, 'pgdata'), { relaxedDurability: true });
    const db = drizzlePglite({ client, schema });
    return {
      db: db as unknown as Database,
      kind: 'pglite',
      migrate: () => migratePglite(db, { migrationsFolder }),
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** Rows of a raw `db.execute` result: both drivers answer `{ rows }`. */
export const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;
