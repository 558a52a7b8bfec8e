import autocannon from 'autocannon';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { createServer } from '../src/server.ts';
import { adminPostgresUrl, postgresUrlFor } from '../test/support/postgres.ts';

/**
 * GET /api/patients/:id on PostgreSQL at an offered 500 requests/s for 30 s (-R 500 -c 50), with the audit write
 * and without it (the audit repository swapped for a no-op), so the audit's share of the latency is measured.
 */
export async function runHttpBenchmarks(options: { durationS?: number } = {}) {
  const durationS = options.durationS ?? 30;
  const name = `kc_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminPostgresUrl() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  try {
    const config = loadConfig({
      DATABASE_URL: postgresUrlFor(name),
      LOG_LEVEL: 'silent',
      DATABASE_POOL_SIZE: '20',
      LOGIN_ATTEMPTS_PER_MIN: '1000',
      PORT: '0',
    });
    const { app, deps } = await createServer({ config, demo: true, webDistDir: undefined });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url },
      body: JSON.stringify({ email: 'nurse@demo.clinic', password: 'demo-password-1' }),
    });
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const list = (await (await fetch(`${url}/api/patients?pageSize=1`, { headers: { cookie } })).json()) as { items: { id: string }[] };
    const path = `/api/patients/${list.items[0]!.id}`;
    const run = async () => {
      const result = await autocannon({
        url: `${url}${path}`,
        connections: 50,
        overallRate: 500,
        duration: durationS,
        headers: { cookie },
      });
      return {
        requests: result.requests.total,
        non2xx: result.non2xx,
        p50Ms: result.latency.p50,
        p99Ms: result.latency.p99,
        meanMs: result.latency.average,
      };
    };
    const withAudit = await run();
    const realAppend = deps.repos.audit.append;
    deps.repos.audit.append = async () => undefined;
    const withoutAudit = await run();
    deps.repos.audit.append = realAppend;
    await app.close();
    return {
      'GET /api/patients/:id (PostgreSQL, -R 500 -c 50)': { durationS, withAudit, withoutAudit },
      auditShareOfMeanLatency: Number(((withAudit.meanMs - withoutAudit.meanMs) / withAudit.meanMs).toFixed(3)),
    };
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
