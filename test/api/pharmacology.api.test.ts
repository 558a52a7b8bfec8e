import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/database.ts';
import { computeAgeYears } from '../../src/domain/demo/demo-random.ts';
import { DEFAULT_DRUG_LIBRARY, type DrugLibrary, simulatePopulation, simulateRegimen } from '../../src/domain/pharmacology/index.ts';
import { createClient, type TestClient } from '../support/http-client.ts';
import { ENGINES } from '../support/test-database.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

type ErrorBody = { error: { code: string; details: { issues?: { path: string; message: string }[] } } };
type DoseResult = { verdict: string; libraryVersion: string; checkId: string; violations: { limit: string }[] };
type LibraryState = {
  current: { version: number; isDefault: boolean; approvedBy?: { name: string }; library: DrugLibrary };
  draft: { version: number; library: DrugLibrary } | null;
};

const infusion = { drug: 'ketamine', events: [{ type: 'infusion', startMin: 0, endMin: 60, route: 'iv', rate: '0.5 mg/kg/h' }] };
const simulation = { modelId: 'kamp-2020', regimen: infusion, untilMin: 120, stepMin: 1 };
const population = { subjects: 50, seed: 42, variability: { clearance: 0.3, centralVolume: 0.2 } };
const ivDose = (dose: string) => ({ productId: 'ketamine-10-mg-ml', profileId: 'pain-clinic-iv', weightKg: 70, dose });
const paths = (body: unknown) => ((body as ErrorBody).error.details.issues ?? []).map((i) => i.path);

/** The default library with the IV bolus hard maximum lowered from 1 to 0.4 mg/kg. */
function tighterLibrary(): DrugLibrary {
  const library = structuredClone(DEFAULT_DRUG_LIBRARY);
  const entry = library.profiles.find((p) => p.id === 'pain-clinic-iv')!.entries[0]!;
  const hard = entry.limits.find((l) => l.kind === 'bolus' && l.hardMax !== undefined)!;
  hard.hardMax = 0.4;
  return library;
}

