import { requestJson } from '../../lib/api-client.ts';

/** Consent endpoints (docs/api.md, "Consent"): templates, the patient's status per route, signing, the signed copy. */

export type RouteGroup = 'iv_infusion' | 'esketamine_nasal' | 'oral_sublingual' | 'im_sc';
export type ConsentStatus = 'current' | 'reconsent_required' | 'missing' | 'withdrawn';
export type SignerCapacity = 'patient' | 'legal_representative';

interface Person {
  id: string;
  name: string;
}

export interface ConsentTemplateVersion {
  templateId: string;
  version: number;
  routeGroup: RouteGroup;
  title: string;
  body: string;
  textSha256: string;
  materialChange: boolean;
  isCurrent: boolean;
  createdBy: Person | null;
  createdAt: string;
}

export interface RouteConsent {
  routeGroup: RouteGroup;
  templateId: string;
  title: string;
  currentVersion: number;
  status: ConsentStatus;
  lastSignature: { id: string; version: number; signedAt: string } | null;
  lastWithdrawal: { withdrawnAt: string; reason: string } | null;
}

export interface PatientConsents {
  routes: RouteConsent[];
  signatures: {
    id: string;
    templateId: string;
    version: number;
    routeGroup: RouteGroup;
    signerName: string;
    signerCapacity: SignerCapacity;
    signedAt: string;
    signedVia: 'portal' | 'tablet';
    attested: boolean;
  }[];
  withdrawals: { id: string; routeGroup: RouteGroup; withdrawnAt: string; reason: string }[];
}

export interface ConsentRecord {
  id: string;
  patientId: string;
  templateId: string;
  version: number;
  routeGroup: RouteGroup;
  title: string;
  text: string;
  textSha256: string;
  signerName: string;
  signerCapacity: SignerCapacity;
  representativeRelationship: string | null;
  signature: string;
  signatureSha256: string;
  signedAt: string;
  ip: string;
  signedVia: 'portal' | 'tablet';
  recordSha256: string;
  recordHashValid: boolean;
  attestations: { clinician: Person; attestedAt: string; note: string | null }[];
}

export interface SignConsentInput {
  templateId: string;
  version: number;
  textSha256: string;
  signerName: string;
  signerCapacity: SignerCapacity;
  representativeRelationship?: string;
  signature: string;
}

export const consentKeys = {
  templates: ['consent-templates'] as const,
  patient: (patientId: string) => ['patients', patientId, 'consents'] as const,
  record: (patientId: string, signatureId: string) => ['patients', patientId, 'consents', signatureId] as const,
};

export const ROUTE_LABELS: Record<RouteGroup, string> = {
  iv_infusion: 'IV infusion',
  esketamine_nasal: 'Esketamine nasal',
  oral_sublingual: 'Oral / sublingual',
  im_sc: 'IM / SC',
};

export const listConsentTemplates = () => requestJson<{ items: ConsentTemplateVersion[] }>('/api/consent-templates');

export const createTemplateVersion = (templateId: string, body: { title: string; body: string; materialChange: boolean }) =>
  requestJson<ConsentTemplateVersion>(`/api/consent-templates/${encodeURIComponent(templateId)}/versions`, { method: 'POST', body });

export const getPatientConsents = (patientId: string) => requestJson<PatientConsents>(`/api/patients/${patientId}/consents`);

export const signConsent = (patientId: string, body: SignConsentInput) =>
  requestJson<ConsentRecord>(`/api/patients/${patientId}/consents`, { method: 'POST', body });

export const getConsentRecord = (patientId: string, signatureId: string) =>
  requestJson<ConsentRecord>(`/api/patients/${patientId}/consents/${signatureId}`);

export const attestConsent = (patientId: string, signatureId: string, note?: string) =>
  requestJson<ConsentRecord>(`/api/patients/${patientId}/consents/${signatureId}/attestations`, {
    method: 'POST',
    body: note ? { note } : {},
  });

export const withdrawConsent = (patientId: string, body: { routeGroup: RouteGroup; reason: string }) =>
  requestJson<{ id: string }>(`/api/patients/${patientId}/consent-withdrawals`, { method: 'POST', body });
