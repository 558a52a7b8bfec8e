import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../src/app/deps.ts';
import { loadConfig } from '../../src/config.ts';
import { createServer } from '../../src/server.ts';
import { createClient, type TestClient } from '../support/http-client.ts';
import { createTestDatabase, ENGINES, type TestDatabase } from '../support/test-database.ts';

type Summary = { id: string; mrn: string; givenName: string; familyName: string; birthDate: string };

/** The server as it runs, logging at info into memory, so a test can read every line it wrote. */
async function startLoggingServer(engine: (typeof ENGINES)[number]) {
  const database = await createTestDatabase(engine, { demo: true });
  const lines: string[] = [];
  const logDestination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const config = loadConfig({
    DATA_DIR: database.dataDir,
    ...(database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : {}),
    LOG_LEVEL: 'info',
    PORT: '0',
    LOGIN_ATTEMPTS_PER_MIN: '1000',
  });
  const { app, deps } = await createServer({ config, demo: true, webDistDir: undefined, logDestination });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return { url, deps, database, app, log: () => lines.join('') };
}

const patientBody = (p: Pick<Summary, 'mrn' | 'givenName' | 'familyName' | 'birthDate'>) => ({
  demographics: { mrn: p.mrn, givenName: p.givenName, familyName: p.familyName, birthDate: p.birthDate, sex: 'female' },
});

describe.each(ENGINES)('no patient data in the server log on %s', (engine) => {
  let server: Awaited<ReturnType<typeof startLoggingServer>>;
  let database: TestDatabase;
  let deps: Deps;
  let nurse: TestClient;
  let demoPatients: Summary[];

  beforeAll(async () => {
    server = await startLoggingServer(engine);
    ({ database, deps } = server);
    nurse = createClient(server.url);
    await nurse.login('nurse@demo.clinic');
    demoPatients = (await nurse.get<{ items: Summary[] }>('/api/patients?pageSize=50')).body.items;
  });
  afterAll(async () => {
    await server?.app.close();
    await database?.drop();
  });

  /** Every demo patient's name, MRN and birth date that appears anywhere in the log. */
  const leaks = () => {
    const log = server.log();
    return demoPatients.flatMap((p) => [p.givenName, p.familyName, p.mrn, p.birthDate]).filter((value) => log.includes(value));
  };

  it('keeps names, MRNs and birth dates out of the log on every error path', async () => {
    expect(demoPatients.length).toBeGreaterThanOrEqual(10);
    const [a, b, c] = demoPatients as [Summary, Summary, Summary];
    const statuses: number[] = [];
    const record = async (response: Promise<{ status: number }>) => statuses.push((await response).status);

    // A NUL byte in a field, in a path and in a query (PostgreSQL text cannot hold it).
    await record(nurse.post('/api/patients', patientBody({ ...a, mrn: `${a.mrn}-X`, familyName: `${a.familyName}\u0000` })));
    await record(nurse.get(`/api/patients/${encodeURIComponent(a.mrn)}%00`));
    await record(nurse.get(`/api/patients?query=${encodeURIComponent(b.familyName)}%00`));
    await record(nurse.post('/api/self-check', { clinicId: 'x', contact: { name: `${c.givenName}\u0000${c.familyName}` } }));
    // A double submit of the same new MRN, carrying a demo patient's name and birth date.
    const twin = { ...b, mrn: `${b.mrn}-TWIN` };
    await Promise.all(Array.from({ length: 8 }, () => record(nurse.post('/api/patients', patientBody(twin)))));
    // A database error that reaches the error handler: the insert itself fails (a constraint added for this test).
    await deps.db.execute(sql`alter table patients add constraint kc_test_refuse_all check (false) not valid`);
    await record(nurse.post('/api/patients', patientBody({ ...c, mrn: `${c.mrn}-Y` })));
    await deps.db.execute(sql`alter table patients drop constraint kc_test_refuse_all`);
    // A URL the router cannot decode, and one it has no route for.
    await record(nurse.get(`/api/patients/${encodeURIComponent(a.familyName)}%E0%A4%A`));
    await record(nurse.get(`/api/no-such-area/${encodeURIComponent(a.familyName)}`));

    expect(statuses).toContain(500);
    expect(server.log()).toContain('unhandled error');
    expect(leaks()).toEqual([]);
    expect(server.log()).not.toMatch(/params:|Failed query/);
  });
});
