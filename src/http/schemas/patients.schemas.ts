import { z } from 'zod';
import { newPatientInputSchema, patientChangesSchema } from '../../domain/patients/patient-input.ts';
import { clinicalSchema, demographicsSchema, sexSchema } from '../../domain/patients/patient-record.ts';
import { pageQuerySchema } from './common.schemas.ts';

export const patientSearchQuerySchema = pageQuerySchema.extend({ query: z.string().trim().max(100).default('') });

export const newPatientBodySchema = newPatientInputSchema.extend({ homeClinicId: z.string().min(1).max(64).optional() });

export const patientPatchBodySchema = patientChangesSchema.extend({
  baseVersion: z.number().int().min(1),
  reason: z.string().trim().max(500).optional(),
});

export const patientSummarySchema = z.object({
  id: z.string(),
  mrn: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  birthDate: z.string(),
  sex: sexSchema,
  homeClinicId: z.string(),
});

export const patientListSchema = z.object({
  items: z.array(patientSummarySchema),
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
});

/** The response schema is what keeps clinical fields from reaching a role that may not see them. */
export const patientViewSchema = z.object({
  id: z.string(),
  version: z.number(),
  homeClinicId: z.string(),
  access: z.enum(['full', 'demographics']),
  demographics: demographicsSchema,
  clinical: clinicalSchema.optional(),
  derived: z
    .object({
      latestWeightKg: z.number().nullable(),
      latestHeightCm: z.number().nullable(),
      bmi: z.number().nullable(),
      medicationClasses: z.array(z.object({ medicationId: z.string(), classes: z.array(z.string()) })),
    })
    .optional(),
});

export const patientVersionsSchema = z.object({
  items: z.array(
    z.object({
      version: z.number(),
      createdAt: z.date(),
      createdBy: z.object({ id: z.string(), name: z.string() }),
      reason: z.string().nullable(),
    }),
  ),
});

export const accessLogSchema = z.object({
  items: z.array(z.object({ at: z.date(), actorName: z.string(), role: z.string(), action: z.string(), resource: z.string() })),
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
});
