import type { Role } from '../../domain/access/permissions.ts';
import type { Deps } from '../deps.ts';
import { AppError, notFound } from '../errors.ts';
import type { AuthenticatedSession } from './auth-sessions.usecases.ts';

/** What the web app needs to start: who I am, my clinics and roles, the active clinic, its idle timeout. */
export async function getMe(session: AuthenticatedSession, deps: Deps) {
  const { actor } = session;
  const organization = await deps.repos.organization.findOrganization();
  const allClinics = await deps.repos.organization.listClinics(actor.organizationId);
  const patientClinicId = actor.patientId ? (await deps.repos.patients.findHead(actor.patientId))?.homeClinicId : undefined;
  const clinics = allClinics
    .filter((c) => actor.rolesByClinic.has(c.id) || c.id === patientClinicId)
    .map((c) => {
      const roles: Role[] = [...(actor.rolesByClinic.get(c.id) ?? [])];
      if (c.id === patientClinicId) roles.push('patient');
      return { id: c.id, name: c.name, timeZone: c.timeZone, roles };
    });
  return {
    user: { id: actor.userId, email: session.email, name: actor.name, totpEnabled: session.totpEnabled },
    organization: { id: actor.organizationId, name: organization?.name ?? '' },
    clinics,
    activeClinicId: actor.activeClinicId ?? patientClinicId ?? null,
    patientId: actor.patientId,
    idleTimeoutMin: session.idleTimeoutMin,
    totpSetupRequired: session.totpSetupRequired,
  };
}

export async function setActiveClinic(clinicId: string, session: AuthenticatedSession, deps: Deps) {
  if (!session.actor.rolesByClinic.has(clinicId)) throw notFound('clinic');
  await deps.repos.organization.updateUser(session.actor.userId, { activeClinicId: clinicId }, deps.clock());
}

/** Starts TOTP set-up (better-auth twoFactor): returns the otpauth URI and one-time backup codes. */
export async function startTotpSetup(password: string, cookieHeader: string, deps: Deps) {
  try {
    const result = await deps.auth.api.enableTwoFactor({ body: { password }, headers: new Headers({ cookie: cookieHeader }) });
    if (result.method !== 'totp') throw new Error('TOTP is the only second factor configured');
    return { totpUri: result.totpURI, backupCodes: result.backupCodes };
  } catch {
    throw new AppError('auth.invalid_credentials', 401, 'Password is wrong.');
  }
}

/**
 * Confirms set-up with a first code; from then on sign-in asks for a code. better-auth replaces the session when
 * it turns TOTP on (the old one is deleted), so the new session cookie is returned for the caller to send on.
 */
export async function confirmTotpSetup(code: string, cookieHeader: string, deps: Deps): Promise<{ setCookies: string[] }> {
  try {
    const { headers } = await deps.auth.api.verifyTOTP({
      body: { code },
      headers: new Headers({ cookie: cookieHeader }),
      returnHeaders: true,
    });
    return { setCookies: headers.getSetCookie() };
  } catch {
    throw new AppError('auth.invalid_totp', 401, 'That code is not valid. Check the time on your device and try again.');
  }
}
