import { z } from 'zod';

/** A portal token: 32 random bytes in base64url (43 characters). */
export const invitationTokenParamsSchema = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'not an invitation token') });

export const invitationCreatedSchema = z.object({
  id: z.string(),
  /** The link to hand to the patient; shown once, never stored in the clear. */
  url: z.string(),
  expiresAt: z.date(),
});

export const invitationListSchema = z.object({
  hasAccount: z.boolean(),
  items: z.array(z.object({ id: z.string(), createdAt: z.date(), expiresAt: z.date(), acceptedAt: z.date().nullable() })),
});

export const invitationSummarySchema = z.object({ clinicName: z.string(), expiresAt: z.date() });

export const invitationAcceptBodySchema = z.strictObject({
  email: z.email().max(200),
  password: z.string().min(12, 'at least 12 characters').max(128),
  birthDate: z.iso.date(),
});

export const invitationAcceptedSchema = z.object({ email: z.string() });
