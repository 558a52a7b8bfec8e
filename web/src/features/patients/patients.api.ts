import type { ClinicalInput, NewPatientInput } from '../../../../src/domain/patients/patient-input.ts';
import type { Clinical, Demographics } from '../../../../src/domain/patients/patient-record.ts';
import { requestJson } from '../../lib/api-client.ts';
import type { Role } from '../auth/auth.api.ts';

/** Patient endpoints (docs/api.md, "Patients"); record shapes come from the domain schemas. */

export type { Clinical, ClinicalInput, Demographics, NewPatientInput };

export interface PatientSummary {
  id: string;
  mrn: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  sex: Demographics['sex'];
  homeClinicId: string;
}

export interface PatientDerived {
  latestWeightKg: number | null;
  latestHeightCm: number | null;
  bmi: number | null;
  medicationClasses: { medicationId: string; classes: string[] }[];
}

export interface PatientView {
  id: string;
  version: number;
  homeClinicId: string;
  access: 'full' | 'demographics';
  demographics: Demographics;
  clinical?: Clinical;
  derived?: PatientDerived;
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export interface PatientChangesInput {
  baseVersion: number;
  reason?: string;
  demographics?: Partial<Demographics>;
  clinical?: ClinicalInput;
}

export interface PatientVersion {
  version: number;
  createdAt: string;
  createdBy: { id: string; name: string };
  reason: string | null;
}

export interface AccessLogEntry {
  at: string;
  actorName: string;
  role: Role | string;
  action: string;
  resource: string;
}

export const PATIENT_PAGE_SIZE = 20;

export const patientKeys = {
  all: ['patients'] as const,
  list: (query: string, page: number) => ['patients', 'list', { query, page }] as const,
  detail: (id: string) => ['patients', 'detail', id] as const,
  versions: (id: string) => ['patients', 'versions', id] as const,
  accessLog: (id: string, page: number) => ['patients', 'access-log', id, page] as const,
};

export function listPatients(params: { query: string; page: number }): Promise<Page<PatientSummary>> {
  return requestJson('/api/patients', { query: { query: params.query.trim(), page: params.page, pageSize: PATIENT_PAGE_SIZE } });
}

export function createPatient(input: NewPatientInput & { homeClinicId?: string }): Promise<PatientView> {
  return requestJson('/api/patients', { method: 'POST', body: input });
}

export function getPatient(id: string): Promise<PatientView> {
  return requestJson(`/api/patients/${encodeURIComponent(id)}`);
}

export function updatePatient(id: string, changes: PatientChangesInput): Promise<PatientView> {
  return requestJson(`/api/patients/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes });
}

export function listPatientVersions(id: string): Promise<{ items: PatientVersion[] }> {
  return requestJson(`/api/patients/${encodeURIComponent(id)}/versions`);
}

export function listPatientAccessLog(id: string, page: number): Promise<Page<AccessLogEntry>> {
  return requestJson(`/api/patients/${encodeURIComponent(id)}/access-log`, { query: { page } });
}
