import { z } from 'zod';
import { MAX_SUBJECTS } from '../../domain/pharmacology/population.ts';

/**
 * Zod schemas for the HTTP layer (issue 3, item 9): request bodies and response shapes of the pure functions,
 * so routes can declare both. Field-level checks that need the model or library (ranges, ids, multiples)
 * stay in the domain functions, which return field-named issues.
 */

const finite = z.number().finite();
const sex = z.enum(['f', 'm']).optional();

export const simulationRequestSchema = z.strictObject({
  modelId: z.string().min(1).max(40),
  weightKg: finite,
  ageYears: finite.optional(),
  sex,
  regimen: z.unknown(),
  untilMin: finite.positive(),
  stepMin: finite.positive(),
});

const summarySchema = z.strictObject({
  cmaxNgPerMl: finite,
  tmaxMin: finite,
  aucNgHPerMl: finite,
  timeInBandsMin: z.record(z.string(), finite),
  timeTo90PctSteadyStateMin: finite,
  amountGivenMg: finite,
  amountBioavailableMg: finite,
  notes: z.array(z.string()),
});

export const simulationResultSchema = z.strictObject({
  model: z.string(),
  drug: z.enum(['ketamine', 'esketamine']),
  weightKg: finite,
  status: z.enum(['simulated', 'no-validated-model']),
  timesMin: z.array(finite),
  plasmaNgPerMl: z.array(finite),
  effectSiteNgPerMl: z.array(finite).optional(),
  summary: summarySchema.optional(),
  warnings: z.array(z.string()),
});

export const populationInputSchema = simulationRequestSchema.extend({
  reportEveryMin: finite.positive().optional(),
  subjects: z.int().min(1).max(MAX_SUBJECTS),
  seed: z.int().min(0).max(0xffffffff),
  variability: z.strictObject({
    clearance: finite.min(0).max(2).optional(),
    centralVolume: finite.min(0).max(2).optional(),
    peripheralVolumes: finite.min(0).max(2).optional(),
    interCompartmentalClearances: finite.min(0).max(2).optional(),
    absorptionRate: finite.min(0).max(2).optional(),
  }),
});

const percentileCurve = z.array(finite);
export const populationResultSchema = z.strictObject({
  model: z.string(),
  weightKg: finite,
  subjects: z.int(),
  seed: z.int(),
  timesMin: z.array(finite),
  percentiles: z.strictObject({ p5: percentileCurve, p50: percentileCurve, p95: percentileCurve }),
  cmaxPercentilesNgPerMl: z.strictObject({ p5: finite, p50: finite, p95: finite }),
  bandExceedance: z.array(z.strictObject({ bandId: z.string(), lowerNgPerMl: finite, probability: finite })),
  pointsSimulated: z.int(),
  assumptions: z.array(z.string()),
  warnings: z.array(z.string()),
});

const quantityText = z.string().min(1).max(40);
export const doseCheckRequestSchema = z.strictObject({
  productId: z.string().min(1).max(64),
  profileId: z.string().min(1).max(64),
  weightKg: finite,
  dose: quantityText.optional(),
  rate: quantityText.optional(),
  givenSession: quantityText.optional(),
  given24h: quantityText.optional(),
  durationMin: finite.optional(),
  concentration: quantityText.optional(),
});

export const doseCheckResultSchema = z.strictObject({
  verdict: z.enum(['ok', 'soft', 'hard']),
  violations: z.array(
    z.strictObject({
      limit: z.string(),
      value: finite,
      limitValue: finite,
      unit: z.string(),
      severity: z.enum(['soft', 'hard']),
      source: z.string().optional(),
    }),
  ),
  volumeMl: finite.nullable(),
  pumpRateMlPerH: finite.nullable(),
  slipHints: z.array(z.string()),
  libraryVersion: z.string(),
  entryId: z.string().nullable(),
});

export const fieldIssuesSchema = z.array(z.strictObject({ field: z.string(), message: z.string() }));
