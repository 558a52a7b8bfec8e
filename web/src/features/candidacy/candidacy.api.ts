import type { EvaluationFindings, ScreeningRoute, SelfCheckAnswers, Severity, Verdict } from '../../../../src/domain/screening/index.ts';
import { requestJson } from '../../lib/api-client.ts';
import type { Demographics } from '../patients/patients.api.ts';

/** Candidacy endpoints (docs/api.md, issue 4): the public self-check, consultation requests (leads), evaluations. */

export interface PublicClinic {
  id: string;
  name: string;
  phone: string | null;
  timeZone: string;
}

export interface SelfCheckContact {
  name: string;
  phone?: string;
  email?: string;
  preferredTimes?: string;
  consentToContact: boolean;
}

export type SelfCheckOutcome = 'worth_discussing' | 'likely_not_suitable';

export interface SelfCheckAnswer {
  assessment: { outcome: SelfCheckOutcome; reasons: string[]; routesToDiscuss: string[] };
  consultationRequested: boolean;
}

export type LeadStatus = 'new' | 'contacted' | 'closed' | 'converted';

export interface LeadSummary {
  id: string;
  createdAt: string;
  contact: SelfCheckContact;
  status: LeadStatus;
  outcome: SelfCheckOutcome;
  patientId: string | null;
}

export interface LeadFiredRule {
  rule: string;
  severity: Severity;
  reason: string;
  routes?: string[];
}

export interface LeadDetail extends LeadSummary {
  health?: {
    answers: SelfCheckAnswers;
    assessment: { outcome: SelfCheckOutcome; reasons: string[]; routesToDiscuss: string[]; fired?: LeadFiredRule[] };
  };
}

export interface EvaluationFiredRule {
  rule: string;
  severity: Severity;
  reason: string;
  source: string;
  policy?: unknown;
  /** Present (truthy) when a physician overrode the rule. */
  overridden?: { by: string; justification: string };
}

export interface EvaluationRouteResult {
  route: ScreeningRoute;
  verdict: Verdict;
  fired: EvaluationFiredRule[];
}

export interface EvaluationOverride {
  route: ScreeningRoute;
  rule: string;
  justification: string;
}

export interface Evaluation {
  id: string;
  createdAt: string;
  createdBy: { id: string; name: string };
  patientVersion: number;
  ruleSetVersion: string;
  findings: EvaluationFindings;
  instruments: { phq9?: { total: number; band: string | null; item9: number }; dn4?: { total: number; positive: boolean } };
  results: EvaluationRouteResult[];
  signature: null | {
    signedBy: { id: string; name: string };
    signedAt: string;
    overrides: EvaluationOverride[];
    results: EvaluationRouteResult[];
    note: string | null;
    reevaluationDue: string | null;
  };
  stale: boolean;
  staleReasons: string[];
}

export interface NewEvaluation {
  findings: EvaluationFindings;
  phq9?: Record<string, number>;
  dn4?: Record<string, number>;
}

export const candidacyKeys = {
  clinics: ['public-clinics'] as const,
  leads: (status: string) => ['leads', status] as const,
  lead: (id: string) => ['lead', id] as const,
  evaluations: (patientId: string) => ['evaluations', patientId] as const,
};

export async function listPublicClinics(): Promise<PublicClinic[]> {
  return (await requestJson<{ items: PublicClinic[] }>('/api/public/clinics')).items;
}

export function submitSelfCheck(body: {
  clinicId: string;
  answers: SelfCheckAnswers;
  contact?: SelfCheckContact;
}): Promise<SelfCheckAnswer> {
  return requestJson<SelfCheckAnswer>('/api/self-check', { method: 'POST', body });
}

export async function listLeads(status: LeadStatus | 'all'): Promise<LeadSummary[]> {
  const query = status === 'all' ? {} : { status };
  return (await requestJson<{ items: LeadSummary[] }>('/api/leads', { query })).items;
}

export function getLead(id: string): Promise<LeadDetail> {
  return requestJson<LeadDetail>(`/api/leads/${encodeURIComponent(id)}`);
}

export function updateLeadStatus(id: string, status: 'contacted' | 'closed'): Promise<unknown> {
  return requestJson<unknown>(`/api/leads/${encodeURIComponent(id)}`, { method: 'PATCH', body: { status } });
}

export function convertLead(id: string, demographics: Demographics): Promise<{ patientId: string }> {
  return requestJson<{ patientId: string }>(`/api/leads/${encodeURIComponent(id)}/convert`, { method: 'POST', body: { demographics } });
}

export async function listEvaluations(patientId: string): Promise<Evaluation[]> {
  return (await requestJson<{ items: Evaluation[] }>(`/api/patients/${encodeURIComponent(patientId)}/evaluations`)).items;
}

export function createEvaluation(patientId: string, body: NewEvaluation): Promise<Evaluation> {
  return requestJson<Evaluation>(`/api/patients/${encodeURIComponent(patientId)}/evaluations`, { method: 'POST', body });
}

export function signEvaluation(
  patientId: string,
  evaluationId: string,
  body: { overrides: EvaluationOverride[]; note?: string },
): Promise<Evaluation> {
  const path = `/api/patients/${encodeURIComponent(patientId)}/evaluations/${encodeURIComponent(evaluationId)}/sign`;
  return requestJson<Evaluation>(path, { method: 'POST', body });
}

export interface SafetyTask {
  id: string;
  kind: 'phq9_item9';
  patientId: string;
  createdAt: string;
  completedAt: string | null;
  note: string | null;
}

export const taskKeys = { all: ['safety-tasks'] as const };

/** The active clinic's safety tasks, open first (nurse, physician). */
export async function listSafetyTasks(): Promise<SafetyTask[]> {
  return (await requestJson<{ items: SafetyTask[] }>('/api/tasks')).items;
}

export function completeSafetyTask(id: string, note: string): Promise<SafetyTask> {
  return requestJson<SafetyTask>(`/api/tasks/${encodeURIComponent(id)}/complete`, { method: 'POST', body: { note } });
}
