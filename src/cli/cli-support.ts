import type { Deps } from '../app/deps.ts';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { createDeps } from '../server.ts';

/** Opens the configured database (refusing a data dir a running server holds), migrates, runs `work`, closes. */
export async function withDatabase<T>(work: (deps: Deps) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const handle = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: 2 });
  try {
    await handle.migrate();
    const deps = await createDeps(
      handle,
      { ...config, LOG_LEVEL: 'silent' },
      { demo: false, baseUrl: config.PUBLIC_URL ?? 'http://localhost' },
    );
    return await work(deps);
  } finally {
    await handle.close();
  }
}

/** Prints a user-facing failure (never a stack for expected errors) and sets the exit code. */
export function fail(message: string, exitCode = 1): void {
  process.stderr.write(`ketaclinic: ${message}\n`);
  process.exitCode = exitCode;
}
