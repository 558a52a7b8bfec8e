import { createHmac, timingSafeEqual } from 'node:crypto';
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

/** Second step of a sign-in: a TOTP code or a one-time backup code (the two-factor cookie names the user). */
export async function verifySignInTotp(
  input: { code: string },
  request: { cookieHeader: string | undefined; clientIp: string; baseUrl: string },
  deps: Deps,
) {
  const path = /^[0-9]{6}$/.test(input.code) ? '/two-factor/verify-totp' : '/two-factor/verify-backup-code';
  const result = await callAuthRouter(deps, path, {
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

/** Sessions slide: they end this long after the last request (and at once when idle past the clinic limit). */
const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
/** When no clinic applies (should not happen for a valid account), the strictest sensible idle limit. */
const FALLBACK_IDLE_TIMEOUT_MIN = 15;

/**
 * Reads the session token from better-auth's signed cookie (`token.base64(HMAC-SHA256(secret, token))`, as its
 * better-call signer writes it). Verified with node:crypto synchronously: WebCrypto's per-call key import cost
 * 0.15 ms a request. Returns undefined for a missing or forged cookie.
 */
async function readSessionToken(cookieHeader: string, deps: Deps): Promise<string | undefined> {
  const context = await deps.auth.$context;
  const name = context.authCookies.sessionToken.name;
  const raw = cookieHeader
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${name}=`))
    ?.slice(name.length + 1);
  if (!raw) return undefined;
  const value = decodeURIComponent(raw);
  const dot = value.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const token = value.slice(0, dot);
  const expected = createHmac('sha256', context.secret).update(token).digest();
  const given = Buffer.from(value.slice(dot + 1), 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected) ? token : undefined;
}

/**
 * Resolves the session cookie to an actor in one query: checks expiry and that the user is active, applies the
 * active clinic's idle logout, and records activity at most every 30 s (sliding the expiry).
 */
export async function authenticate(cookieHeader: string | undefined, deps: Deps): Promise<AuthenticatedSession> {
  const token = cookieHeader ? await readSessionToken(cookieHeader, deps) : undefined;
  if (!token) throw unauthenticated();
  const principal = await deps.repos.authSessions.findPrincipal(token);
  const now = deps.clock();
  if (!principal?.active || principal.expiresAt <= now) throw unauthenticated();
  const rolesByClinic = new Map<string, StaffRole[]>();
  for (const { clinicId, role } of principal.roles) rolesByClinic.set(clinicId, [...(rolesByClinic.get(clinicId) ?? []), role]);
  const activeClinicId =
    principal.activeClinicId && rolesByClinic.has(principal.activeClinicId)
      ? principal.activeClinicId
      : (rolesByClinic.keys().next().value ?? null);
  const settings = principal.clinicSettings[activeClinicId ?? principal.patientClinicId ?? ''];
  const idleTimeoutMin = settings?.idleTimeoutMin ?? FALLBACK_IDLE_TIMEOUT_MIN;
  const idleMs = now.getTime() - principal.lastActiveAt.getTime();
  if (idleMs > idleTimeoutMin * 60_000) {
    await deps.repos.authSessions.delete(token);
    throw new AppError('auth.idle_timeout', 401, `Signed out after ${idleTimeoutMin} minutes without activity.`);
  }
  if (idleMs > ACTIVITY_WRITE_INTERVAL_MS) await deps.repos.authSessions.touch(token, now, SESSION_TTL_MS);
  const needsTotp =
    settings?.requireTotpForPhysiciansAndAdmins === true && principal.roles.some((r) => r.role === 'physician' || r.role === 'admin');
  return {
    actor: {
      userId: principal.userId,
      name: principal.name,
      organizationId: principal.organizationId,
      rolesByClinic,
      activeClinicId,
      patientId: principal.patientId,
    },
    token,
    totpEnabled: principal.totpEnabled,
    email: principal.email,
    idleTimeoutMin,
    totpSetupRequired: needsTotp && !principal.totpEnabled,
  };
}

/** Refuses everything but the TOTP set-up routes while the clinic requires a second factor that is missing. */
export function assertTotpSatisfied(session: AuthenticatedSession) {
  if (session.totpSetupRequired) throw totpRequired();
}
