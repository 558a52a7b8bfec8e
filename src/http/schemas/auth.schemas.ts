import { z } from 'zod';

export const roleSchema = z.enum(['admin', 'physician', 'nurse', 'front_desk', 'patient']);
export const staffRoleSchema = z.enum(['admin', 'physician', 'nurse', 'front_desk']);

export const loginBodySchema = z.strictObject({ email: z.email().max(200), password: z.string().min(1).max(200) });
export const totpCodeBodySchema = z.strictObject({ code: z.string().regex(/^[0-9]{6}$/, 'a 6-digit code') });
/** Second sign-in step: a 6-digit TOTP code, or one of the one-time backup codes (xxxxx-xxxxx). */
export const secondFactorBodySchema = z.strictObject({
  code: z.string().regex(/^([0-9]{6}|[A-Za-z0-9]{5}-[A-Za-z0-9]{5})$/, 'a 6-digit code or a backup code'),
});
export const passwordBodySchema = z.strictObject({ password: z.string().min(1).max(200) });
export const activeClinicBodySchema = z.strictObject({ clinicId: z.string().min(1).max(64) });

export const meUserSchema = z.object({ id: z.string(), email: z.string(), name: z.string(), totpEnabled: z.boolean() });

export const meSchema = z.object({
  user: meUserSchema,
  organization: z.object({ id: z.string(), name: z.string() }),
  clinics: z.array(z.object({ id: z.string(), name: z.string(), timeZone: z.string(), roles: z.array(roleSchema) })),
  activeClinicId: z.string().nullable(),
  patientId: z.string().nullable(),
  idleTimeoutMin: z.number(),
  totpSetupRequired: z.boolean(),
});

export const loginResponseSchema = z.object({ user: meUserSchema.nullable(), twoFactorRequired: z.boolean() });
export const totpSetupResponseSchema = z.object({ totpUri: z.string(), backupCodes: z.array(z.string()) });
