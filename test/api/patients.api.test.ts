import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../support/http-client.ts';
import { ENGINES } from '../support/test-database.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

type PatientView = {
  id: string;
  version: number;
  access: string;
  demographics: Record<string, unknown>;
  clinical?: Record<string, unknown[]>;
  derived?: Record<string, unknown>;
};
type PatientList = { items: { id: string; mrn: string; familyName: string }[]; total: number; page: number };

const newPatient = (mrn: string) => ({
  demographics: { mrn, givenName: 'Test', familyName: 'Person', birthDate: '1980-02-03', sex: 'female' },
  clinical: { weights: [{ measuredOn: '2026-11-01', value: 154, unit: 'lb' }], heights: [{ measuredOn: '2026-11-01', heightCm: 165 }] },
});

describe.each(ENGINES)('patients API on %s', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ engine });
  });
  afterAll(async () => server?.close());

  it('answers health', async () => {
    const client = createClient(server.url);
    expect(await client.get('/api/health')).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('searches by name, MRN and birth date with pagination', async () => {
    const nurse = createClient(server.url);
    await nurse.login('nurse@demo.clinic');
    const all = await nurse.get<PatientList>('/api/patients?pageSize=5');
    expect(all.status).toBe(200);
    expect(all.body.items).toHaveLength(5);
    const page2 = await nurse.get<PatientList>('/api/patients?pageSize=5&page=2');
    expect(page2.body.items[0]!.id).not.toBe(all.body.items[0]!.id);
    const first = all.body.items[0]!;
    const byMrn = await nurse.get<PatientList>(`/api/patients?query=${encodeURIComponent(first.mrn)}`);
    expect(byMrn.body.items.map((p) => p.id)).toContain(first.id);
    const byName = await nurse.get<PatientList>(`/api/patients?query=${encodeURIComponent(first.familyName.slice(0, 3))}`);
    expect(byName.body.items.map((p) => p.id)).toContain(first.id);
  });

  it('creates a patient with a weight in lb stored in kg, and BMI', async () => {
    const nurse = createClient(server.url);
    await nurse.login('nurse@demo.clinic');
    const created = await nurse.post<PatientView>('/api/patients', newPatient(`T-${engine}-1`));
    expect(created.status).toBe(201);
    expect(created.body.version).toBe(1);
    expect(created.body.clinical!.weights![0]).toMatchObject({ weightKg: 154 * 0.45359237 });
    expect(created.body.derived!.bmi).toBeCloseTo(25.7, 1);
  });

  it('updates with the base version and answers 409 for a stale one', async () => {
    const physician = createClient(server.url);
    await physician.login('physician@demo.clinic');
    const created = await physician.post<PatientView>('/api/patients', newPatient(`T-${engine}-2`));
    const patch = { baseVersion: 1, demographics: { phone: '555-0142' } };
    const updated = await physician.patch<PatientView>(`/api/patients/${created.body.id}`, patch);
    expect(updated.status).toBe(200);
    expect(updated.body.version).toBe(2);
    const stale = await physician.patch(`/api/patients/${created.body.id}`, patch);
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ error: { code: 'patient.version_conflict' } });
    const versions = await physician.get<{ items: { version: number }[] }>(`/api/patients/${created.body.id}/versions`);
    expect(versions.body.items.map((v) => v.version)).toEqual([2, 1]);
  });

  it.each([
    ['weight 0 kg', { clinical: { weights: [{ measuredOn: '2026-01-01', value: 0, unit: 'kg' }] } }],
    ['weight 900 kg', { clinical: { weights: [{ measuredOn: '2026-01-01', value: 900, unit: 'kg' }] } }],
    ['birth date in the future', { demographics: { birthDate: '2999-01-01' } }],
    ['an unknown field', { demographics: { shoeSize: 44 } }],
    ['a wrong type', { demographics: { givenName: 12 } }],
  ])('refuses %s with 400 and changes nothing', async (_label, change) => {
    const nurse = createClient(server.url);
    await nurse.login('nurse@demo.clinic');
    const created = await nurse.post<PatientView>('/api/patients', { demographics: newPatient(`T-${engine}-${_label}`).demographics });
    const result = await nurse.patch(`/api/patients/${created.body.id}`, { baseVersion: 1, ...change });
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ error: { code: 'validation.failed' } });
    const after = await nurse.get<PatientView>(`/api/patients/${created.body.id}`);
    expect(after.body.version).toBe(1);
  });

  it('refuses malformed JSON and oversize bodies with a clear 4xx', async () => {
    const nurse = createClient(server.url);
    await nurse.login('nurse@demo.clinic');
    const malformed = await nurse.post('/api/patients', '{"demographics": ');
    expect(malformed).toMatchObject({ status: 400, body: { error: { code: 'request.malformed_json' } } });
    const huge = await nurse.post('/api/patients', { demographics: { mrn: 'x'.repeat(300_000) } });
    expect(huge).toMatchObject({ status: 413, body: { error: { code: 'request.too_large' } } });
  });

  it('clears an optional contact field given null and keeps fields left out', async () => {
    const nurse = createClient(server.url);
    await nurse.login('nurse@demo.clinic');
    const created = await nurse.post<PatientView>('/api/patients', {
      demographics: { ...newPatient(`T-${engine}-clear`).demographics, email: 'someone@example.com', phone: '555-0100' },
    });
    const cleared = await nurse.patch<PatientView>(`/api/patients/${created.body.id}`, { baseVersion: 1, demographics: { email: null } });
    expect(cleared.status).toBe(200);
    expect(cleared.body.demographics.email).toBeUndefined();
    expect(cleared.body.demographics.phone).toBe('555-0100');
  });

  it('gives new pain-history treatments an id', async () => {
    const nurse = createClient(server.url);
    await nurse.login('nurse@demo.clinic');
    const created = await nurse.post<PatientView>('/api/patients', { demographics: newPatient(`T-${engine}-pain`).demographics });
    const painHistory = { durationMonths: 14, treatmentsTried: [{ category: 'nerve_blocks', result: 'partial' }] };
    const updated = await nurse.patch<PatientView & { clinical: { painHistory: { treatmentsTried: { id: string }[] } } }>(
      `/api/patients/${created.body.id}`,
      { baseVersion: 1, clinical: { painHistory } },
    );
    expect(updated.status).toBe(200);
    expect(updated.body.clinical.painHistory.treatmentsTried[0]!.id).toMatch(/.+/);
  });

  it('refuses a session cookie whose signature was altered', async () => {
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ email: 'nurse@demo.clinic', password: 'demo-password-1' }),
    });
    const cookie = login.headers
      .getSetCookie()
      .find((c) => c.startsWith('ketaclinic.session_token='))!
      .split(';')[0]!;
    const me = (value: string) => fetch(`${server.url}/api/me`, { headers: { cookie: value } }).then((r) => r.status);
    expect(await me(cookie)).toBe(200);
    const [name, value] = cookie.split('=') as [string, string];
    const [token, signature] = decodeURIComponent(value).split('.') as [string, string];
    const forged = `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
    expect(await me(`${name}=${encodeURIComponent(`${token}.${forged}`)}`)).toBe(401);
    expect(await me(`${name}=${encodeURIComponent(token)}`)).toBe(401);
  });

  it('answers 404 for a missing asset instead of the app shell', async () => {
    const response = await fetch(`${server.url}/assets/no-such-file.js`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/json');
  });

  it('stores script and SQL text inert', async () => {
    const nurse = createClient(server.url);
    await nurse.login('nurse@demo.clinic');
    const hostile = "<script>alert(1)</script>'; DROP TABLE patients; --";
    const created = await nurse.post<PatientView>('/api/patients', {
      demographics: { ...newPatient(`T-${engine}-inert`).demographics, givenName: hostile },
    });
    expect(created.status).toBe(201);
    const read = await nurse.get<PatientView>(`/api/patients/${created.body.id}`);
    expect(read.body.demographics.givenName).toBe(hostile);
    expect((await nurse.get<PatientList>('/api/patients')).status).toBe(200);
  });

  it('shows front desk demographics only', async () => {
    const frontDesk = createClient(server.url);
    await frontDesk.login('frontdesk@demo.clinic');
    const list = await frontDesk.get<PatientList>('/api/patients');
    const read = await frontDesk.get<PatientView>(`/api/patients/${list.body.items[0]!.id}`);
    expect(read.body.access).toBe('demographics');
    expect(read.body.clinical).toBeUndefined();
  });

  it('records who opened a record, visible to the patient', async () => {
    const patient = createClient(server.url);
    await patient.login('patient@demo.clinic');
    const me = await patient.get<{ patientId: string }>('/api/me');
    const nurse = createClient(server.url);
    await nurse.login('nurse@demo.clinic');
    await nurse.get(`/api/patients/${me.body.patientId}`);
    const log = await patient.get<{ items: { actorName: string; action: string }[] }>(`/api/patients/${me.body.patientId}/access-log`);
    expect(log.status).toBe(200);
    expect(log.body.items.some((e) => e.actorName.startsWith('Nico Nurse') && e.action === 'read')).toBe(true);
  });
});
