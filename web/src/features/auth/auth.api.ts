import { requestJson } from '../../lib/api-client.ts';

/** Auth and "me" endpoints (docs/api.md, "Auth and me"). */

export type Role = 'admin' | 'physician' | 'nurse' | 'front_desk' | 'patient';

export interface MeUser {
  id: string;
  email: string;
  name: string;
  totpEnabled: boolean;
}

export interface MeClinic {
  id: string;
  name: string;
  timeZone: string;
  roles: Role[];
}

export interface Me {
  user: MeUser;
  organization: { id: string; name: string };
  clinics: MeClinic[];
  activeClinicId: string | null;
  patientId: string | null;
  idleTimeoutMin: number;
  totpSetupRequired: boolean;
}

export interface LoginAnswer {
  /** null while the second step (TOTP) is pending. */
  user: MeUser | null;
  twoFactorRequired: boolean;
}

export const meQueryKey = ['me'] as const;

export function login(input: { email: string; password: string }): Promise<LoginAnswer> {
  return requestJson('/api/auth/login', { method: 'POST', body: input });
}

export function loginWithTotp(input: { code: string }): Promise<LoginAnswer> {
  return requestJson('/api/auth/login/totp', { method: 'POST', body: input });
}

export function logout(): Promise<void> {
  return requestJson('/api/auth/logout', { method: 'POST' });
}

export function getMe(): Promise<Me> {
  return requestJson('/api/me');
}

export function setActiveClinic(clinicId: string): Promise<Me> {
  return requestJson('/api/me/active-clinic', { method: 'PUT', body: { clinicId } });
}

export function enableTotp(input: { password: string }): Promise<{ totpUri: string; backupCodes: string[] }> {
  return requestJson('/api/me/totp/enable', { method: 'POST', body: input });
}

export function confirmTotp(input: { code: string }): Promise<Me> {
  return requestJson('/api/me/totp/confirm', { method: 'POST', body: input });
}

/** The roles the user holds where they are working now; a patient account adds the `patient` role. */
function activeRoles(me: Me): Role[] {
  const clinicRoles = me.clinics.find((clinic) => clinic.id === me.activeClinicId)?.roles ?? [];
  return me.patientId ? [...clinicRoles, 'patient'] : clinicRoles;
}

export function hasAnyRole(me: Me, roles: readonly Role[]): boolean {
  return activeRoles(me).some((role) => roles.includes(role));
}
