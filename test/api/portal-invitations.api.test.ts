import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type TestClient } from '../support/http-client.ts';
import { ENGINES } from '../support/test-database.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

/** Patient portal accounts come only from a one-time invitation the patient opens (staff never set the password). */

type Invitation = { id: string; url: string; expiresAt: string };
const PASSWORD = 'patient-chosen-password';
const BIRTH_DATE = '1984-07-09';

describe.each(ENGINES)('portal invitations on %s', (engine) => {
  let server: TestServer;
  let nurse: TestClient;
  let admin: TestClient;
  let clinicId: string;
  let counter = 0;
  const unique = () => `${engine}-${++counter}`;

  const registerPatient = async () => {
    const res = await nurse.post<{ id: string }>('/api/patients', {
      demographics: { mrn: `INV-${unique()}`, givenName: 'Invited', familyName: 'Patient', birthDate: BIRTH_DATE, sex: 'male' },
    });
    expect(res.status).toBe(201);
    return res.body.id;
  };
  const tokenOf = (invitation: Invitation) => new URL(invitation.url).pathname.split('/').at(-1)!;
  const accept = (token: string, body: Record<string, unknown>) =>
    createClient(server.url).post(`/api/portal-invitations/${token}/accept`, body);
  const auditActions = async () =>
    (await server.deps.repos.audit.listChainPage(clinicId, 0, 100_000)).map((e) => ({
      action: e.action,
      resource: e.resource,
      patientId: e.patientId,
    }));

  beforeAll(async () => {
    server = await startTestServer({ engine });
    nurse = createClient(server.url);
    admin = createClient(server.url);
    await nurse.login('nurse@demo.clinic');
    await admin.login('admin@demo.clinic');
    clinicId = (await nurse.get<{ activeClinicId: string }>('/api/me')).body.activeClinicId;
  });
  afterAll(async () => server?.close());

  it('lets the patient open an account with their own password, once, and audits both steps', async () => {
    const patientId = await registerPatient();
    const created = await nurse.post<Invitation>(`/api/patients/${patientId}/portal-invitations`);
    expect(created.status).toBe(201);
    expect(created.body.url).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(created.body);
    const page = await createClient(server.url).get<{ clinicName: string }>(`/api/portal-invitations/${token}`);
    expect(page.status).toBe(200);
    expect(page.body.clinicName.length).toBeGreaterThan(0);

    const email = `patient-${unique()}@portal.test`;
    const wrongBirthDate = await accept(token, { email, password: PASSWORD, birthDate: '1984-07-10' });
    expect(wrongBirthDate).toMatchObject({ status: 400, body: { error: { code: 'invitation.verification_failed' } } });
    expect(await server.deps.repos.organization.findUserByEmail(email)).toBeUndefined();

    expect((await accept(token, { email, password: PASSWORD, birthDate: BIRTH_DATE })).status).toBe(201);
    const patient = createClient(server.url);
    expect((await patient.login(email, PASSWORD)).status).toBe(200);
    expect((await patient.get<{ patientId: string }>('/api/me')).body.patientId).toBe(patientId);

    const again = await accept(token, { email: `other-${unique()}@portal.test`, password: PASSWORD, birthDate: BIRTH_DATE });
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'invitation.used' } } });
    const reinvite = await nurse.post(`/api/patients/${patientId}/portal-invitations`);
    expect(reinvite).toMatchObject({ status: 409, body: { error: { code: 'patient.already_linked' } } });
    const listed = await nurse.get<{ hasAccount: boolean; items: { acceptedAt: string | null }[] }>(
      `/api/patients/${patientId}/portal-invitations`,
    );
    expect(listed.body.hasAccount).toBe(true);
    expect(listed.body.items[0]!.acceptedAt).not.toBeNull();

    const onPatient = (await auditActions()).filter((e) => e.patientId === patientId).map((e) => e.action);
    expect(onPatient).toEqual(expect.arrayContaining(['portal.invite', 'portal.accept']));
  });

  it('refuses an expired, unknown or malformed link without creating anything', async () => {
    const patientId = await registerPatient();
    const token = crypto.randomBytes(32).toString('base64url');
    const creatorId = (await nurse.get<{ user: { id: string } }>('/api/me')).body.user.id;
    await server.deps.repos.portalInvitations.insert({
      id: `expired-${unique()}`,
      tokenHash: crypto.createHash('sha256').update(token).digest(),
      patientId,
      clinicId,
      createdBy: creatorId,
      createdAt: new Date(Date.now() - 100 * 3_600_000),
      expiresAt: new Date(Date.now() - 1000),
    });
    const email = `late-${unique()}@portal.test`;
    expect(await accept(token, { email, password: PASSWORD, birthDate: BIRTH_DATE })).toMatchObject({
      status: 410,
      body: { error: { code: 'invitation.expired' } },
    });
    const unknown = crypto.randomBytes(32).toString('base64url');
    expect((await createClient(server.url).get(`/api/portal-invitations/${unknown}`)).status).toBe(404);
    expect((await createClient(server.url).get('/api/portal-invitations/short')).status).toBe(400);
    expect(await server.deps.repos.organization.findUserByEmail(email)).toBeUndefined();
  });

  it('keeps admins out: they cannot invite, nor create a patient login, nor grant themselves a clinical role', async () => {
    const patientId = await registerPatient();
    expect((await admin.post(`/api/patients/${patientId}/portal-invitations`)).status).toBe(403);
    const me = await admin.get<{ user: { id: string } }>('/api/me');
    const users = await admin.get<{ items: { id: string; roles: { clinicId: string; role: string }[] }[] }>('/api/users');
    const ownRoles = users.body.items.find((u) => u.id === me.body.user.id)!.roles;
    const selfGrant = await admin.patch(`/api/users/${me.body.user.id}`, { roles: [...ownRoles, { clinicId, role: 'physician' }] });
    expect(selfGrant).toMatchObject({ status: 403, body: { error: { code: 'user.cannot_grant_self' } } });
    const after = await admin.get<{ items: { id: string; roles: unknown[] }[] }>('/api/users');
    expect(after.body.items.find((u) => u.id === me.body.user.id)!.roles).toEqual(ownRoles);
  });

  it("records every account, role and membership change in the clinic's audit trail", async () => {
    const created = await admin.post<{ id: string }>('/api/users', {
      email: `staff-${unique()}@portal.test`,
      name: 'New Nurse',
      password: PASSWORD,
      roles: [{ clinicId, role: 'nurse' }],
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    await admin.patch(`/api/users/${id}`, { roles: [{ clinicId, role: 'front_desk' }] });
    await admin.patch(`/api/users/${id}`, { active: false });
    await admin.patch(`/api/users/${id}`, { name: 'Renamed Nurse' });
    const onUser = (await auditActions()).filter((e) => e.resource.startsWith(`user/${id}`));
    expect(onUser.map((e) => e.action)).toEqual(['account.create', 'account.roles_change', 'account.deactivate', 'account.rename']);
    expect(onUser[1]!.resource).toBe(`user/${id}/roles:front_desk@${clinicId}`);
  });

  it('opens one account when 20 people race on the same link', async () => {
    const patientId = await registerPatient();
    const token = tokenOf((await nurse.post<Invitation>(`/api/patients/${patientId}/portal-invitations`)).body);
    const attempts = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        accept(token, { email: `racer-${i}-${unique()}@portal.test`, password: PASSWORD, birthDate: BIRTH_DATE }),
      ),
    );
    const statuses = attempts.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    // The rest lose the race (409) or meet the page's per-address throttle (429); none fails on our side.
    expect(statuses.filter((s) => s !== 201 && s !== 409 && s !== 429)).toEqual([]);
    expect(statuses.filter((s) => s === 409).length).toBeGreaterThan(0);
  });
});
