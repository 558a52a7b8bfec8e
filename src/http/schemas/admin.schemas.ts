import { z } from 'zod';
import { staffRoleSchema } from './auth.schemas.ts';

const hhmm = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'HH:MM');

/** IANA zone names the runtime knows (Intl), so scheduling never guesses an offset. */
const timeZoneSchema = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
}, 'an IANA time zone such as America/Denver');

export const clinicSettingsSchema = z.strictObject({
  idleTimeoutMin: z.number().int().min(1).max(720),
  requireTotpForPhysiciansAndAdmins: z.boolean(),
  reevaluationMonths: z.number().int().min(1).max(60).optional(),
});

export const clinicBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  address: z.string().trim().min(1).max(400),
  phone: z.string().trim().min(1).max(40),
  timeZone: timeZoneSchema,
  hours: z
    .array(
      z
        .strictObject({ day: z.number().int().min(0).max(6), opens: hhmm, closes: hhmm })
        .refine((h) => h.opens < h.closes, 'opens before it closes'),
    )
    .max(14),
  settings: clinicSettingsSchema,
});

export const clinicPatchSchema = clinicBodySchema.extend({ settings: clinicSettingsSchema.partial() }).partial();

export const clinicSchema = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string(),
  phone: z.string(),
  timeZone: z.string(),
  hours: z.array(z.object({ day: z.number(), opens: z.string(), closes: z.string() })),
  settings: z.object({
    idleTimeoutMin: z.number(),
    requireTotpForPhysiciansAndAdmins: z.boolean(),
    reevaluationMonths: z.number().optional(),
  }),
});

const rolesSchema = z.array(z.strictObject({ clinicId: z.string().min(1).max(64), role: staffRoleSchema })).max(100);

export const userBodySchema = z.strictObject({
  email: z.email().max(200),
  name: z.string().trim().min(1).max(200),
  password: z.string().min(12, 'at least 12 characters').max(128),
  roles: rolesSchema,
});

export const userPatchSchema = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  active: z.boolean().optional(),
  roles: rolesSchema.optional(),
});

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  active: z.boolean(),
  totpEnabled: z.boolean(),
  roles: z.array(z.object({ clinicId: z.string(), role: staffRoleSchema })),
  patientId: z.string().nullable(),
});
