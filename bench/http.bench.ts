import { spawn } from 'node:child_process';
import autocannon from 'autocannon';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { createDeps } from '../src/server.ts';
import { adminPostgresUrl, postgresUrlFor } from '../test/support/postgres.ts';

const SEQUENTIAL_SAMPLES = 1000;

/**
 * GET /api/patients/:id on PostgreSQL at an offered 500 requests/s for 30 s (-R 500 -c 50), against the built
 * server (`npm run build`) in its own process. The audit write's share is measured as the mean time of one audit
 * append (same statement, same database) over the mean unloaded request time.
 */
export async function runHttpBenchmarks(options: { durationS?: number } = {}) {
  const durationS = options.durationS ?? 30;
  const database = `kc_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminPostgresUrl() });
  await admin.connect();
  await admin.query(`create database ${database}`);
  const port = 41_000 + Math.floor(Math.random() * 9_000);
  const url = `http://127.0.0.1:${port}`;
  const env = { ...process.env, DATABASE_URL: postgresUrlFor(database), PORT: String(port), DATABASE_POOL_SIZE: '4' }; // a small pool suits the 2-core machines
  const server = spawn(process.execPath, ['dist/ketaclinic.mjs', 'serve', '--demo'], { env, stdio: 'ignore' });
  try {
    await waitForHealth(url);
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
    const patientId = list.items[0]!.id;
    const path = `/api/patients/${patientId}`;
    // The floor: the same offered load on a route with no session, database or audit. autocannon's per-connection
    // limiter sends each connection's share as soon as each second starts, so 50 requests arrive together.
    const floor = await autocannon({ url: `${url}/api/health`, connections: 50, overallRate: 500, duration: durationS });
    const loaded = await autocannon({ url: `${url}${path}`, connections: 50, overallRate: 500, duration: durationS, headers: { cookie } });
    const requestMeanMs = await timeSequential(async () => {
      await (await fetch(`${url}${path}`, { headers: { cookie } })).arrayBuffer();
    });
    const auditMeanMs = await timeAuditAppend(postgresUrlFor(database), patientId);
    return {
      'GET /api/patients/:id (PostgreSQL, -R 500 -c 50)': {
        durationS,
        requests: loaded.requests.total,
        non2xx: loaded.non2xx,
        achievedRps: loaded.requests.average,
        p50Ms: loaded.latency.p50,
        p99Ms: loaded.latency.p99,
        meanMs: loaded.latency.average,
      },
      'GET /api/health, same load (floor)': { p50Ms: floor.latency.p50, p99Ms: floor.latency.p99, achievedRps: floor.requests.average },
      unloadedRequestMeanMs: round(requestMeanMs),
      auditAppendMeanMs: round(auditMeanMs),
      auditShareOfRequest: round(auditMeanMs / requestMeanMs),
    };
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    await admin.query(`drop database if exists ${database} with (force)`);
    await admin.end();
  }
}

const round = (value: number) => Math.round(value * 1000) / 1000;

async function timeSequential(work: () => Promise<void>): Promise<number> {
  for (let i = 0; i < 50; i++) await work(); // warm-up
  const started = performance.now();
  for (let i = 0; i < SEQUENTIAL_SAMPLES; i++) await work();
  return (performance.now() - started) / SEQUENTIAL_SAMPLES;
}

async function timeAuditAppend(databaseUrl: string, patientId: string): Promise<number> {
  const handle = await openDatabase({ databaseUrl, dataDir: '', poolSize: 2 });
  try {
    const deps = await createDeps(handle, loadConfig({ LOG_LEVEL: 'silent' }), { demo: false, baseUrl: 'http://localhost' });
    const [clinic] = await deps.repos.organization.listClinics((await deps.repos.organization.findOrganization())!.id);
    const [user] = await deps.repos.organization.listUsers(clinic!.organizationId);
    const entry = {
      clinicId: clinic!.id,
      actorId: user!.id,
      actorRole: 'nurse',
      patientId,
      action: 'read',
      resource: `patient/${patientId}/v1`,
    };
    return await timeSequential(() => deps.repos.audit.append({ ...entry, at: new Date().toISOString(), requestId: crypto.randomUUID() }));
  } finally {
    await handle.close();
  }
}

async function waitForHealth(url: string) {
  for (let attempt = 0; attempt < 600; attempt++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the server did not start');
}
