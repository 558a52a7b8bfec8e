import { requestJson } from '../../lib/api-client.ts';
import type { Role } from '../auth/auth.api.ts';

/** Administration endpoints (docs/api.md, "Administration"): admins only. */

export interface OpeningHours {
  /** 0 = Sunday ... 6 = Saturday, as in JavaScript's Date#getDay. */
  day: number;
  opens: string;
  closes: string;
}

export interface ClinicSettings {
  idleTimeoutMin: number;
  requireTotpForPhysiciansAndAdmins: boolean;
  reevaluationMonths?: number;
}

export interface Clinic {
  id: string;
  name: string;
  address: string;
  phone: string;
  timeZone: string;
  hours: OpeningHours[];
  settings: ClinicSettings;
}

export type ClinicInput = Omit<Clinic, 'id'>;

export type StaffRole = Exclude<Role, 'patient'>;

export interface RoleGrant {
  clinicId: string;
  role: StaffRole;
}

export interface User {
  id: string;
  email: string;
  name: string;
  active: boolean;
  totpEnabled: boolean;
  roles: RoleGrant[];
  patientId: string | null;
}

export interface NewUserInput {
  email: string;
  name: string;
  password: string;
  roles: RoleGrant[];
}

export const adminKeys = {
  clinics: ['admin', 'clinics'] as const,
  users: ['admin', 'users'] as const,
};

export function listClinics(): Promise<{ items: Clinic[] }> {
  return requestJson('/api/clinics');
}

export function createClinic(input: ClinicInput): Promise<Clinic> {
  return requestJson('/api/clinics', { method: 'POST', body: input });
}

export function updateClinic(id: string, changes: Partial<ClinicInput>): Promise<Clinic> {
  return requestJson(`/api/clinics/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes });
}

export function listUsers(): Promise<{ items: User[] }> {
  return requestJson('/api/users');
}

export function createUser(input: NewUserInput): Promise<User> {
  return requestJson('/api/users', { method: 'POST', body: input });
}

export function updateUser(id: string, changes: { name?: string; active?: boolean; roles?: RoleGrant[] }): Promise<User> {
  return requestJson(`/api/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes });
}
