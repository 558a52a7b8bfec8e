import { z } from 'zod';
import { DN4_DEFINITION } from '../../domain/instruments/dn4.ts';
import { instrumentAnswersSchema } from '../../domain/instruments/instrument-definition.ts';
import { PHQ9_DEFINITION } from '../../domain/instruments/phq9.ts';
import { evaluationFindingsSchema, screeningRouteSchema } from '../../domain/screening/index.ts';

const person = z.object({ id: z.string(), name: z.string() });

export const evaluationParamsSchema = z.strictObject({ id: z.string().min(1).max(64), evaluationId: z.string().min(1).max(64) });

export const newEvaluationBodySchema = z.strictObject({
  findings: evaluationFindingsSchema,
  phq9: instrumentAnswersSchema(PHQ9_DEFINITION).optional(),
  dn4: instrumentAnswersSchema(DN4_DEFINITION).optional(),
});

export const candidacyResultSchema = z.object({
  route: screeningRouteSchema,
  verdict: z.enum(['eligible', 'eligible_with_cautions', 'not_eligible']),
  fired: z
    .array(
      z.object({
        rule: z.string(),
        severity: z.enum(['absolute', 'relative', 'caution']),
        reason: z.string(),
        source: z.string(),
        policy: z.boolean(),
        overridden: z.object({ by: z.string(), justification: z.string() }).optional(),
      }),
    )
    .readonly(),
  ruleSetVersion: z.string(),
  overrideIssues: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })).readonly(),
});

const overrideSchema = z.strictObject({
  route: screeningRouteSchema,
  rule: z.string().min(1).max(100),
  justification: z.string().max(2000),
});

export const signEvaluationBodySchema = z.strictObject({
  overrides: z.array(overrideSchema).max(50),
  note: z.string().trim().max(4000).optional(),
});

export const evaluationSchema = z.object({
  id: z.string(),
  createdAt: z.date(),
  createdBy: person,
  patientVersion: z.int(),
  ruleSetVersion: z.string(),
  findings: evaluationFindingsSchema,
  instruments: z.object({
    phq9: z.object({ total: z.number(), band: z.string().nullable(), item9: z.int() }).optional(),
    dn4: z.object({ total: z.number(), positive: z.boolean() }).optional(),
  }),
  results: z.array(candidacyResultSchema).readonly(),
  signature: z
    .object({
      signedBy: person,
      signedAt: z.date(),
      overrides: z.array(z.object({ route: z.string(), rule: z.string(), justification: z.string() })),
      results: z.array(candidacyResultSchema).readonly(),
      note: z.string().nullable(),
      reevaluationDue: z.string(),
    })
    .nullable(),
  stale: z.boolean(),
  staleReasons: z.array(z.string()),
});
export const evaluationListSchema = z.object({ items: z.array(evaluationSchema) });

const taskSchema = z.object({
  id: z.string(),
  kind: z.literal('phq9_item9'),
  patientId: z.string(),
  createdAt: z.date(),
  completedAt: z.date().nullable(),
  note: z.string().nullable(),
});
export const taskListSchema = z.object({ items: z.array(taskSchema) });
export const taskSchemaResponse = taskSchema;
export const completeTaskBodySchema = z.strictObject({ note: z.string().trim().min(1).max(4000) });
