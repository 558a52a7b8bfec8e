import { and, asc, countDistinct, eq, sql } from 'drizzle-orm';
import type { StaffRole } from '../../domain/access/permissions.ts';
import type { Database } from '../database.ts';
import {
  account,
  type ClinicSettings,
  clinics,
  instanceSettings,
  type OpeningHours,
  organizations,
  patients,
  session,
  staffRoles,
  user,
} from '../schema/index.ts';

export interface ClinicFields {
  name: string;
  address: string;
  phone: string;
  timeZone: string;
  hours: OpeningHours[];
  settings: ClinicSettings;
}

/** Organization, clinics, staff users and their roles (configuration, edited in place). */
export function createOrganizationRepository(db: Database) {
  return {
    async findOrganization() {
      const [row] = await db.select().from(organizations).orderBy(asc(organizations.createdAt)).limit(1);
      return row;
    },

    async insertOrganization(input: { id: string; name: string; at: Date }) {
      await db.insert(organizations).values({ id: input.id, name: input.name, createdAt: input.at });
    },

    async listClinics(organizationId: string) {
      return db.select().from(clinics).where(eq(clinics.organizationId, organizationId)).orderBy(asc(clinics.name));
    },

    async findClinic(id: string) {
      const [row] = await db.select().from(clinics).where(eq(clinics.id, id));
      return row;
    },

    async insertClinic(input: ClinicFields & { id: string; organizationId: string; at: Date }) {
      const { at, ...fields } = input;
      await db.insert(clinics).values({ ...fields, createdAt: at, updatedAt: at });
    },

    async updateClinic(id: string, fields: Partial<ClinicFields>, at: Date) {
      await db
        .update(clinics)
        .set({ ...fields, updatedAt: at })
        .where(eq(clinics.id, id));
    },

    async findUser(id: string) {
      const [row] = await db.select().from(user).where(eq(user.id, id));
      return row;
    },

    async findUserByEmail(email: string) {
      const [row] = await db.select().from(user).where(eq(user.email, email.toLowerCase()));
      return row;
    },

    async listUsers(organizationId: string) {
      const users = await db.select().from(user).where(eq(user.organizationId, organizationId)).orderBy(asc(user.email));
      const roles = await db.select().from(staffRoles);
      const links = await db.select({ userId: patients.userId, id: patients.id }).from(patients).where(sql`${patients.userId} is not null`);
      return users.map((u) => ({
        ...u,
        roles: roles.filter((r) => r.userId === u.id).map((r) => ({ clinicId: r.clinicId, role: r.role })),
        patientId: links.find((l) => l.userId === u.id)?.id ?? null,
      }));
    },

    async listRoles(userId: string) {
      return db.select({ clinicId: staffRoles.clinicId, role: staffRoles.role }).from(staffRoles).where(eq(staffRoles.userId, userId));
    },

    /** A staff account with an email/password credential (the shape better-auth reads at sign-in). */
    async insertUser(input: { id: string; email: string; name: string; organizationId: string; passwordHash: string; at: Date }) {
      await db.insert(user).values({
        id: input.id,
        email: input.email,
        name: input.name,
        emailVerified: true,
        organizationId: input.organizationId,
        active: true,
        createdAt: input.at,
        updatedAt: input.at,
      });
      await db.insert(account).values({
        id: input.id,
        accountId: input.id,
        providerId: 'credential',
        userId: input.id,
        password: input.passwordHash,
        createdAt: input.at,
        updatedAt: input.at,
      });
    },

    async countActiveAdmins(organizationId: string): Promise<number> {
      const [row] = await db
        .select({ value: countDistinct(user.id) })
        .from(user)
        .innerJoin(staffRoles, eq(staffRoles.userId, user.id))
        .where(and(eq(user.organizationId, organizationId), eq(user.active, true), eq(staffRoles.role, 'admin')));
      return row?.value ?? 0;
    },

    async replaceRoles(userId: string, roles: { clinicId: string; role: StaffRole }[]) {
      // Roles are a set: a repeated (clinic, role) pair would break the primary key after the delete.
      const unique = [...new Map(roles.map((r) => [`${r.clinicId}\u0000${r.role}`, r])).values()];
      await db.delete(staffRoles).where(eq(staffRoles.userId, userId));
      if (unique.length > 0) await db.insert(staffRoles).values(unique.map((r) => ({ userId, clinicId: r.clinicId, role: r.role })));
    },

    async updateUser(id: string, fields: { name?: string; active?: boolean; activeClinicId?: string | null }, at: Date) {
      await db
        .update(user)
        .set({ ...fields, updatedAt: at })
        .where(eq(user.id, id));
    },

    async revokeSessions(userId: string) {
      await db.delete(session).where(eq(session.userId, userId));
    },

    async touchSession(token: string, at: Date) {
      await db.update(session).set({ lastActiveAt: at }).where(eq(session.token, token));
    },

    async findSessionActivity(token: string) {
      const [row] = await db
        .select({ lastActiveAt: session.lastActiveAt, createdAt: session.createdAt })
        .from(session)
        .where(eq(session.token, token));
      return row;
    },

    async deleteSession(token: string) {
      await db.delete(session).where(eq(session.token, token));
    },

    async readInstanceSetting(key: string) {
      const [row] = await db.select().from(instanceSettings).where(eq(instanceSettings.key, key));
      return row?.value;
    },

    /** Keeps the first value written (several servers may start at once). */
    async writeInstanceSettingOnce(key: string, value: string, at: Date) {
      await db.insert(instanceSettings).values({ key, value, createdAt: at }).onConflictDoNothing();
    },
  };
}

export type OrganizationRepository = ReturnType<typeof createOrganizationRepository>;
