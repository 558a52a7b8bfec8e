import { z } from 'zod';
import { newPatientInputSchema } from '../../domain/patients/patient-input.ts';
import { screeningRouteSchema, selfCheckSchema } from '../../domain/screening/index.ts';

const outcomeSchema = z.enum(['worth_discussing', 'likely_not_suitable']);
const leadStatusSchema = z.enum(['new', 'contacted', 'converted', 'closed']);

export const publicClinicsSchema = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), phone: z.string(), timeZone: z.string() })),
});

const contactFields = {
  name: z.string().trim().min(1).max(200),
  phone: z.string().trim().min(3).max(40).optional(),
  email: z.email().max(254).optional(),
  preferredTimes: z.string().trim().max(500).optional(),
};

export const selfCheckBodySchema = z.strictObject({
  clinicId: z.string().min(1).max(64),
  answers: selfCheckSchema,
  contact: z.strictObject({ ...contactFields, consentToContact: z.boolean() }).optional(),
});

/** The public answer: the plain-language assessment only, never the answers, fired rule ids or scores. */
export const selfCheckResultSchema = z.object({
  assessment: z.object({ outcome: outcomeSchema, reasons: z.array(z.string()), routesToDiscuss: z.array(screeningRouteSchema) }),
  consultationRequested: z.boolean(),
});

const contactSchema = z.object({
  name: z.string(),
  phone: z.string().optional(),
  email: z.string().optional(),
  preferredTimes: z.string().optional(),
});

const leadSummarySchema = z.object({
  id: z.string(),
  createdAt: z.date(),
  contact: contactSchema,
  status: leadStatusSchema,
  outcome: outcomeSchema,
  patientId: z.string().nullable(),
});

export const leadListQuerySchema = z.strictObject({ status: leadStatusSchema.optional() });
export const leadListSchema = z.object({ items: z.array(leadSummarySchema) });

/** `health` is for nurses and physicians only; the use case does not load it for anyone else. */
export const leadSchema = leadSummarySchema.extend({
  health: z
    .object({
      answers: selfCheckSchema,
      assessment: z.object({
        outcome: outcomeSchema,
        reasons: z.array(z.string()).readonly(),
        fired: z
          .array(z.object({ rule: z.string(), severity: z.string(), reason: z.string(), routes: z.array(z.string()).readonly() }))
          .readonly(),
        routesToDiscuss: z.array(z.string()).readonly(),
        dn4Interview: z.object({ total: z.number(), scorable: z.boolean(), band: z.string().optional() }).optional(),
        ruleSetVersion: z.string(),
      }),
    })
    .optional(),
});

export const leadPatchBodySchema = z.strictObject({ status: z.enum(['contacted', 'closed']) });
export const leadConvertBodySchema = z.strictObject({ demographics: newPatientInputSchema.shape.demographics });
export const leadConvertResultSchema = z.object({ patientId: z.string() });
