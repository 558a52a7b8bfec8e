import type { Role } from '../auth/auth.api.ts';
import type { ConsentStatus } from './consent.api.ts';

/** Who sees the consent tab, attests discussions, records withdrawals, edits templates (the server checks again). */
export const CONSENT_TAB_ROLES: readonly Role[] = ['physician', 'nurse', 'front_desk', 'patient'];
export const CONSENT_ATTEST_ROLES: readonly Role[] = ['physician', 'nurse'];
export const CONSENT_WITHDRAW_ROLES: readonly Role[] = ['physician', 'nurse', 'patient'];
export const CONSENT_TEMPLATE_EDIT_ROLES: readonly Role[] = ['admin'];

export const STATUS_BADGE: Record<ConsentStatus, { color: string; label: string }> = {
  current: { color: 'green', label: 'Current' },
  reconsent_required: { color: 'orange', label: 'Re-consent required' },
  missing: { color: 'gray', label: 'Not signed' },
  withdrawn: { color: 'red', label: 'Withdrawn' },
};

/** The roles the user holds on this chart: clinic roles plus `patient` on their own record. */
export function chartRoles(
  me: { clinics: { id: string; roles: Role[] }[]; activeClinicId: string | null; patientId: string | null },
  patientId: string,
): Role[] {
  const clinicRoles = me.clinics.find((c) => c.id === me.activeClinicId)?.roles ?? [];
  return me.patientId === patientId ? [...clinicRoles, 'patient'] : [...clinicRoles];
}
