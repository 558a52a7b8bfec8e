import { eq, sql } from 'drizzle-orm';
import { type Database, rowsOf } from '../database.ts';
import type { ClinicSettings } from '../schema/index.ts';
import { session } from '../schema/index.ts';

export interface SessionPrincipal {
  token: string;
  expiresAt: Date;
  lastActiveAt: Date;
  userId: string;
  name: string;
  email: string;
  organizationId: string;
  active: boolean;
  activeClinicId: string | null;
  totpEnabled: boolean;
  roles: { clinicId: string; role: 'admin' | 'physician' | 'nurse' | 'front_desk' }[];
  patientId: string | null;
  patientClinicId: string | null;
  /** Settings of every clinic the user acts in, by clinic id. */
  clinicSettings: Record<string, ClinicSettings>;
}

/** Sessions as the request path needs them: one query resolves token -> user, roles, patient link, settings. */
export function createAuthSessionsRepository(db: Database) {
  return {
    async findPrincipal(token: string): Promise<SessionPrincipal | undefined> {
      const result = await db.execute(sql`
        select s.token, s.expires_at, coalesce(s.last_active_at, s.created_at) as last_active_at,
               u.id as user_id, u.name, u.email, u.organization_id, u.active, u.active_clinic_id,
               coalesce(u.two_factor_enabled, false) as totp_enabled,
               -- Oldest clinic first: with no active clinic chosen, a user starts in the organization's first clinic.
               coalesce((select json_agg(json_build_object('clinicId', r.clinic_id, 'role', r.role) order by c.created_at, c.name, r.role)
                         from staff_roles r join clinics c on c.id = r.clinic_id where r.user_id = u.id), '[]'::json) as roles,
               p.id as patient_id, p.home_clinic_id as patient_clinic_id,
               coalesce((select json_object_agg(c.id, c.settings) from clinics c
                         where c.id = p.home_clinic_id or c.id in (select r.clinic_id from staff_roles r where r.user_id = u.id)),
                        '{}'::json) as clinic_settings
        from session s
        join "user" u on u.id = s.user_id
        left join patients p on p.user_id = u.id
        where s.token = ${token}`);
      const row = rowsOf<Record<string, unknown>>(result)[0];
      if (!row) return undefined;
      const asJson = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;
      return {
        token: row.token as string,
        expiresAt: new Date(row.expires_at as string),
        lastActiveAt: new Date(row.last_active_at as string),
        userId: row.user_id as string,
        name: row.name as string,
        email: row.email as string,
        organizationId: row.organization_id as string,
        active: row.active as boolean,
        activeClinicId: (row.active_clinic_id as string | null) ?? null,
        totpEnabled: row.totp_enabled as boolean,
        roles: asJson(row.roles),
        patientId: (row.patient_id as string | null) ?? null,
        patientClinicId: (row.patient_clinic_id as string | null) ?? null,
        clinicSettings: asJson(row.clinic_settings),
      };
    },

    /** Records activity and slides the expiry forward (sessions end after `ttlMs` without use). */
    async touch(token: string, at: Date, ttlMs: number) {
      await db
        .update(session)
        .set({ lastActiveAt: at, expiresAt: new Date(at.getTime() + ttlMs) })
        .where(eq(session.token, token));
    },

    async delete(token: string) {
      await db.delete(session).where(eq(session.token, token));
    },
  };
}
