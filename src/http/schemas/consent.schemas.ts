import { z } from 'zod';
import { ROUTE_GROUPS } from '../../domain/consent/consent-record.ts';

/** Request and response shapes of /api/consent-templates and /api/patients/:id/consents (issue 4, item 4; docs/api.md). */

const person = z.object({ id: z.string(), name: z.string() });
const routeGroup = z.enum(ROUTE_GROUPS);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const capacity = z.enum(['patient', 'legal_representative']);

/** A drawn signature: a PNG data URL from the signing canvas, at most ~150 KB. */
export const SIGNATURE_MAX_CHARS = 150_000;
const signature = z
  .string()
  .min(1)
  .max(SIGNATURE_MAX_CHARS)
  .regex(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/, 'Draw a signature (a PNG data URL).');

export const templateVersionSchema = z.object({
  templateId: z.string(),
  version: z.int(),
  routeGroup,
  title: z.string(),
  body: z.string(),
  textSha256: z.string(),
  materialChange: z.boolean(),
  isCurrent: z.boolean(),
  createdBy: person.nullable(),
  createdAt: z.date(),
});
export const templateListSchema = z.object({ items: z.array(templateVersionSchema) });

export const templateParamsSchema = z.strictObject({ templateId: z.string().min(1).max(64) });
export const newTemplateVersionBodySchema = z.strictObject({
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(50_000),
  materialChange: z.boolean(),
});

export const signConsentBodySchema = z
  .strictObject({
    templateId: z.string().min(1).max(64),
    version: z.int().min(1),
    textSha256: sha256,
    signerName: z.string().trim().min(2).max(200),
    signerCapacity: capacity,
    representativeRelationship: z.string().trim().min(1).max(100).optional(),
    signature,
  })
  .refine((b) => b.signerCapacity === 'patient' || b.representativeRelationship !== undefined, {
    path: ['representativeRelationship'],
    message: 'A legal representative states their relationship to the patient.',
  });

export const consentRecordSchema = z.object({
  id: z.string(),
  patientId: z.string(),
  templateId: z.string(),
  version: z.int(),
  routeGroup,
  title: z.string(),
  text: z.string(),
  textSha256: z.string(),
  signerName: z.string(),
  signerCapacity: capacity,
  representativeRelationship: z.string().nullable(),
  signature: z.string(),
  signatureSha256: z.string(),
  signedAt: z.date(),
  ip: z.string(),
  signedVia: z.enum(['portal', 'tablet']),
  recordSha256: z.string(),
  recordHashValid: z.boolean(),
  attestations: z.array(z.object({ clinician: person, attestedAt: z.date(), note: z.string().nullable() })),
});

export const patientConsentsSchema = z.object({
  routes: z.array(
    z.object({
      routeGroup,
      templateId: z.string(),
      title: z.string(),
      currentVersion: z.int(),
      status: z.enum(['current', 'reconsent_required', 'missing', 'withdrawn']),
      lastSignature: z.object({ id: z.string(), version: z.int(), signedAt: z.date() }).nullable(),
      lastWithdrawal: z.object({ withdrawnAt: z.date(), reason: z.string() }).nullable(),
    }),
  ),
  signatures: z.array(
    z.object({
      id: z.string(),
      templateId: z.string(),
      version: z.int(),
      routeGroup,
      signerName: z.string(),
      signerCapacity: capacity,
      signedAt: z.date(),
      signedVia: z.enum(['portal', 'tablet']),
      attested: z.boolean(),
    }),
  ),
  withdrawals: z.array(z.object({ id: z.string(), routeGroup, withdrawnAt: z.date(), reason: z.string() })),
});

export const consentParamsSchema = z.strictObject({ id: z.string().min(1).max(64), signatureId: z.string().min(1).max(64) });
export const attestBodySchema = z.strictObject({ note: z.string().trim().min(1).max(2000).optional() });
export const withdrawBodySchema = z.strictObject({ routeGroup, reason: z.string().trim().min(1).max(2000) });
export const withdrawalSchema = z.object({ id: z.string(), routeGroup, withdrawnAt: z.date(), reason: z.string() });
