import { createHmac } from 'node:crypto';
import http from 'node:http';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUserAccount } from '../../src/app/admin.usecases.ts';
import { session } from '../../src/db/schema/index.ts';
import { createClient, type TestClient } from '../support/http-client.ts';
import { ENGINES } from '../support/test-database.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

/** Sign-in, sessions, CSRF, idle logout, deactivation and TOTP (issue 2, item 3), over real HTTP. */

const PASSWORD = 'test-password-12';
type Me = { user: { id: string; totpEnabled: boolean }; totpSetupRequired: boolean; activeClinicId: string | null };
type ErrorBody = { error: { code: string; message: string; details: Record<string, unknown> } };

/** RFC 4648 base32 (the otpauth `secret` parameter). */
function decodeBase32(text: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const bytes: number[] = [];
  for (const char of text.replace(/=+$/, '').toUpperCase()) {
    const index = alphabet.indexOf(char);
    if (index < 0) throw new Error(`not base32: ${char}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/** RFC 6238 TOTP with HMAC-SHA1 (RFC 4226 dynamic truncation), 30 s step, 6 digits. */
function totpCode(otpauthUri: string, atMs = Date.now()): string {
  const params = new URL(otpauthUri).searchParams;
  const periodS = Number(params.get('period') ?? '30');
  const digits = Number(params.get('digits') ?? '6');
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(atMs / 1000 / periodS)));
  const hmac = createHmac('sha1', decodeBase32(params.get('secret')!))
    .update(counter)
    .digest();
  const offset = hmac[hmac.length - 1]! & 0x0f;
  const binary = (hmac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
  return String(binary).padStart(digits, '0');
}

/** A sign-in outside the test client, returning the raw session cookie so a test can replay it. */
async function loginForCookie(url: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ email, password }),
  });
  expect(response.status).toBe(200);
  return response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
}

const clinicInput = (name: string, requireTotp = false) => ({
  name,
  address: '1 Test Way',
  phone: '555-0199',
  timeZone: 'America/Denver',
  hours: [{ day: 1, opens: '09:00', closes: '17:00' }],
  settings: { idleTimeoutMin: 30, requireTotpForPhysiciansAndAdmins: requireTotp },
});

describe.each(ENGINES)('auth API on %s', (engine) => {
  let server: TestServer;
  let admin: TestClient;
  let demoClinicId: string;
  let counter = 0;

  /** A fresh staff user (so no test disturbs another's sessions), signed in. */
  async function newStaffUser(roles: { clinicId: string; role: string }[]) {
    const email = `user-${engine}-${++counter}@auth.test`;
    const created = await admin.post<{ id: string }>('/api/users', { email, name: `User ${counter}`, password: PASSWORD, roles });
    expect(created.status).toBe(201);
    const client = createClient(server.url);
    return { id: created.body.id, email, client };
  }

  beforeAll(async () => {
    server = await startTestServer({ engine });
    admin = createClient(server.url);
    expect((await admin.login('admin@demo.clinic')).status).toBe(200);
    demoClinicId = (await admin.get<Me>('/api/me')).body.activeClinicId!;
  });
  afterAll(async () => server?.close());

  it('signs in with 200 and an HttpOnly SameSite=Lax session cookie, not Secure over plain HTTP', async () => {
    const client = createClient(server.url);
    const login = await client.login('nurse@demo.clinic');
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ user: { email: 'nurse@demo.clinic' }, twoFactorRequired: false });
    const cookie = login.headers.getSetCookie().find((line) => line.startsWith('ketaclinic.session_token='));
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    expect(cookie).not.toMatch(/;\s*Secure/i);
    expect((await client.get<Me>('/api/me')).status).toBe(200);
  });

  it('answers an unknown email exactly like a wrong password', async () => {
    const client = createClient(server.url);
    const unknown = await client.login('nobody@demo.clinic', 'demo-password-1');
    const wrong = await client.login('nurse@demo.clinic', 'wrong-password-1');
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(unknown.body).toMatchObject({ error: { code: 'auth.invalid_credentials' } });
    expect(unknown.headers.getSetCookie()).toEqual([]);
    expect((await client.get('/api/me')).status).toBe(401);
  });

  it('signs out: /api/me then answers 401, and the old cookie no longer works', async () => {
    const cookie = await loginForCookie(server.url, 'frontdesk@demo.clinic', 'demo-password-1');
    const client = createClient(server.url);
    await client.login('frontdesk@demo.clinic');
    const replayBefore = await fetch(`${server.url}/api/me`, { headers: { cookie } });
    expect(replayBefore.status).toBe(200);
    const logout = await fetch(`${server.url}/api/auth/logout`, { method: 'POST', headers: { cookie, origin: server.url } });
    expect(logout.status).toBe(204);
    const replayAfter = await fetch(`${server.url}/api/me`, { headers: { cookie } });
    expect(replayAfter.status).toBe(401);
    expect(((await replayAfter.json()) as ErrorBody).error.code).toBe('auth.unauthenticated');

    expect((await client.post('/api/auth/logout')).status).toBe(204);
    expect(await client.get('/api/me')).toMatchObject({ status: 401, body: { error: { code: 'auth.unauthenticated' } } });
  });

  describe('CSRF: cookie-authenticated writes', () => {
    let cookie: string;
    let patientId: string;
    const versionOf = async () => (await server.deps.repos.patients.findHead(patientId))!.version;
    const patchWith = (headers: Record<string, string>) =>
      fetch(`${server.url}/api/patients/${patientId}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', cookie, ...headers },
        body: JSON.stringify({ baseVersion: 1, demographics: { phone: '555-0666' } }),
      });

    beforeAll(async () => {
      cookie = await loginForCookie(server.url, 'nurse@demo.clinic', 'demo-password-1');
      const nurse = createClient(server.url);
      await nurse.login('nurse@demo.clinic');
      const created = await nurse.post<{ id: string }>('/api/patients', {
        demographics: { mrn: `CSRF-${engine}`, givenName: 'Csrf', familyName: 'Target', birthDate: '1970-01-01', sex: 'female' },
      });
      expect(created.status).toBe(201);
      patientId = created.body.id;
    });

    it.each([
      ['a foreign Origin', { origin: 'https://evil.example' }],
      ['a foreign Referer and no Origin', { referer: 'https://evil.example/attack.html' }],
      ['neither Origin nor Referer', {}],
    ])('refuses a write with %s (403 auth.csrf_rejected) and changes nothing', async (_label, headers) => {
      const response = await patchWith(headers);
      expect(response.status).toBe(403);
      expect(((await response.json()) as ErrorBody).error.code).toBe('auth.csrf_rejected');
      expect(await versionOf()).toBe(1);
    });

    it('refuses a foreign-Origin admin write and creates no user', async () => {
      const adminCookie = await loginForCookie(server.url, 'admin@demo.clinic', 'demo-password-1');
      const email = `csrf-${engine}@auth.test`;
      const response = await fetch(`${server.url}/api/users`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: adminCookie, origin: 'https://evil.example' },
        body: JSON.stringify({ email, name: 'Intruder', password: PASSWORD, roles: [] }),
      });
      expect(response.status).toBe(403);
      expect(await server.deps.repos.organization.findUserByEmail(email)).toBeUndefined();
    });

    it('accepts the same write with a same-origin Referer when Origin is absent', async () => {
      const response = await patchWith({ referer: `${server.url}/patients/${patientId}` });
      expect(response.status).toBe(200);
      expect(await versionOf()).toBe(2);
    });
  });

  describe('idle logout', () => {
    const backdate = async (userId: string, minutes: number) =>
      server.deps.db
        .update(session)
        .set({ lastActiveAt: new Date(Date.now() - minutes * 60_000) })
        .where(eq(session.userId, userId));

    it('signs out a session idle beyond the clinic idleTimeoutMin with 401 auth.idle_timeout', async () => {
      const user = await newStaffUser([{ clinicId: demoClinicId, role: 'nurse' }]);
      await user.client.login(user.email, PASSWORD);
      const me = await user.client.get<Me & { idleTimeoutMin: number }>('/api/me');
      expect(me.status).toBe(200);
      await backdate(user.id, me.body.idleTimeoutMin + 1);
      expect(await user.client.get('/api/me')).toMatchObject({ status: 401, body: { error: { code: 'auth.idle_timeout' } } });
      // The session is gone, not just refused once.
      expect(await server.deps.db.select().from(session).where(eq(session.userId, user.id))).toEqual([]);
      expect(await user.client.get('/api/me')).toMatchObject({ status: 401, body: { error: { code: 'auth.unauthenticated' } } });
    });

    it('keeps a session idle for less than the clinic idleTimeoutMin', async () => {
      const user = await newStaffUser([{ clinicId: demoClinicId, role: 'nurse' }]);
      await user.client.login(user.email, PASSWORD);
      const me = await user.client.get<Me & { idleTimeoutMin: number }>('/api/me');
      await backdate(user.id, me.body.idleTimeoutMin - 1);
      expect((await user.client.get('/api/me')).status).toBe(200);
    });
  });

  it('deactivation ends the existing session and refuses a new sign-in like a wrong password', async () => {
    const user = await newStaffUser([{ clinicId: demoClinicId, role: 'nurse' }]);
    await user.client.login(user.email, PASSWORD);
    expect((await user.client.get('/api/patients')).status).toBe(200);
    expect((await admin.patch(`/api/users/${user.id}`, { active: false })).status).toBe(200);
    expect(await user.client.get('/api/patients')).toMatchObject({ status: 401, body: { error: { code: 'auth.unauthenticated' } } });
    const again = createClient(server.url);
    const relogin = await again.login(user.email, PASSWORD);
    const wrong = await again.login(user.email, 'wrong-password-99');
    expect(relogin.status).toBe(401);
    expect(relogin.body).toEqual(wrong.body);
    expect((await again.get('/api/me')).status).toBe(401);
  });

  it('TOTP: enable, confirm, then sign-in needs the code before a session exists', async () => {
    const user = await newStaffUser([{ clinicId: demoClinicId, role: 'physician' }]);
    await user.client.login(user.email, PASSWORD);
    const wrongPassword = await user.client.post('/api/me/totp/enable', { password: 'not-my-password' });
    expect(wrongPassword.status).toBe(401);
    const enabled = await user.client.post<{ totpUri: string; backupCodes: string[] }>('/api/me/totp/enable', { password: PASSWORD });
    expect(enabled.status).toBe(200);
    expect(enabled.body.totpUri).toMatch(/^otpauth:\/\/totp\//);
    expect(enabled.body.backupCodes.length).toBeGreaterThan(0);
    const confirmed = await user.client.post<Me>('/api/me/totp/confirm', { code: totpCode(enabled.body.totpUri) });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.user.totpEnabled).toBe(true);
    // Turning TOTP on replaces the session; the client must be handed the new one and stay signed in.
    expect((await user.client.get('/api/me')).status).toBe(200);
    expect((await user.client.post('/api/auth/logout')).status).toBe(204);

    const firstStep = await user.client.login(user.email, PASSWORD);
    expect(firstStep).toMatchObject({ status: 200, body: { twoFactorRequired: true, user: null } });
    expect(firstStep.headers.getSetCookie().some((line) => /^ketaclinic\.session_token=[^;]+/.test(line))).toBe(false);
    expect((await user.client.get('/api/me')).status).toBe(401);

    // Any 6-digit code but the current one (and its neighbours, which a verifier may accept for clock drift).
    const valid = new Set([-30_000, 0, 30_000].map((skew) => totpCode(enabled.body.totpUri, Date.now() + skew)));
    const wrongCode = ['000000', '111111', '222222', '333333'].find((code) => !valid.has(code))!;
    expect(await user.client.post('/api/auth/login/totp', { code: wrongCode })).toMatchObject({
      status: 401,
      body: { error: { code: 'auth.invalid_totp' } },
    });
    const secondStep = await user.client.post('/api/auth/login/totp', { code: totpCode(enabled.body.totpUri) });
    expect(secondStep).toMatchObject({ status: 200, body: { twoFactorRequired: false, user: { id: user.id, totpEnabled: true } } });
    expect((await user.client.get('/api/me')).status).toBe(200);

    // A one-time backup code also completes sign-in, once.
    const backupCode = enabled.body.backupCodes[0]!;
    for (const expected of [200, 401]) {
      await user.client.post('/api/auth/logout');
      expect((await user.client.login(user.email, PASSWORD)).body).toMatchObject({ twoFactorRequired: true });
      expect((await user.client.post('/api/auth/login/totp', { code: backupCode })).status).toBe(expected);
    }
  });

  it('a clinic requiring TOTP for physicians blocks a physician without it, except /api/me and set-up', async () => {
    const clinic = await admin.post<{ id: string }>('/api/clinics', clinicInput(`TOTP clinic ${engine}`));
    expect(clinic.status).toBe(201);
    const physician = await newStaffUser([{ clinicId: clinic.body.id, role: 'physician' }]);
    const nurse = await newStaffUser([{ clinicId: clinic.body.id, role: 'nurse' }]);
    await physician.client.login(physician.email, PASSWORD);
    await nurse.client.login(nurse.email, PASSWORD);
    expect((await physician.client.get('/api/patients')).status).toBe(200);

    const setting = await admin.patch(`/api/clinics/${clinic.body.id}`, { settings: { requireTotpForPhysiciansAndAdmins: true } });
    expect(setting).toMatchObject({ status: 200, body: { settings: { requireTotpForPhysiciansAndAdmins: true, idleTimeoutMin: 30 } } });

    expect(await physician.client.get('/api/patients')).toMatchObject({
      status: 403,
      body: { error: { code: 'auth.totp_setup_required' } },
    });
    const me = await physician.client.get<Me>('/api/me');
    expect(me).toMatchObject({ status: 200, body: { totpSetupRequired: true } });
    expect((await nurse.client.get('/api/patients')).status).toBe(200);
    expect((await nurse.client.get<Me>('/api/me')).body.totpSetupRequired).toBe(false);

    const enabled = await physician.client.post<{ totpUri: string }>('/api/me/totp/enable', { password: PASSWORD });
    expect(enabled.status).toBe(200);
    const confirmed = await physician.client.post<Me>('/api/me/totp/confirm', { code: totpCode(enabled.body.totpUri) });
    expect(confirmed).toMatchObject({ status: 200, body: { totpSetupRequired: false } });
    expect((await physician.client.get('/api/patients')).status).toBe(200);
  });
});

