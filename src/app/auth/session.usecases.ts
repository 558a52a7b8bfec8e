import type { Actor, StaffRole } from '../../domain/access/permissions.ts';
import { DEMO_EMAIL_DOMAIN } from '../demo.usecases.ts';
import type { Deps } from '../deps.ts';
import { AppError, invalidCredentials, throttled, totpRequired, unauthenticated } from '../errors.ts';
import { CLIENT_IP_HEADER } from './auth-library.ts';

/** How often the session's last-activity time is written (idle logout precision vs one write per request). */
const ACTIVITY_WRITE_INTERVAL_MS = 30_000;

export interface AuthResponse {
  status: number;
  setCookies: string[];
  body: Record<string, unknown>;
}

/** Calls better-auth's router in-process, so its own throttling and cookie handling apply. */
async function callAuthRouter(deps: Deps, path: string, init: { headers: Headers; body?: unknown; baseUrl: string }) {
  const headers = new Headers(init.headers);
  headers.set('content-type', 'application/json');
  headers.set('origin', new URL(init.baseUrl).origin);
  const response = await deps.auth.handler(
    new Request(new URL(`/api/auth${path}`, init.baseUrl), { method: 'POST', headers, body: JSON.stringify(init.body ?? {}) }),
  );
  const text = await response.text();
  return {
    status: response.status,
    setCookies: response.headers.getSetCookie(),
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    retryAfterS: Number(response.headers.get('x-retry-after') ?? '60'),
  };
}

const authHeaders = (cookieHeader: string | undefined, clientIp: string) => {
  const headers = new Headers();
  if (cookieHeader) headers.set('cookie', cookieHeader);
  headers.set(CLIENT_IP_HEADER, clientIp);
  return headers;
};

/**
 * Email and password sign-in. An unknown email and a wrong password answer the same 401; a deactivated user
 * too (their session is discarded at once), so nothing tells which accounts exist.
 */
export async function signIn(
  input: { email: string; password: string },
  request: { cookieHeader: string | undefined; clientIp: string; baseUrl: string },
  deps: Deps,
): Promise<{ setCookies: string[]; twoFactorRequired: boolean; userId: string | null }> {
  if (!deps.demoMode && input.email.toLowerCase().endsWith(DEMO_EMAIL_DOMAIN)) throw invalidCredentials();
  const result = await callAuthRouter(deps, '/sign-in/email', {
    headers: authHeaders(request.cookieHeader, request.clientIp),
    body: { email: input.email, password: input.password, rememberMe: false },
    baseUrl: request.baseUrl,
  });
  if (result.status === 429) throw throttled(result.retryAfterS);
  if (result.status !== 200) throw invalidCredentials();
  if (result.body.twoFactorRedirect === true) return { setCookies: result.setCookies, twoFactorRequired: true, userId: null };
  const signedIn = result.body.user as { id: string } | undefined;
  const account = signedIn ? await deps.repos.organization.findUser(signedIn.id) : undefined;
  if (!account?.active) {
    if (account) await deps.repos.organization.revokeSessions(account.id);
    throw invalidCredentials();
  }
  return { setCookies: result.setCookies, twoFactorRequired: false, userId: account.id };
}

/** Second step of a sign-in with TOTP (the two-factor cookie from the first step identifies the user). */
export async function verifySignInTotp(
  input: { code: string },
  request: { cookieHeader: string | undefined; clientIp: string; baseUrl: string },
  deps: Deps,
) {
  const result = await callAuthRouter(deps, '/two-factor/verify-totp', {
    headers: authHeaders(request.cookieHeader, request.clientIp),
    body: { code: input.code },
    baseUrl: request.baseUrl,
  });
  if (result.status === 429) throw throttled(result.retryAfterS);
  if (result.status !== 200)
    throw new AppError('auth.invalid_totp', 401, 'That code is not valid. Check the time on your device and try again.');
  const userId = (result.body.user as { id: string } | undefined)?.id ?? null;
  const account = userId ? await deps.repos.organization.findUser(userId) : undefined;
  if (!account?.active) {
    if (account) await deps.repos.organization.revokeSessions(account.id);
    throw invalidCredentials();
  }
  return { setCookies: result.setCookies, userId };
}

export async function signOut(request: { cookieHeader: string | undefined; clientIp: string; baseUrl: string }, deps: Deps) {
  const result = await callAuthRouter(deps, '/sign-out', {
    headers: authHeaders(request.cookieHeader, request.clientIp),
    baseUrl: request.baseUrl,
  });
  return { setCookies: result.setCookies };
}

export interface AuthenticatedSession {
  actor: Actor;
  token: string;
  totpEnabled: boolean;
  email: string;
  idleTimeoutMin: number;
  totpSetupRequired: boolean;
}

/**
 * Resolves the session cookie to an actor: checks the user is active, applies the active clinic's idle
 * logout, and records activity at most every 30 s.
 */
export async function authenticate(cookieHeader: string | undefined, deps: Deps): Promise<AuthenticatedSession> {
  if (!cookieHeader) throw unauthenticated();
  const found = await deps.auth.api.getSession({ headers: new Headers({ cookie: cookieHeader }), query: { disableRefresh: true } });
  if (!found) throw unauthenticated();
  const { organization, patients } = deps.repos;
  const account = await organization.findUser(found.user.id);
  if (!account?.active) throw unauthenticated();
  const [roles, patient] = await Promise.all([organization.listRoles(account.id), patients.findHeadByUserId(account.id)]);
  const rolesByClinic = new Map<string, StaffRole[]>();
  for (const { clinicId, role } of roles) rolesByClinic.set(clinicId, [...(rolesByClinic.get(clinicId) ?? []), role]);
  const activeClinicId =
    account.activeClinicId && rolesByClinic.has(account.activeClinicId)
      ? account.activeClinicId
      : (rolesByClinic.keys().next().value ?? null);
  const settingsClinicId = activeClinicId ?? patient?.homeClinicId;
  const clinic = settingsClinicId ? await organization.findClinic(settingsClinicId) : undefined;
  const idleTimeoutMin = clinic?.settings.idleTimeoutMin ?? 30;
  const now = deps.clock();
  const lastActiveAt = found.session.lastActiveAt ?? found.session.createdAt;
  if (now.getTime() - new Date(lastActiveAt).getTime() > idleTimeoutMin * 60_000) {
    await organization.deleteSession(found.session.token);
    throw new AppError('auth.idle_timeout', 401, `Signed out after ${idleTimeoutMin} minutes without activity.`);
  }
  if (now.getTime() - new Date(lastActiveAt).getTime() > ACTIVITY_WRITE_INTERVAL_MS)
    await organization.touchSession(found.session.token, now);
  const totpEnabled = account.twoFactorEnabled === true;
  const needsTotp =
    clinic?.settings.requireTotpForPhysiciansAndAdmins === true && roles.some((r) => r.role === 'physician' || r.role === 'admin');
  return {
    actor: {
      userId: account.id,
      name: account.name,
      organizationId: account.organizationId,
      rolesByClinic,
      activeClinicId,
      patientId: patient?.id ?? null,
    },
    token: found.session.token,
    totpEnabled,
    email: account.email,
    idleTimeoutMin,
    totpSetupRequired: needsTotp && !totpEnabled,
  };
}

/** Refuses everything but the TOTP set-up routes while the clinic requires a second factor that is missing. */
export function assertTotpSatisfied(session: AuthenticatedSession) {
  if (session.totpSetupRequired) throw totpRequired();
}
