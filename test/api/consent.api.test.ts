import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConsentStatus } from '../../src/app/consent-status.usecases.ts';
import { hashConsentRecord } from '../../src/domain/consent/consent-record.ts';
import { createClient, type TestClient } from '../support/http-client.ts';
import { ENGINES } from '../support/test-database.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

type Template = { templateId: string; version: number; routeGroup: string; body: string; textSha256: string; isCurrent: boolean };
type RouteStatus = { routeGroup: string; status: string; currentVersion: number };
type ConsentRecord = {
  id: string;
  version: number;
  textSha256: string;
  recordSha256: string;
  recordHashValid: boolean;
  signedAt: string;
  signedVia: string;
  ip: string;
  signerName: string;
  attestations: { clinician: { name: string } }[];
};
type ErrorBody = { error: { code: string; details: { currentVersion?: number; issues?: { path: string }[] } } };

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const IV = 'iv-infusion-pain';

describe.each(ENGINES)('consent API on %s', (engine) => {
  let server: TestServer;
  const as: Record<'admin' | 'physician' | 'nurse' | 'frontdesk' | 'patient', TestClient> = {} as never;
  let patientId: string;
  let ownPatientId: string;

  const templates = async () => (await as.nurse.get<{ items: Template[] }>('/api/consent-templates')).body.items;
  const current = async (templateId = IV) => (await templates()).find((t) => t.templateId === templateId && t.isCurrent)!;
  const statusOf = async (id = patientId, routeGroup = 'iv_infusion') => {
    const res = await as.nurse.get<{ routes: RouteStatus[] }>(`/api/patients/${id}/consents`);
    expect(res.status).toBe(200);
    return res.body.routes.find((r) => r.routeGroup === routeGroup)!.status;
  };
  const sign = async (client: TestClient, overrides: Record<string, unknown> = {}, id = patientId) => {
    const t = await current();
    return client.post<ConsentRecord>(`/api/patients/${id}/consents`, {
      templateId: t.templateId,
      version: t.version,
      textSha256: t.textSha256,
      signerName: 'Consent Person',
      signerCapacity: 'patient',
      signature: PNG,
      ...overrides,
    });
  };
  const newVersion = (body: string, materialChange: boolean) =>
    as.admin.post<Template>(`/api/consent-templates/${IV}/versions`, { title: 'IV ketamine for chronic pain', body, materialChange });

  beforeAll(async () => {
    server = await startTestServer({ engine });
    for (const name of ['admin', 'physician', 'nurse', 'frontdesk', 'patient'] as const) {
      as[name] = createClient(server.url);
      expect((await as[name].login(`${name}@demo.clinic`)).status).toBe(200);
    }
    ownPatientId = (await as.patient.get<{ patientId: string }>('/api/me')).body.patientId;
    const created = await as.nurse.post<{ id: string }>('/api/patients', {
      demographics: { mrn: `CONSENT-${engine}`, givenName: 'Consent', familyName: 'Person', birthDate: '1980-02-03', sex: 'female' },
    });
    expect(created.status).toBe(201);
    patientId = created.body.id;
  });
  afterAll(async () => server?.close());

  it('serves one current default template per route group, marked for legal review, to staff and the patient', async () => {
    const staff = await templates();
    const own = (await as.patient.get<{ items: Template[] }>('/api/consent-templates')).body.items;
    expect(own.map((t) => t.textSha256)).toEqual(staff.map((t) => t.textSha256));
    const currentOnes = staff.filter((t) => t.isCurrent);
    expect(currentOnes.map((t) => t.routeGroup).sort()).toEqual(['esketamine_nasal', 'im_sc', 'iv_infusion', 'oral_sublingual']);
    for (const t of currentOnes) {
      expect(t.body).toContain('LEGAL REVIEW');
      expect(t.textSha256).toBe(sha256(t.body.normalize('NFC')));
    }
  });

  it('starts missing, and a tablet signature by a legal representative makes it current with a verifiable record hash', async () => {
    expect(await statusOf()).toBe('missing');
    const t = await current();
    const res = await sign(as.nurse, {
      signerName: 'Rep Person',
      signerCapacity: 'legal_representative',
      representativeRelationship: 'mother',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ signedVia: 'tablet', recordHashValid: true, textSha256: t.textSha256, version: t.version });
    expect(res.body.ip).toMatch(/127\.0\.0\.1/);
    const expected = hashConsentRecord(
      {
        templateId: IV,
        templateVersion: t.version,
        textSha256: t.textSha256,
        patientId,
        signerName: 'Rep Person',
        signerCapacity: 'legal_representative',
        representativeRelationship: 'mother',
        signedAtIso: res.body.signedAt,
        signatureSha256: sha256(PNG),
      },
      sha256,
    );
    expect(res.body.recordSha256).toBe(expected);
    expect(await statusOf()).toBe('current');
  });

  it('gives a different record hash for another signer or signature, the same text hash', async () => {
    const a = await sign(as.nurse, { signerName: 'Signer One' });
    const b = await sign(as.nurse, { signerName: 'Signer Two' });
    const c = await sign(as.nurse, { signerName: 'Signer One', signature: `${PNG.slice(0, -4)}AAA=` });
    expect(new Set([a.body.recordSha256, b.body.recordSha256, c.body.recordSha256]).size).toBe(3);
    expect(a.body.textSha256).toBe(b.body.textSha256);
  });

  it('refuses a missing drawn signature and a representative without a relationship (400)', async () => {
    const noSignature = await sign(as.nurse, { signature: undefined });
    expect(noSignature.status).toBe(400);
    expect((noSignature.body as unknown as ErrorBody).error.details.issues?.map((i) => i.path)).toContain('body.signature');
    const blank = await sign(as.nurse, { signature: '' });
    expect(blank.status).toBe(400);
    const rep = await sign(as.nurse, { signerCapacity: 'legal_representative' });
    expect(rep.status).toBe(400);
    expect((rep.body as unknown as ErrorBody).error.details.issues?.map((i) => i.path)).toContain('body.representativeRelationship');
  });

  it('hashes the same text in NFC and NFD alike', async () => {
    const text = 'Risques : nausée, dissociation, élévation de la tension artérielle.';
    const nfd = await newVersion(text.normalize('NFD'), false);
    const nfc = await newVersion(text.normalize('NFC'), false);
    expect(nfd.status).toBe(201);
    expect(nfc.status).toBe(201);
    expect(nfd.body.textSha256).toBe(nfc.body.textSha256);
    expect(nfd.body.textSha256).toBe(sha256(text.normalize('NFC')));
  });

  it('keeps consent current after an editorial version, refuses an old version (409), asks again after a material change', async () => {
    expect(await statusOf()).toBe('current');
    const before = await current();
    const editorial = await newVersion(`${before.body}\n\nTypo fixed.`, false);
    expect(editorial.body.version).toBe(before.version + 1);
    expect(await statusOf()).toBe('current');
    const stale = await as.nurse.post<ErrorBody>(`/api/patients/${patientId}/consents`, {
      templateId: IV,
      version: before.version,
      textSha256: before.textSha256,
      signerName: 'Consent Person',
      signerCapacity: 'patient',
      signature: PNG,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('consent.template_not_current');
    expect(stale.body.error.details.currentVersion).toBe(editorial.body.version);
    expect((await newVersion(`${before.body}\n\nNew risk section.`, true)).status).toBe(201);
    expect(await statusOf()).toBe('reconsent_required');
    expect((await sign(as.nurse)).status).toBe(201);
    expect(await statusOf()).toBe('current');
  });

  it('refuses a text hash that does not match the current text', async () => {
    const res = await sign(as.nurse, { textSha256: 'f'.repeat(64) });
    expect(res.status).toBe(409);
    expect((res.body as unknown as ErrorBody).error.code).toBe('consent.text_mismatch');
  });

  it('lets the patient sign in the portal, a nurse attest once, and shows both on the copy', async () => {
    const signed = await sign(as.patient, { signerName: 'Own Patient' }, ownPatientId);
    expect(signed.status).toBe(201);
    expect(signed.body.signedVia).toBe('portal');
    const path = `/api/patients/${ownPatientId}/consents/${signed.body.id}`;
    expect((await as.frontdesk.post(`${path}/attestations`, {})).status).toBe(403);
    expect((await as.patient.post(`${path}/attestations`, {})).status).toBe(403);
    const attested = await as.nurse.post<ConsentRecord>(`${path}/attestations`, { note: 'Discussed risks and driving.' });
    expect(attested.status).toBe(201);
    expect(attested.body.attestations).toHaveLength(1);
    expect((await as.physician.post<ErrorBody>(`${path}/attestations`, {})).body.error.code).toBe('consent.already_attested');
    const copy = await as.patient.get<ConsentRecord>(path);
    expect(copy.status).toBe(200);
    expect(copy.body).toMatchObject({ recordSha256: signed.body.recordSha256, recordHashValid: true, signerName: 'Own Patient' });
  });

  it('records a withdrawal (status withdrawn) until the patient signs again', async () => {
    expect(
      (await as.frontdesk.post(`/api/patients/${patientId}/consent-withdrawals`, { routeGroup: 'iv_infusion', reason: 'x' })).status,
    ).toBe(403);
    const res = await as.physician.post(`/api/patients/${patientId}/consent-withdrawals`, {
      routeGroup: 'iv_infusion',
      reason: 'Changed mind',
    });
    expect(res.status).toBe(201);
    expect(await statusOf()).toBe('withdrawn');
    const head = (await server.deps.repos.patients.findHead(patientId))!;
    await expect(loadConsentStatus(head, 'iv_infusion', server.deps)).resolves.toBe('withdrawn');
    expect(await statusOf(patientId, 'esketamine_nasal')).toBe('missing');
    expect((await sign(as.nurse)).status).toBe(201);
    expect(await statusOf()).toBe('current');
  });

  it('hides consents from admins and from other patients (404) and audits every read and write', async () => {
    expect((await as.admin.get(`/api/patients/${patientId}/consents`)).status).toBe(404);
    expect((await as.patient.get(`/api/patients/${patientId}/consents`)).status).toBe(404);
    expect((await sign(as.patient, {}, patientId)).status).toBe(404);
    expect((await as.admin.post(`/api/consent-templates/${IV}/versions`, { title: 't', body: 'b', materialChange: true })).status).toBe(
      201,
    );
    expect((await as.physician.post(`/api/consent-templates/${IV}/versions`, { title: 't', body: 'b', materialChange: true })).status).toBe(
      403,
    );
    const log = await as.admin.get<{ items: { resource: string; action: string }[] }>(`/api/patients/${patientId}/access-log?pageSize=100`);
    const resources = log.body.items.map((i) => `${i.action} ${i.resource}`);
    expect(resources).toContain(`read patient/${patientId}/consents`);
    expect(resources.some((r) => /^create consent\/[^/]+$/.test(r))).toBe(true);
    expect(resources.some((r) => r.startsWith('create consent-withdrawal/'))).toBe(true);
  });

  it.each(['consent_templates', 'consent_signatures', 'consent_attestations', 'consent_withdrawals'])(
    'the database refuses UPDATE, DELETE and TRUNCATE on %s',
    async (table) => {
      const t = sql.identifier(table);
      await expect(
        server.deps.db.execute(sql`update ${t} set ${sql.identifier(table === 'consent_templates' ? 'title' : 'id')} = ${'changed'}`),
      ).rejects.toThrow();
      await expect(server.deps.db.execute(sql`delete from ${t}`)).rejects.toThrow();
      await expect(server.deps.db.execute(sql`truncate ${t}`)).rejects.toThrow();
      const count = await server.deps.db.execute(sql`select count(*)::int as n from ${t}`);
      expect(JSON.stringify(count)).toMatch(/"n":[1-9]/);
    },
  );
});
