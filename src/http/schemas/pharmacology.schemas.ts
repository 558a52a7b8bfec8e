import { z } from 'zod';
import { HTTP_LIMITS } from '../../app/pharmacology.usecases.ts';
import {
  doseCheckRequestSchema,
  doseCheckResultSchema,
  populationInputSchema,
  populationResultSchema,
  simulationRequestSchema,
  simulationResultSchema,
} from './pk.schemas.ts';

/** Request and response shapes of /api/pk, /api/dose and /api/drug-library (issue 3, item 9; docs/api.md). */

const finite = z.number().finite();
const patientId = z.string().min(1).max(64);
const person = z.object({ id: z.string(), name: z.string() });
const note = z.string().trim().min(1).max(2000);

const rangeSchema = z.object({ min: finite, max: finite.optional() }).nullable();
export const pkModelsSchema = z.object({
  defaultModelId: z.string(),
  models: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      drug: z.string(),
      compartments: z.int(),
      population: z.string(),
      citation: z.string(),
      evidence: z.string(),
      ranges: z.object({ weightKg: rangeSchema, ageYears: rangeSchema, note: z.string() }),
    }),
  ),
  bands: z.array(
    z.object({ id: z.string(), label: z.string(), lowerNgPerMl: finite, upperNgPerMl: finite.nullable(), source: z.string() }),
  ),
});

export const simulateBodySchema = simulationRequestSchema.extend({
  weightKg: finite.optional(),
  patientId: patientId.optional(),
  population: populationInputSchema
    .pick({ seed: true, variability: true, reportEveryMin: true })
    .extend({ subjects: z.int().min(1).max(HTTP_LIMITS.maxSubjects) })
    .optional(),
});

export const simulateResponseSchema = z.object({
  simulation: simulationResultSchema,
  population: populationResultSchema.optional(),
});

export const doseCheckBodySchema = doseCheckRequestSchema.extend({ weightKg: finite.optional(), patientId: patientId.optional() });
export const doseCheckResponseSchema = doseCheckResultSchema.extend({ checkId: z.string() });

/** The library document travels as JSON and is validated by drugLibrarySchema in the use case (field paths). */
const libraryDocument = z.record(z.string(), z.unknown());

export const currentLibrarySchema = z.object({
  version: z.int(),
  isDefault: z.boolean(),
  approvedBy: person.optional(),
  approvedAt: z.date().optional(),
  library: libraryDocument,
});

export const libraryDraftSchema = z.object({
  version: z.int(),
  createdBy: person,
  createdAt: z.date(),
  note: z.string().nullable(),
  library: libraryDocument,
});

export const drugLibraryResponseSchema = z.object({ current: currentLibrarySchema, draft: libraryDraftSchema.nullable() });

export const libraryVersionsResponseSchema = z.object({
  items: z.array(
    z.object({
      version: z.int(),
      libraryVersion: z.string(),
      status: z.enum(['current', 'superseded', 'draft', 'stale_draft']),
      createdBy: person,
      createdAt: z.date(),
      note: z.string().nullable(),
      approvedBy: person.nullable(),
      approvedAt: z.date().nullable(),
      approvalNote: z.string().nullable(),
    }),
  ),
});

export const libraryDraftBodySchema = z.strictObject({ library: libraryDocument, note: note.optional() });
export const approveParamsSchema = z.strictObject({ version: z.coerce.number().int().min(1).max(1_000_000) });
export const approveBodySchema = z.strictObject({ note: note.optional() });

/** POST /api/pk/plan: a loading bolus + step rates that reach and hold a target inside the library's limits. */
export const planBodySchema = z.strictObject({
  modelId: z.string().min(1).max(40),
  weightKg: finite.optional(),
  ageYears: finite.optional(),
  patientId: patientId.optional(),
  targetNgPerMl: finite.positive().max(5000),
  tolerance: finite.min(0.01).max(0.5).default(0.1),
  durationMin: finite.positive().max(7 * 24 * 60),
  stepMin: finite
    .min(1)
    .max(24 * 60)
    .default(15),
  productId: z.string().min(1).max(64),
  profileId: z.string().min(1).max(64),
});

export const planResponseSchema = z.object({
  regimen: z.unknown(),
  bolusMg: finite,
  steps: z.array(z.object({ startMin: finite, endMin: finite, rateMgPerH: finite })),
  timesMin: z.array(finite),
  plasmaNgPerMl: z.array(finite),
  timeToTargetMin: finite.nullable(),
  maxDeviationAfterTarget: finite.nullable(),
  withinTolerance: z.boolean(),
  limitedBy: z.array(z.string()),
  checks: z.array(doseCheckResultSchema),
  libraryVersion: z.string(),
});
