import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { createAuthLibrary } from './app/auth/auth-library.ts';
import { resolveAuthSecret } from './app/bootstrap.usecases.ts';
import { seedDemo } from './app/demo.usecases.ts';
import { createRepositories, type Deps } from './app/deps.ts';
import type { Config } from './config.ts';
import { type DatabaseHandle, openDatabase } from './db/database.ts';
import { buildApp, DEFAULT_WEB_DIST_DIR } from './http/app.ts';
import { LOG_REDACT_PATHS } from './logger.ts';

export interface ServerOptions {
  config: Config;
  demo: boolean;
  /** Overrides the web app folder (tests may pass undefined to serve the API only). */
  webDistDir?: string | undefined;
  /** Where the HTTP log goes (tests read it); standard output by default. */
  logDestination?: pino.DestinationStream | undefined;
}

/** Builds the dependency bundle on an open database: repositories, auth, clock, ids, logger. */
export async function createDeps(handle: DatabaseHandle, config: Config, options: { demo: boolean; baseUrl: string }): Promise<Deps> {
  const repos = createRepositories(handle.db);
  const clock = () => new Date();
  const secret = await resolveAuthSecret(repos, config.AUTH_SECRET, clock);
  const auth = createAuthLibrary({ db: handle.db, secret, baseUrl: options.baseUrl, loginAttemptsPerMin: config.LOGIN_ATTEMPTS_PER_MIN });
  const logger = pino({ level: config.LOG_LEVEL, redact: LOG_REDACT_PATHS });
  return { db: handle.db, repos, auth, clock, newId: randomUUID, logger, demoMode: options.demo };
}

/** Opens the database, applies migrations, seeds the demo when asked, and builds the HTTP app (not listening). */
export async function createServer(options: ServerOptions) {
  const { config } = options;
  const logger = pino({ level: config.LOG_LEVEL, redact: LOG_REDACT_PATHS });
  const handle = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    poolSize: config.DATABASE_POOL_SIZE,
    onPoolError: (error) => logger.warn({ code: (error as { code?: string }).code }, 'database connection lost; the pool reconnects'),
  });
  try {
    await handle.migrate();
    const baseUrl = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
    const deps = await createDeps(handle, config, { demo: options.demo, baseUrl });
    const seeded = options.demo ? await seedDemo(deps) : false;
    const app = await buildApp(
      {
        baseUrl,
        publicUrl: config.PUBLIC_URL,
        trustProxy: config.TRUST_PROXY,
        logLevel: config.LOG_LEVEL,
        webDistDir: 'webDistDir' in options ? options.webDistDir : DEFAULT_WEB_DIST_DIR,
        logDestination: options.logDestination,
      },
      deps,
    );
    app.addHook('onClose', async () => handle.close());
    return { app, deps, handle, seeded };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
