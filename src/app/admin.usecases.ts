import type { ClinicFields } from '../db/repositories/organization.repository.ts';
import type { ClinicSettings } from '../db/schema/index.ts';
import { type Actor, holdsRoleAnywhere, type StaffRole } from '../domain/access/permissions.ts';
import { type Deps, inTransaction } from './deps.ts';
import { AppError, conflict, forbidden, notFound } from './errors.ts';

const requireAdmin = (actor: Actor) => {
  if (!holdsRoleAnywhere(actor, 'admin')) throw forbidden('administer users and clinics');
};

/** Clinics the actor may see: all of the organization for admins, their own otherwise. */
export async function listClinics(actor: Actor, deps: Deps) {
  const all = await deps.repos.organization.listClinics(actor.organizationId);
  return holdsRoleAnywhere(actor, 'admin') ? all : all.filter((c) => actor.rolesByClinic.has(c.id));
}

export async function createClinic(input: ClinicFields, actor: Actor, deps: Deps) {
  requireAdmin(actor);
  const id = deps.newId();
  await deps.repos.organization.insertClinic({ ...input, id, organizationId: actor.organizationId, at: deps.clock() });
  return (await deps.repos.organization.findClinic(id))!;
}

export async function updateClinic(
  id: string,
  input: Omit<Partial<ClinicFields>, 'settings'> & { settings?: Partial<ClinicSettings> | undefined },
  actor: Actor,
  deps: Deps,
) {
  requireAdmin(actor);
  const clinic = await deps.repos.organization.findClinic(id);
  if (!clinic || clinic.organizationId !== actor.organizationId) throw notFound('clinic');
  const { settings, ...fields } = input;
  await deps.repos.organization.updateClinic(
    id,
    { ...fields, ...(settings ? { settings: { ...clinic.settings, ...settings } } : {}) },
    deps.clock(),
  );
  return (await deps.repos.organization.findClinic(id))!;
}

export async function listUsers(actor: Actor, deps: Deps) {
  requireAdmin(actor);
  return deps.repos.organization.listUsers(actor.organizationId);
}

async function assertClinicsBelong(roles: { clinicId: string }[], actor: Actor, deps: Deps) {
  const clinicIds = new Set((await deps.repos.organization.listClinics(actor.organizationId)).map((c) => c.id));
  const unknown = roles.filter((r) => !clinicIds.has(r.clinicId));
  if (unknown.length > 0)
    throw new AppError('validation.failed', 400, 'Unknown clinic in roles.', { issues: [{ path: 'roles', message: 'Unknown clinic.' }] });
}

/** Creates a staff (or patient portal) account; better-auth hashes the password (scrypt). */
export async function createUser(
  input: { email: string; name: string; password: string; roles: { clinicId: string; role: StaffRole }[]; patientId?: string | undefined },
  actor: Actor,
  deps: Deps,
) {
  requireAdmin(actor);
  await assertClinicsBelong(input.roles, actor, deps);
  if (await deps.repos.organization.findUserByEmail(input.email))
    throw conflict('user.email_taken', 'A user with that email already exists.');
  if (input.patientId) {
    const patient = await deps.repos.patients.findHead(input.patientId);
    if (!patient || patient.organizationId !== actor.organizationId) throw notFound('patient');
    if (patient.userId) throw conflict('patient.already_linked', 'That patient already has a portal account.');
  }
  const id = await insertUserAccount({ ...input, organizationId: actor.organizationId }, deps);
  return (await deps.repos.organization.listUsers(actor.organizationId)).find((u) => u.id === id)!;
}

/**
 * Shared by the admin screen, `ketaclinic create-user` and the demo seed. better-auth hashes the password
 * (scrypt); the user, its credential and its roles are then written in one transaction: all or nothing.
 */
export async function insertUserAccount(
  input: {
    email: string;
    name: string;
    password: string;
    organizationId: string;
    roles: { clinicId: string; role: StaffRole }[];
    patientId?: string | undefined;
  },
  deps: Deps,
): Promise<string> {
  const passwordHash = await (await deps.auth.$context).password.hash(input.password);
  const id = deps.newId();
  await inTransaction(deps, async (repos) => {
    await repos.organization.insertUser({
      id,
      email: input.email.toLowerCase(),
      name: input.name,
      organizationId: input.organizationId,
      passwordHash,
      at: deps.clock(),
    });
    await repos.organization.replaceRoles(id, input.roles);
    if (input.patientId) await repos.patients.linkUser(input.patientId, id);
  });
  return id;
}

export async function updateUser(
  id: string,
  input: { name?: string | undefined; active?: boolean | undefined; roles?: { clinicId: string; role: StaffRole }[] | undefined },
  actor: Actor,
  deps: Deps,
) {
  requireAdmin(actor);
  const target = await deps.repos.organization.findUser(id);
  if (!target || target.organizationId !== actor.organizationId) throw notFound('user');
  if (id === actor.userId && input.active === false)
    throw new AppError('user.cannot_deactivate_self', 400, 'You cannot deactivate your own account.');
  if (input.roles) await assertClinicsBelong(input.roles, actor, deps);
  await inTransaction(deps, async (repos) => {
    await repos.organization.updateUser(
      id,
      { ...(input.name ? { name: input.name } : {}), ...(input.active !== undefined ? { active: input.active } : {}) },
      deps.clock(),
    );
    if (input.roles) await repos.organization.replaceRoles(id, input.roles);
    if (input.active === false) await repos.organization.revokeSessions(id);
    // An organization must keep someone who can administer it (no self lock-out).
    if ((await repos.organization.countActiveAdmins(actor.organizationId)) === 0)
      throw new AppError('user.last_admin', 400, 'This change would leave the organization without an active admin.');
  });
  return (await deps.repos.organization.listUsers(actor.organizationId)).find((u) => u.id === id)!;
}
