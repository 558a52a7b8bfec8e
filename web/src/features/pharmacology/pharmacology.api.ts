import type { z } from 'zod';
import type { DrugLibrary } from '../../../../src/domain/pharmacology/drug-library.ts';
import type { Regimen } from '../../../../src/domain/pharmacology/regimen.ts';
import type {
  doseCheckRequestSchema,
  doseCheckResultSchema,
  populationResultSchema,
  simulationResultSchema,
} from '../../../../src/http/schemas/pk.schemas.ts';
import { requestJson } from '../../lib/api-client.ts';

/** Pharmacology endpoints (docs/api.md, "Pharmacology"): PK models, simulation, dose checks, the drug library. */

export type { DrugLibrary, Regimen };
export type SimulationResult = z.infer<typeof simulationResultSchema>;
export type PopulationResult = z.infer<typeof populationResultSchema>;
export type DoseCheckResult = z.infer<typeof doseCheckResultSchema> & { checkId?: string };
export type DoseViolation = DoseCheckResult['violations'][number];
export type DoseCheckRequest = z.infer<typeof doseCheckRequestSchema> & { patientId?: string };

export interface PkModelRange {
  min: number;
  max?: number;
}

export interface PkModelInfo {
  id: string;
  name: string;
  population: string;
  citation: string;
  evidence?: string;
  /** Documented covariate ranges; outside them the simulation still runs and warns. */
  ranges?: { weightKg: PkModelRange | null; ageYears: PkModelRange | null; note: string };
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

export interface Person {
  id: string;
  name: string;
}

export interface LibraryCurrent {
  /** The clinic's version number (0 or absent meaning for the default library is the server's). */
  version: number;
  isDefault: boolean;
  approvedBy?: Person;
  approvedAt?: string;
  library: DrugLibrary;
}

export interface LibraryDraft {
  version: number;
  createdBy: Person;
  createdAt: string;
  note: string | null;
  library: DrugLibrary;
}

export interface DrugLibraryAnswer {
  current: LibraryCurrent;
  draft: LibraryDraft | null;
}

export interface LibraryVersion {
  version: number;
  /** The library document's own version label, recorded with every dose check. */
  libraryVersion: string;
  status: 'current' | 'superseded' | 'draft' | 'stale_draft';
  createdBy: Person;
  createdAt: string;
  note: string | null;
  approvedBy: Person | null;
  approvedAt: string | null;
  approvalNote: string | null;
}

export const pharmacologyKeys = {
  models: ['pk', 'models'] as const,
  library: ['drug-library'] as const,
  versions: ['drug-library', 'versions'] as const,
  simulate: (request: SimulateRequest) => ['pk', 'simulate', request] as const,
  doseCheck: (request: DoseCheckRequest) => ['dose', 'check', request] as const,
};

export interface PkModelsAnswer {
  defaultModelId: string;
  models: PkModelInfo[];
  /** The concentration bands; the top band's upper bound is null (no limit). */
  bands: Array<{ id: string; label: string; lowerNgPerMl: number; upperNgPerMl: number | null; source: string }>;
}

export function listPkModels(): Promise<PkModelsAnswer> {
  return requestJson('/api/pk/models');
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

export function listDrugLibraryVersions(): Promise<{ items: LibraryVersion[] }> {
  return requestJson('/api/drug-library/versions');
}

export function createDrugLibraryDraft(input: { library: unknown; note?: string }): Promise<LibraryDraft> {
  return requestJson('/api/drug-library/drafts', { method: 'POST', body: input });
}

export function approveDrugLibraryVersion(version: number, input: { note?: string }): Promise<LibraryCurrent> {
  return requestJson(`/api/drug-library/versions/${encodeURIComponent(version)}/approve`, { method: 'POST', body: input });
}

export function describeActor(actor: Person | null | undefined): string {
  return actor?.name ?? 'unknown';
}
