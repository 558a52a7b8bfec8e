import type { Deps } from '../../src/app/deps.ts';
import { loadConfig } from '../../src/config.ts';
import { createServer } from '../../src/server.ts';
import { createTestDatabase, type Engine } from './test-database.ts';

export interface TestServer {
  url: string;
  deps: Deps;
  close(): Promise<void>;
}

/** The real server (API + built web app) on a random port over a private database with the demo data. */
export async function startTestServer(
  options: { demo?: boolean; engine?: Engine; env?: Record<string, string>; webDistDir?: string } = {},
): Promise<TestServer> {
  const database = await createTestDatabase(options.engine ?? 'pglite', { demo: options.demo ?? true });
  const config = loadConfig({
    DATA_DIR: database.dataDir,
    ...(database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : {}),
    LOG_LEVEL: 'silent',
    PORT: '0',
    LOGIN_ATTEMPTS_PER_MIN: '1000',
    ...options.env,
  });
  const { app, deps } = await createServer({
    config,
    demo: options.demo ?? true,
    ...(options.webDistDir ? { webDistDir: options.webDistDir } : {}),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    deps,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
