import type { z } from 'zod';
import type { DrugLibrary } from '../../../../src/domain/pharmacology/drug-library.ts';
import type {
  doseCheckRequestSchema,
  doseCheckResultSchema,
  populationResultSchema,
  simulationResultSchema,
} from '../../../../src/domain/pharmacology/pk-api.schemas.ts';
import type { Regimen } from '../../../../src/domain/pharmacology/regimen.ts';
import { requestJson } from '../../lib/api-client.ts';

/** Pharmacology endpoints (docs/api.md, "Pharmacology"): PK models, simulation, dose checks, the drug library. */

export type { DrugLibrary, Regimen };
export type SimulationResult = z.infer<typeof simulationResultSchema>;
export type PopulationResult = z.infer<typeof populationResultSchema>;
export type DoseCheckResult = z.infer<typeof doseCheckResultSchema>;
export type DoseViolation = DoseCheckResult['violations'][number];
export type DoseCheckRequest = z.infer<typeof doseCheckRequestSchema> & { patientId?: string };

export interface PkModelRange {
  min?: number;
  max?: number;
}

export interface PkModelInfo {
  id: string;
  name: string;
  population: string;
  citation: string;
  /** Documented covariate ranges; outside them the simulation still runs and warns. */
  validity?: { weightKg?: PkModelRange; ageYears?: PkModelRange; note?: string };
}

export interface PopulationVariability {
  clearance?: number;
  centralVolume?: number;
  peripheralVolumes?: number;
  interCompartmentalClearances?: number;
  absorptionRate?: number;
}

export interface PopulationRequest {
  subjects: number;
  seed: number;
  variability: PopulationVariability;
  reportEveryMin?: number;
}

export interface SimulateRequest {
  modelId: string;
  weightKg: number;
  ageYears?: number;
  sex?: 'f' | 'm';
  regimen: Regimen;
  untilMin: number;
  stepMin: number;
  patientId?: string;
  population?: PopulationRequest;
}

export interface SimulateAnswer {
  simulation: SimulationResult;
  population?: PopulationResult;
}

export interface LibraryCurrent {
  version: string;
  isDefault: boolean;
  approvedBy?: string | { id: string; name: string };
  approvedAt?: string;
  library: DrugLibrary;
}

export interface LibraryDraft {
  version: string;
  createdBy: string | { id: string; name: string };
  createdAt: string;
  library: DrugLibrary;
}

export interface DrugLibraryAnswer {
  current: LibraryCurrent;
  draft: LibraryDraft | null;
}

export interface LibraryVersion {
  version: string;
  status: string;
  createdBy?: string | { id: string; name: string } | null;
  createdAt?: string;
  approvedBy?: string | { id: string; name: string } | null;
  approvedAt?: string | null;
  note?: string | null;
}

export const pharmacologyKeys = {
  models: ['pk', 'models'] as const,
  library: ['drug-library'] as const,
  versions: ['drug-library', 'versions'] as const,
  simulate: (request: SimulateRequest) => ['pk', 'simulate', request] as const,
  doseCheck: (request: DoseCheckRequest) => ['dose', 'check', request] as const,
};

/** The answer may list models under `models` or `items`; both are read. */
export async function listPkModels(): Promise<PkModelInfo[]> {
  const answer = await requestJson<{ models?: PkModelInfo[]; items?: PkModelInfo[] } | PkModelInfo[]>('/api/pk/models');
  if (Array.isArray(answer)) return answer;
  return answer.models ?? answer.items ?? [];
}

export function simulatePk(request: SimulateRequest, signal?: AbortSignal): Promise<SimulateAnswer> {
  return requestJson('/api/pk/simulate', { method: 'POST', body: request, signal });
}

export function checkDose(request: DoseCheckRequest, signal?: AbortSignal): Promise<DoseCheckResult> {
  return requestJson('/api/dose/check', { method: 'POST', body: request, signal });
}

export function getDrugLibrary(): Promise<DrugLibraryAnswer> {
  return requestJson('/api/drug-library');
}

/** The answer may list versions under `versions` or `items`; both are read. */
export async function listDrugLibraryVersions(): Promise<LibraryVersion[]> {
  const answer = await requestJson<{ versions?: LibraryVersion[]; items?: LibraryVersion[] } | LibraryVersion[]>(
    '/api/drug-library/versions',
  );
  if (Array.isArray(answer)) return answer;
  return answer.versions ?? answer.items ?? [];
}

export function createDrugLibraryDraft(input: { library: unknown; note?: string }): Promise<LibraryDraft> {
  return requestJson('/api/drug-library/drafts', { method: 'POST', body: input });
}

export function approveDrugLibraryVersion(version: string, input: { note?: string }): Promise<unknown> {
  return requestJson(`/api/drug-library/versions/${encodeURIComponent(version)}/approve`, { method: 'POST', body: input });
}

/** A user reference as the server sends it (a name, or an object with a name). */
export function describeActor(actor: string | { id: string; name: string } | null | undefined): string {
  if (!actor) return 'unknown';
  return typeof actor === 'string' ? actor : actor.name;
}