describe.each(ENGINES)('login throttling on %s', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ engine, env: { LOGIN_ATTEMPTS_PER_MIN: '3' } });
  });
  afterAll(async () => server?.close());

  it('answers 429 auth.throttled after 3 attempts a minute, even for the right password', async () => {
    const client = createClient(server.url);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 3; attempt++) statuses.push((await client.login('nurse@demo.clinic', 'wrong-password-1')).status);
    expect(statuses).toEqual([401, 401, 401]);
    const throttled = await client.login('nurse@demo.clinic', 'wrong-password-1');
    expect(throttled).toMatchObject({ status: 429, body: { error: { code: 'auth.throttled' } } });
    const rightPassword = await client.login('nurse@demo.clinic');
    expect(rightPassword).toMatchObject({ status: 429, body: { error: { code: 'auth.throttled' } } });
    expect((await client.get('/api/me')).status).toBe(401);
  });
});

describe.each(ENGINES)('a server not in demo mode on %s', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ engine, demo: false });
    const { deps } = server;
    const at = new Date();
    await deps.repos.organization.insertOrganization({ id: 'org-1', name: 'Real Clinic Group', at });
    await deps.repos.organization.insertClinic({ ...clinicInput('Real Clinic'), id: 'clinic-1', organizationId: 'org-1', at });
    for (const email of ['nurse@real.example', 'nurse@demo.clinic']) {
      await insertUserAccount(
        { email, name: 'Nurse', password: PASSWORD, organizationId: 'org-1', roles: [{ clinicId: 'clinic-1', role: 'nurse' }] },
        deps,
      );
    }
  });
  afterAll(async () => server?.close());

  it('signs in an ordinary account', async () => {
    const client = createClient(server.url);
    expect((await client.login('nurse@real.example', PASSWORD)).status).toBe(200);
    expect((await client.get('/api/me')).status).toBe(200);
  });

  it('refuses a demo-domain account with the invalid-credentials 401, even with its right password', async () => {
    const client = createClient(server.url);
    const demo = await client.login('nurse@demo.clinic', PASSWORD);
    const wrong = await client.login('nurse@real.example', 'wrong-password-1');
    expect(demo.status).toBe(401);
    expect(demo.body).toEqual(wrong.body);
    expect((await client.login('admin@demo.clinic', 'demo-password-1')).status).toBe(401);
    expect((await client.get('/api/me')).status).toBe(401);
  });
});

describe('behind TLS', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ engine: 'pglite', env: { PUBLIC_URL: 'https://clinic.example' } });
  });
  afterAll(async () => server?.close());

  it('marks the session cookie Secure when the public URL is https', async () => {
    // As the TLS proxy forwards it: Host and Origin name the public address.
    const login = await postAs(`${server.url}/api/auth/login`, 'clinic.example', {
      email: 'nurse@demo.clinic',
      password: 'demo-password-1',
    });
    expect(login.status).toBe(200);
    const cookie = login.cookies.find((line) => /^(__Secure-)?ketaclinic\.session_token=/.test(line));
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
  });
});

/** A POST with the Host and Origin a TLS proxy in front of us forwards (fetch will not send a foreign Host). */
function postAs(url: string, publicHost: string, body: unknown) {
  return new Promise<{ status: number; cookies: string[] }>((resolve, reject) => {
    const headers = { 'content-type': 'application/json', host: publicHost, origin: `https://${publicHost}` };
    const request = http.request(url, { method: 'POST', headers }, (response) => {
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode ?? 0, cookies: response.headers['set-cookie'] ?? [] }));
    });
    request.on('error', reject);
    request.end(JSON.stringify(body));
  });
}