describe.each(ENGINES)('pharmacology API on %s', (engine) => {
  let server: TestServer;
  const as: Record<'admin' | 'physician' | 'nurse' | 'frontdesk' | 'patient', TestClient> = {} as never;
  let clinicId: string;
  let patientId: string;

  beforeAll(async () => {
    server = await startTestServer({ engine });
    for (const name of ['admin', 'physician', 'nurse', 'frontdesk', 'patient'] as const) {
      as[name] = createClient(server.url);
      expect((await as[name].login(`${name}@demo.clinic`)).status).toBe(200);
    }
    clinicId = (await as.nurse.get<{ activeClinicId: string }>('/api/me')).body.activeClinicId;
    const created = await as.nurse.post<{ id: string }>('/api/patients', {
      demographics: { mrn: `PK-${engine}`, givenName: 'Pk', familyName: 'Person', birthDate: '1980-02-03', sex: 'female' },
      clinical: {
        weights: [
          { measuredOn: '2026-01-01', value: 90, unit: 'kg' },
          { measuredOn: '2026-11-01', value: 80, unit: 'kg' },
        ],
      },
    });
    expect(created.status).toBe(201);
    patientId = created.body.id;
  });
  afterAll(async () => server?.close());

  it('lists the models with ranges and citations, and the concentration bands', async () => {
    const models = await as.nurse.get<{ models: { id: string; citation: string }[]; bands: { id: string; upperNgPerMl: number | null }[] }>(
      '/api/pk/models',
    );
    expect(models.status).toBe(200);
    expect(models.body.models.map((m) => m.id)).toContain('kamp-2020');
    expect(models.body.bands.at(-1)!.upperNgPerMl).toBeNull();
  });

  it('simulates with the same numbers as the domain simulateRegimen', async () => {
    const response = await as.nurse.post<{ simulation: unknown }>('/api/pk/simulate', { ...simulation, weightKg: 70, ageYears: 45 });
    expect(response.status).toBe(200);
    const domain = simulateRegimen({ ...simulation, weightKg: 70, ageYears: 45 });
    expect(domain.ok).toBe(true);
    expect(response.body.simulation).toEqual(JSON.parse(JSON.stringify(domain.ok && domain.value)));
  });

  it('takes weight, age and sex from the record for a patientId, and audits the read', async () => {
    const response = await as.physician.post<{ simulation: { weightKg: number; plasmaNgPerMl: number[] } }>('/api/pk/simulate', {
      ...simulation,
      patientId,
    });
    expect(response.status).toBe(200);
    expect(response.body.simulation.weightKg).toBe(80);
    const ageYears = computeAgeYears('1980-02-03', new Date().toISOString().slice(0, 10));
    const domain = simulateRegimen({ ...simulation, weightKg: 80, ageYears, sex: 'f' });
    expect(response.body.simulation.plasmaNgPerMl).toEqual(domain.ok && domain.value.plasmaNgPerMl);
    const log = await server.deps.repos.audit.listForPatient(patientId, { limit: 50, offset: 0 });
    expect(log.items.map((i) => i.resource)).toContain(`patient/${patientId}/pk`);
  });

  it('answers 404 for a patientId that does not exist and 400 naming weightKg when none is known', async () => {
    const missing = await as.nurse.post('/api/pk/simulate', { ...simulation, patientId: 'no-such-patient' });
    expect(missing).toMatchObject({ status: 404, body: { error: { code: 'patient.not_found' } } });
    const noWeight = await as.nurse.post('/api/pk/simulate', simulation);
    expect(noWeight.status).toBe(400);
    expect(paths(noWeight.body)).toEqual(['weightKg']);
  });

  it('runs a population through the worker pool, reproducibly for a seed', async () => {
    const body = { ...simulation, weightKg: 70, population };
    const first = await as.nurse.post<{ population: { percentiles: { p95: number[] } } }>('/api/pk/simulate', body);
    const second = await as.nurse.post<{ population: unknown }>('/api/pk/simulate', body);
    expect(first.status).toBe(200);
    expect(second.body.population).toEqual(first.body.population);
    const domain = simulatePopulation({ ...simulation, weightKg: 70, ...population });
    expect(first.body.population).toEqual(JSON.parse(JSON.stringify(domain.ok && domain.value)));
    const otherSeed = await as.nurse.post<{ population: { percentiles: { p95: number[] } } }>('/api/pk/simulate', {
      ...body,
      population: { ...population, seed: 43 },
    });
    expect(otherSeed.body.population.percentiles.p95).not.toEqual(first.body.population.percentiles.p95);
  });

  it.each([
    ['more than 2,000 subjects', { subjects: 2001 }, { untilMin: 120, stepMin: 1 }, 'body.population.subjects'],
    ['more than 20 M points', { subjects: 2000 }, { untilMin: 1440, stepMin: 0.1 }, 'population.subjects'],
    ['an unknown variability parameter', { variability: { volume: 0.1 } }, { untilMin: 120, stepMin: 1 }, 'body.population.variability'],
  ])('refuses a population with %s (400 naming the field)', async (_label, change, grid, path) => {
    const response = await as.nurse.post('/api/pk/simulate', {
      ...simulation,
      ...grid,
      weightKg: 70,
      population: { ...population, ...change },
    });
    expect(response).toMatchObject({ status: 400, body: { error: { code: 'validation.failed' } } });
    expect(paths(response.body)).toContain(path);
  });

  it('refuses a bad regimen with 400 naming the field', async () => {
    const regimen = { drug: 'ketamine', events: [{ type: 'infusion', startMin: 60, endMin: 30, route: 'iv', rate: '0.5 mg/kg/h' }] };
    const response = await as.nurse.post('/api/pk/simulate', { ...simulation, weightKg: 70, regimen });
    expect(response).toMatchObject({ status: 400, body: { error: { code: 'validation.failed' } } });
    expect(paths(response.body)).toEqual(['regimen.events[0].endMin']);
  });

  it.each([
    ['front desk', 'frontdesk'],
    ['a patient', 'patient'],
  ] as const)('refuses simulation and dose checks to %s (403)', async (_label, who) => {
    const simulate = await as[who].post('/api/pk/simulate', { ...simulation, weightKg: 70, patientId });
    expect(simulate.status).toBe(403);
    const check = await as[who].post('/api/dose/check', ivDose('0.3 mg/kg'));
    expect(check.status).toBe(403);
    expect((await as[who].get('/api/drug-library')).status).toBe(403);
  });

  it.each([
    ['0.3 mg/kg', 'ok'],
    ['0.5 mg/kg', 'soft'],
    ['1.5 mg/kg', 'hard'],
  ])('checks %s against the default library: %s, and logs the check', async (dose, verdict) => {
    const response = await as.nurse.post<DoseResult>('/api/dose/check', ivDose(dose));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ verdict, libraryVersion: DEFAULT_DRUG_LIBRARY.version });
    const row = await server.deps.repos.drugLibrary.findDoseCheck(response.body.checkId);
    expect(row).toMatchObject({ clinicId, verdict, libraryVersion: DEFAULT_DRUG_LIBRARY.version, patientId: null });
  });

  it('takes the weight for a dose check from the record and audits it under the check id', async () => {
    const { weightKg: _, ...withoutWeight } = ivDose('0.3 mg/kg');
    const response = await as.physician.post<DoseResult & { volumeMl: number }>('/api/dose/check', { ...withoutWeight, patientId });
    expect(response.status).toBe(200);
    const row = await server.deps.repos.drugLibrary.findDoseCheck(response.body.checkId);
    expect(row).toMatchObject({ patientId, request: { weightKg: 80, weightFrom: 'record' } });
    const log = await server.deps.repos.audit.listForPatient(patientId, { limit: 50, offset: 0 });
    expect(log.items.map((i) => i.resource)).toContain(`dose-check/${response.body.checkId}`);
  });

  it('refuses an unknown product with 400 naming productId and stores nothing', async () => {
    const response = await as.nurse.post('/api/dose/check', { ...ivDose('0.3 mg/kg'), productId: 'no-such-product' });
    expect(response.status).toBe(400);
    expect(paths(response.body)).toEqual(['productId']);
  });

  it('starts from the default library, not approved by this clinic', async () => {
    const state = await as.admin.get<LibraryState>('/api/drug-library');
    expect(state.status).toBe(200);
    expect(state.body).toMatchObject({ current: { version: 0, isDefault: true }, draft: null });
    expect(state.body.current.library.version).toBe(DEFAULT_DRUG_LIBRARY.version);
  });

  it('refuses a draft that drugLibrarySchema rejects, naming the path', async () => {
    const library = tighterLibrary();
    library.profiles[0]!.entries[0]!.productIds = ['no-such-product'];
    const response = await as.admin.post('/api/drug-library/drafts', { library });
    expect(response.status).toBe(400);
    expect(paths(response.body)).toContain('library.profiles.0.entries.0.productIds.0');
  });

  it('lets an admin draft and a physician approve a tighter library, which changes the verdict', async () => {
    expect((await as.physician.post('/api/drug-library/drafts', { library: tighterLibrary() })).status).toBe(403);
    const draft = await as.admin.post<{ version: number; library: DrugLibrary }>('/api/drug-library/drafts', {
      library: tighterLibrary(),
      note: 'bolus hard max 0.4 mg/kg',
    });
    expect(draft.status).toBe(201);
    expect(draft.body.version).toBe(1);
    const label = `${clinicId.slice(0, 8)}-v1`;
    expect(draft.body.library).toMatchObject({ version: label, status: 'draft' });
    const pending = await as.nurse.get<LibraryState>('/api/drug-library');
    expect(pending.body).toMatchObject({ current: { isDefault: true }, draft: { version: 1 } });

    expect((await as.admin.post('/api/drug-library/versions/1/approve', {})).status).toBe(403);
    expect((await as.nurse.post('/api/drug-library/versions/1/approve', {})).status).toBe(403);
    const approved = await as.physician.post<LibraryState['current']>('/api/drug-library/versions/1/approve', { note: 'reviewed' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ version: 1, isDefault: false, approvedBy: { name: expect.any(String) } });
    expect(approved.body.library).toMatchObject({ version: label, status: 'approved' });

    const check = await as.nurse.post<DoseResult>('/api/dose/check', ivDose('0.5 mg/kg'));
    expect(check.body).toMatchObject({ verdict: 'hard', libraryVersion: label });
    expect(check.body.violations.map((v) => v.limit)).toContain('bolus.hardMax');
    const row = await server.deps.repos.drugLibrary.findDoseCheck(check.body.checkId);
    expect(row).toMatchObject({ libraryVersion: label, verdict: 'hard' });

    const again = await as.physician.post('/api/drug-library/versions/1/approve', {});
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'drug_library.already_approved' } } });
    const missing = await as.physician.post('/api/drug-library/versions/99/approve', {});
    expect(missing).toMatchObject({ status: 404, body: { error: { code: 'drug_library.version_not_found' } } });
  });

  it('refuses approval by the draft author, even one who is also a physician', async () => {
    const email = `admin-physician-${engine}@pk.test`;
    const roles = [
      { clinicId, role: 'admin' },
      { clinicId, role: 'physician' },
    ];
    expect((await as.admin.post('/api/users', { email, name: 'Dual Role', password: 'dual-password-1', roles })).status).toBe(201);
    const dual = createClient(server.url);
    expect((await dual.login(email, 'dual-password-1')).status).toBe(200);
    const draft = await dual.post<{ version: number }>('/api/drug-library/drafts', { library: tighterLibrary() });
    expect(draft.status).toBe(201);
    const own = await dual.post(`/api/drug-library/versions/${draft.body.version}/approve`, {});
    expect(own).toMatchObject({ status: 403, body: { error: { code: 'drug_library.self_approval' } } });
    // No body at all is an approval without a note.
    expect((await as.physician.post(`/api/drug-library/versions/${draft.body.version}/approve`)).status).toBe(200);
    const versions = await as.admin.get<{ items: { version: number; status: string }[] }>('/api/drug-library/versions');
    expect(versions.body.items.map((v) => [v.version, v.status])).toEqual([
      [draft.body.version, 'current'],
      [1, 'superseded'],
    ]);
  });

  it.each([
    ['UPDATE', 'drug_library_versions', sql`update drug_library_versions set note = 'edited'`],
    ['DELETE', 'drug_library_versions', sql`delete from drug_library_versions`],
    ['TRUNCATE', 'drug_library_versions', sql`truncate drug_library_versions cascade`],
    ['UPDATE', 'drug_library_approvals', sql`update drug_library_approvals set note = 'edited'`],
    ['DELETE', 'drug_library_approvals', sql`delete from drug_library_approvals`],
    ['UPDATE', 'dose_checks', sql`update dose_checks set verdict = 'ok'`],
    ['DELETE', 'dose_checks', sql`delete from dose_checks`],
    ['TRUNCATE', 'dose_checks', sql`truncate dose_checks`],
  ])('refuses %s on %s in the database itself', async (operation, table, statement) => {
    const count = async () =>
      rowsOf<{ n: number }>(await server.deps.db.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]!.n;
    const before = await count();
    expect(before).toBeGreaterThan(0);
    const error = await server.deps.db.execute(statement).then(
      () => undefined,
      (e: { cause?: { message: string; code?: string } }) => e.cause,
    );
    expect(error?.message).toContain(`append_only: ${operation} on ${table} is not allowed`);
    expect(error?.code).toBe('42501');
    expect(await count()).toBe(before);
  });
  it('plans a loading bolus and step rates that reach a target for the patient on record, inside the library', async () => {
    const body = {
      modelId: 'kamp-2020',
      patientId,
      targetNgPerMl: 200,
      durationMin: 240,
      productId: 'ketamine-10-mg-ml',
      profileId: 'pain-clinic-iv',
    };
    const planned = await as.nurse.post<{
      bolusMg: number;
      steps: { rateMgPerH: number }[];
      withinTolerance: boolean;
      checks: { verdict: string }[];
      libraryVersion: string;
    }>('/api/pk/plan', body);
    expect(planned.status).toBe(200);
    expect(planned.body.steps.length).toBeGreaterThan(0);
    expect(planned.body.checks.every((c) => c.verdict !== 'hard')).toBe(true);
    const library = await as.nurse.get<LibraryState>('/api/drug-library');
    expect(planned.body.libraryVersion).toBe(library.body.current.library.version);
    const refused = await as.frontdesk.post('/api/pk/plan', body);
    expect(refused.status).toBe(403);
    const unknownProduct = await as.nurse.post('/api/pk/plan', { ...body, productId: 'no-such-vial' });
    expect(unknownProduct.status).toBe(400);
    expect(paths(unknownProduct.body)).toContain('productId');
  });
});
