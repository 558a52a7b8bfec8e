import { IconBook, IconLock, IconSettings, IconSignature, IconUserHeart, IconUsers, IconVaccine } from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { hasAnyRole, type Me, type Role } from '../auth/auth.api.ts';
import { LEAD_ROLES, LEADS_NAV_ITEM } from '../candidacy/lead-labels.ts';
import { LEDGER_READ_ROLES } from '../ledger/ledger-roles.ts';

export interface NavItem {
  label: string;
  to: string;
  icon: ComponentType<{ size?: number }>;
}

/** Admins see patients' demographics only (the server answers `access: 'demographics'`). */
const PATIENT_LIST_ROLES: readonly Role[] = ['physician', 'nurse', 'front_desk', 'admin'];

export function listNavItems(me: Me): NavItem[] {
  const items: NavItem[] = [];
  if (hasAnyRole(me, PATIENT_LIST_ROLES)) items.push({ label: 'Patients', to: '/patients', icon: IconUsers });
  if (hasAnyRole(me, LEAD_ROLES)) items.push(LEADS_NAV_ITEM);
  if (hasAnyRole(me, ['physician', 'nurse'])) items.push({ label: 'Dosing', to: '/dosing', icon: IconVaccine });
  if (hasAnyRole(me, LEDGER_READ_ROLES)) items.push({ label: 'Controlled substances', to: '/ledger', icon: IconLock });
  if (me.patientId) items.push({ label: 'My record', to: `/patients/${me.patientId}`, icon: IconUserHeart });
  if (me.patientId) items.push({ label: 'My consents', to: `/patients/${me.patientId}/consent`, icon: IconSignature });
  if (hasAnyRole(me, ['admin'])) {
    items.push({ label: 'Users', to: '/admin/users', icon: IconSettings });
    items.push({ label: 'Clinics', to: '/admin/clinics', icon: IconSettings });
  }
  if (hasAnyRole(me, ['admin'])) items.push({ label: 'Consent templates', to: '/admin/consent-templates', icon: IconSignature });
  if (hasAnyRole(me, ['admin', 'physician'])) items.push({ label: 'Drug library', to: '/admin/drug-library', icon: IconBook });
  return items;
}

/** Where "/" leads: the patient list for staff, the own chart for a patient. */
export function homePath(me: Me): string {
  if (hasAnyRole(me, PATIENT_LIST_ROLES)) return '/patients';
  if (me.patientId) return `/patients/${me.patientId}`;
  if (hasAnyRole(me, ['admin'])) return '/admin/users';
  return '/no-access';
}
