import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type TestClient } from '../support/http-client.ts';
import { ENGINES } from '../support/test-database.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

/** Clinics and users (issue 2, item 3: admins manage users and clinics), over real HTTP. */

type Clinic = {
  id: string;
  name: string;
  timeZone: string;
  hours: { day: number; opens: string; closes: string }[];
  settings: { idleTimeoutMin: number; requireTotpForPhysiciansAndAdmins: boolean };
};
type User = { id: string; email: string; name: string; active: boolean; roles: { clinicId: string; role: string }[] };
type ErrorBody = { error: { code: string; details: { issues?: { path: string }[] } } };

const PASSWORD = 'admin-test-password';

const clinicInput = (name: string) => ({
  name,
  address: '1 Test Way',
  phone: '555-0199',
  timeZone: 'America/Denver',
  hours: [
    { day: 1, opens: '09:00', closes: '17:00' },
    { day: 5, opens: '08:00', closes: '12:00' },
  ],
  settings: { idleTimeoutMin: 20, requireTotpForPhysiciansAndAdmins: false },
});

describe.each(ENGINES)('administration API on %s', (engine) => {
  let server: TestServer;
  let admin: TestClient;
  let adminId: string;
  let demoClinicId: string;
  let counter = 0;
  const email = () => `admin-test-${engine}-${++counter}@admin.test`;

  const createUser = (roles: { clinicId: string; role: string }[], address = email()) =>
    admin.post<User>('/api/users', { email: address, name: 'Someone', password: PASSWORD, roles });

  beforeAll(async () => {
    server = await startTestServer({ engine });
    admin = createClient(server.url);
    expect((await admin.login('admin@demo.clinic')).status).toBe(200);
    const me = await admin.get<{ user: { id: string }; activeClinicId: string }>('/api/me');
    adminId = me.body.user.id;
    demoClinicId = me.body.activeClinicId;
  });
  afterAll(async () => server?.close());

  describe('clinics', () => {
    it('creates a clinic and lists it', async () => {
      const created = await admin.post<Clinic>('/api/clinics', clinicInput(`North ${engine}`));
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        name: `North ${engine}`,
        timeZone: 'America/Denver',
        hours: [
          { day: 1, opens: '09:00', closes: '17:00' },
          { day: 5, opens: '08:00', closes: '12:00' },
        ],
        settings: { idleTimeoutMin: 20, requireTotpForPhysiciansAndAdmins: false },
      });
      const list = await admin.get<{ items: Clinic[] }>('/api/clinics');
      expect(list.body.items.map((c) => c.id)).toContain(created.body.id);
    });

    it.each([
      ['an unknown time zone', { timeZone: 'Mars/Olympus' }, 'body.timeZone'],
      ['a UTC offset instead of a zone name', { timeZone: '+02:00' }, 'body.timeZone'],
      ['hours that open after they close', { hours: [{ day: 2, opens: '18:00', closes: '09:00' }] }, 'body.hours.0'],
      ['hours that open when they close', { hours: [{ day: 2, opens: '09:00', closes: '09:00' }] }, 'body.hours.0'],
      ['a time that is not HH:MM', { hours: [{ day: 2, opens: '9am', closes: '17:00' }] }, 'body.hours.0.opens'],
      ['day 7', { hours: [{ day: 7, opens: '09:00', closes: '17:00' }] }, 'body.hours.0.day'],
      ['an idle timeout of 0 minutes', { settings: { idleTimeoutMin: 0, requireTotpForPhysiciansAndAdmins: false } }, 'body.settings'],
      ['an empty name', { name: '  ' }, 'body.name'],
    ])('refuses a clinic with %s (400) and creates nothing', async (_label, change, path) => {
      const before = (await admin.get<{ items: Clinic[] }>('/api/clinics')).body.items.length;
      const response = await admin.post<ErrorBody>('/api/clinics', { ...clinicInput(`Bad ${engine} ${_label}`), ...change });
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('validation.failed');
      expect(response.body.error.details.issues!.some((issue) => issue.path.startsWith(path))).toBe(true);
      expect((await admin.get<{ items: Clinic[] }>('/api/clinics')).body.items.length).toBe(before);
    });

    it('edits one setting and keeps the others', async () => {
      const created = await admin.post<Clinic>('/api/clinics', clinicInput(`Settings ${engine}`));
      const patched = await admin.patch<Clinic>(`/api/clinics/${created.body.id}`, { settings: { idleTimeoutMin: 45 } });
      expect(patched.status).toBe(200);
      expect(patched.body.settings).toEqual({ idleTimeoutMin: 45, requireTotpForPhysiciansAndAdmins: false });
      const totp = await admin.patch<Clinic>(`/api/clinics/${created.body.id}`, { settings: { requireTotpForPhysiciansAndAdmins: true } });
      expect(totp.body.settings).toEqual({ idleTimeoutMin: 45, requireTotpForPhysiciansAndAdmins: true });
      const renamed = await admin.patch<Clinic>(`/api/clinics/${created.body.id}`, {
        name: `Renamed ${engine}`,
        timeZone: 'Europe/Berlin',
      });
      expect(renamed.body).toMatchObject({
        name: `Renamed ${engine}`,
        timeZone: 'Europe/Berlin',
        hours: clinicInput('').hours,
        settings: { idleTimeoutMin: 45, requireTotpForPhysiciansAndAdmins: true },
      });
      const listed = (await admin.get<{ items: Clinic[] }>('/api/clinics')).body.items.find((c) => c.id === created.body.id);
      expect(listed).toEqual(renamed.body);
    });

    it('keeps the candidacy re-evaluation interval as a clinic setting (1-60 months)', async () => {
      const created = await admin.post<Clinic>('/api/clinics', clinicInput(`Reevaluation ${engine}`));
      const patched = await admin.patch<Clinic>(`/api/clinics/${created.body.id}`, { settings: { reevaluationMonths: 6 } });
      expect(patched.body.settings).toMatchObject({ reevaluationMonths: 6, idleTimeoutMin: created.body.settings.idleTimeoutMin });
      const refused = await admin.patch(`/api/clinics/${created.body.id}`, { settings: { reevaluationMonths: 0 } });
      expect(refused.status).toBe(400);
    });

    it('applies a changed idle timeout to the clinic staff at once', async () => {
      const created = await admin.post<Clinic>('/api/clinics', clinicInput(`Idle ${engine}`));
      const address = email();
      await createUser([{ clinicId: created.body.id, role: 'nurse' }], address);
      const nurse = createClient(server.url);
      await nurse.login(address, PASSWORD);
      expect((await nurse.get<{ idleTimeoutMin: number }>('/api/me')).body.idleTimeoutMin).toBe(20);
      await admin.patch(`/api/clinics/${created.body.id}`, { settings: { idleTimeoutMin: 90 } });
      expect((await nurse.get<{ idleTimeoutMin: number }>('/api/me')).body.idleTimeoutMin).toBe(90);
    });

    it('refuses invalid settings on edit (400) and keeps the stored ones', async () => {
      const created = await admin.post<Clinic>('/api/clinics', clinicInput(`Edit bad ${engine}`));
      const badZone = await admin.patch(`/api/clinics/${created.body.id}`, { timeZone: 'Mars/Olympus' });
      const badHours = await admin.patch(`/api/clinics/${created.body.id}`, { hours: [{ day: 1, opens: '17:00', closes: '09:00' }] });
      const badIdle = await admin.patch(`/api/clinics/${created.body.id}`, { settings: { idleTimeoutMin: 100_000 } });
      expect([badZone.status, badHours.status, badIdle.status]).toEqual([400, 400, 400]);
      const listed = (await admin.get<{ items: Clinic[] }>('/api/clinics')).body.items.find((c) => c.id === created.body.id);
      expect(listed).toEqual(created.body);
    });

    it('answers 404 for a clinic that does not exist', async () => {
      const response = await admin.patch('/api/clinics/no-such-clinic', { name: 'Ghost' });
      expect(response).toMatchObject({ status: 404, body: { error: { code: 'clinic.not_found' } } });
    });
  });

  describe('users', () => {
    it('creates a user who can then sign in with the given roles', async () => {
      const address = email();
      const created = await createUser([{ clinicId: demoClinicId, role: 'front_desk' }], address);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        email: address,
        active: true,
        totpEnabled: false,
        roles: [{ clinicId: demoClinicId, role: 'front_desk' }],
      });
      const client = createClient(server.url);
      expect((await client.login(address, PASSWORD)).status).toBe(200);
      const me = await client.get<{ clinics: { id: string; roles: string[] }[] }>('/api/me');
      expect(me.body.clinics).toEqual([expect.objectContaining({ id: demoClinicId, roles: ['front_desk'] })]);
      const listed = (await admin.get<{ items: User[] }>('/api/users')).body.items.find((u) => u.id === created.body.id);
      expect(listed).toEqual(created.body);
    });

    it('stores the email in lower case so sign-in is case-insensitive', async () => {
      const address = `Mixed.Case-${engine}@Admin.Test`;
      const created = await createUser([], address);
      expect(created.body.email).toBe(address.toLowerCase());
      expect((await createClient(server.url).login(address.toLowerCase(), PASSWORD)).status).toBe(200);
    });

    it('refuses a password shorter than 12 characters (400) and creates no account', async () => {
      const address = email();
      const response = await admin.post<ErrorBody>('/api/users', { email: address, name: 'Short', password: 'elevenchars', roles: [] });
      expect(response.status).toBe(400);
      expect(response.body.error.details.issues!.map((i) => i.path)).toContain('body.password');
      expect(await server.deps.repos.organization.findUserByEmail(address)).toBeUndefined();
    });

    it.each(['nurse@demo.clinic', 'NURSE@Demo.Clinic'])('refuses a duplicate email %s with 409 user.email_taken', async (address) => {
      const before = (await admin.get<{ items: User[] }>('/api/users')).body.items.length;
      const response = await createUser([], address);
      expect(response).toMatchObject({ status: 409, body: { error: { code: 'user.email_taken' } } });
      expect((await admin.get<{ items: User[] }>('/api/users')).body.items.length).toBe(before);
    });

    it('refuses a role in an unknown clinic (400) and creates no account', async () => {
      const address = email();
      const response = await createUser([{ clinicId: 'no-such-clinic', role: 'nurse' }], address);
      expect(response).toMatchObject({ status: 400, body: { error: { code: 'validation.failed' } } });
      expect(await server.deps.repos.organization.findUserByEmail(address)).toBeUndefined();
    });

    it('refuses an unknown role name (400)', async () => {
      const response = await createUser([{ clinicId: demoClinicId, role: 'superuser' }]);
      expect(response).toMatchObject({ status: 400, body: { error: { code: 'validation.failed' } } });
    });

    it('changes roles, and the new roles decide what the user sees', async () => {
      const address = email();
      const created = await createUser([{ clinicId: demoClinicId, role: 'nurse' }], address);
      const client = createClient(server.url);
      await client.login(address, PASSWORD);
      const patientId = (await client.get<{ items: { id: string }[] }>('/api/patients')).body.items[0]!.id;
      expect((await client.get<{ access: string }>(`/api/patients/${patientId}`)).body.access).toBe('full');

      const changed = await admin.patch<User>(`/api/users/${created.body.id}`, { roles: [{ clinicId: demoClinicId, role: 'front_desk' }] });
      expect(changed).toMatchObject({ status: 200, body: { roles: [{ clinicId: demoClinicId, role: 'front_desk' }] } });
      const read = await client.get<{ access: string; clinical?: unknown }>(`/api/patients/${patientId}`);
      expect(read.body.access).toBe('demographics');
      expect(read.body.clinical).toBeUndefined();

      expect((await admin.patch<User>(`/api/users/${created.body.id}`, { roles: [] })).body.roles).toEqual([]);
      expect((await client.get(`/api/patients/${patientId}`)).status).toBe(404);
    });

    it('refuses a role change to an unknown clinic (400) and keeps the roles', async () => {
      const created = await createUser([{ clinicId: demoClinicId, role: 'nurse' }]);
      const response = await admin.patch(`/api/users/${created.body.id}`, { roles: [{ clinicId: 'no-such-clinic', role: 'nurse' }] });
      expect(response.status).toBe(400);
      const listed = (await admin.get<{ items: User[] }>('/api/users')).body.items.find((u) => u.id === created.body.id);
      expect(listed!.roles).toEqual([{ clinicId: demoClinicId, role: 'nurse' }]);
    });

    it('renames a user', async () => {
      const created = await createUser([]);
      const renamed = await admin.patch<User>(`/api/users/${created.body.id}`, { name: 'New Name' });
      expect(renamed).toMatchObject({ status: 200, body: { name: 'New Name', active: true } });
    });

    it('deactivates and reactivates a user', async () => {
      const address = email();
      const created = await createUser([{ clinicId: demoClinicId, role: 'nurse' }], address);
      const deactivated = await admin.patch<User>(`/api/users/${created.body.id}`, { active: false });
      expect(deactivated).toMatchObject({ status: 200, body: { active: false, roles: [{ clinicId: demoClinicId, role: 'nurse' }] } });
      const client = createClient(server.url);
      expect((await client.login(address, PASSWORD)).status).toBe(401);

      const reactivated = await admin.patch<User>(`/api/users/${created.body.id}`, { active: true });
      expect(reactivated).toMatchObject({ status: 200, body: { active: true } });
      expect((await client.login(address, PASSWORD)).status).toBe(200);
      expect((await client.get('/api/patients')).status).toBe(200);
    });

    it('refuses to deactivate the signed-in admin (400) and leaves the account active', async () => {
      const response = await admin.patch(`/api/users/${adminId}`, { active: false });
      expect(response).toMatchObject({ status: 400, body: { error: { code: 'user.cannot_deactivate_self' } } });
      const listed = (await admin.get<{ items: User[] }>('/api/users')).body.items.find((u) => u.id === adminId);
      expect(listed!.active).toBe(true);
      expect((await admin.get('/api/me')).status).toBe(200);
    });

    it('treats a repeated role as one, on create and on change', async () => {
      const nurseTwice = [
        { clinicId: demoClinicId, role: 'nurse' },
        { clinicId: demoClinicId, role: 'nurse' },
      ];
      const created = await createUser(nurseTwice);
      expect(created).toMatchObject({ status: 201, body: { roles: [{ clinicId: demoClinicId, role: 'nurse' }] } });
      const frontDeskTwice = nurseTwice.map((r) => ({ ...r, role: 'front_desk' }));
      const changed = await admin.patch<User>(`/api/users/${created.body.id}`, { roles: frontDeskTwice });
      expect(changed).toMatchObject({ status: 200, body: { roles: [{ clinicId: demoClinicId, role: 'front_desk' }] } });
    });

    it('answers 404 for a user that does not exist', async () => {
      const response = await admin.patch('/api/users/no-such-user', { name: 'Ghost' });
      expect(response).toMatchObject({ status: 404, body: { error: { code: 'user.not_found' } } });
    });

    it('lists users without password hashes or TOTP secrets', async () => {
      const list = await admin.get<{ items: Record<string, unknown>[] }>('/api/users');
      expect(list.status).toBe(200);
      expect(list.body.items.length).toBeGreaterThanOrEqual(5);
      for (const item of list.body.items) {
        expect(Object.keys(item).sort()).toEqual(['active', 'email', 'id', 'name', 'patientId', 'roles', 'totpEnabled']);
      }
    });

    it('never creates a patient login: patients open their own account from an invitation', async () => {
      const nurse = createClient(server.url);
      await nurse.login('nurse@demo.clinic');
      const registered = await nurse.post<{ id: string }>('/api/patients', {
        demographics: { mrn: `PORTAL-${engine}`, givenName: 'Portal', familyName: 'Person', birthDate: '1990-01-01', sex: 'female' },
      });
      const attempt = await admin.post('/api/users', {
        email: email(),
        name: 'Portal Person',
        password: PASSWORD,
        roles: [],
        patientId: registered.body.id,
      });
      expect(attempt).toMatchObject({ status: 400, body: { error: { code: 'validation.failed' } } });
      const invite = await admin.post(`/api/patients/${registered.body.id}/portal-invitations`);
      expect(invite).toMatchObject({ status: 403, body: { error: { code: 'auth.forbidden' } } });
    });
  });
});
