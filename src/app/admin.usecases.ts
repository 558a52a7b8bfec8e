import type { ClinicFields } from '../db/repositories/organization.repository.ts';
import type { ClinicSettings } from '../db/schema/index.ts';
import { type Actor, holdsRoleAnywhere, type StaffRole } from '../domain/access/permissions.ts';
import { cannotGrantSelf } from './admin.errors.ts';
import { type AccountAuditAction, recordAccountChange } from './audit.usecases.ts';
import { type Deps, inTransaction, type Repositories, type RequestContext } from './deps.ts';
import { AppError, forbidden, hasSqlState, notFound } from './errors.ts';
import { emailTaken } from './portal.errors.ts';

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

/**
 * Creates a staff account; better-auth hashes the password (scrypt). Patient accounts are never made here: a
 * patient opens their own from a portal invitation, so no staff member ever knows a patient's password.
 */
export async function createUser(
  input: { email: string; name: string; password: string; roles: { clinicId: string; role: StaffRole }[] },
  ctx: RequestContext,
  deps: Deps,
) {
  const { actor } = ctx;
  requireAdmin(actor);
  await assertClinicsBelong(input.roles, actor, deps);
  if (await deps.repos.organization.findUserByEmail(input.email)) throw emailTaken();
  const id = await insertUserAccount({ ...input, organizationId: actor.organizationId }, deps, async (repos, userId) => {
    for (const clinicId of await clinicsTouched([], input.roles, actor, repos))
      await recordAccountChange({ clinicId, action: 'account.create', resource: describeRoles(userId, input.roles) }, ctx, deps, repos);
  }).catch((error: unknown) => {
    // The same email created by a parallel request between the check and the insert (unique index).
    throw hasSqlState(error, '23505') ? emailTaken() : error;
  });
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
  alsoInTransaction?: (repos: Repositories, userId: string) => Promise<void>,
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
    await alsoInTransaction?.(repos, id);
  });
  return id;
}

export async function updateUser(
  id: string,
  input: { name?: string | undefined; active?: boolean | undefined; roles?: { clinicId: string; role: StaffRole }[] | undefined },
  ctx: RequestContext,
  deps: Deps,
) {
  const { actor } = ctx;
  requireAdmin(actor);
  const target = await deps.repos.organization.findUser(id);
  if (!target || target.organizationId !== actor.organizationId) throw notFound('user');
  if (id === actor.userId && input.active === false)
    throw new AppError('user.cannot_deactivate_self', 400, 'You cannot deactivate your own account.');
  if (input.roles) await assertClinicsBelong(input.roles, actor, deps);
  const before = (await deps.repos.organization.listUsers(actor.organizationId)).find((u) => u.id === id)?.roles ?? [];
  // Nobody grants themselves a role: an admin who also needs to chart asks another admin (four eyes).
  if (id === actor.userId && input.roles?.some((r) => !before.some((b) => b.clinicId === r.clinicId && b.role === r.role)))
    throw cannotGrantSelf();
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
    for (const change of describeUserChanges(id, target, before, input))
      for (const clinicId of await clinicsTouched(before, input.roles ?? before, actor, repos))
        await recordAccountChange({ clinicId, ...change }, ctx, deps, repos);
  });
  return (await deps.repos.organization.listUsers(actor.organizationId)).find((u) => u.id === id)!;
}

type Roles = readonly { clinicId: string; role: StaffRole }[];
const describeRoles = (userId: string, roles: Roles) =>
  `user/${userId}/roles:${
    [...roles]
      .map((r) => `${r.role}@${r.clinicId}`)
      .sort()
      .join(',') || 'none'
  }`;

/** What changed, as audit actions; the resource names the user and, for roles, the new set. */
function describeUserChanges(
  id: string,
  target: { name: string; active: boolean },
  before: Roles,
  input: { name?: string | undefined; active?: boolean | undefined; roles?: Roles | undefined },
) {
  const changes: { action: AccountAuditAction; resource: string }[] = [];
  if (input.name && input.name !== target.name) changes.push({ action: 'account.rename', resource: `user/${id}` });
  if (input.active !== undefined && input.active !== target.active)
    changes.push({ action: input.active ? 'account.reactivate' : 'account.deactivate', resource: `user/${id}` });
  if (input.roles && describeRoles(id, input.roles) !== describeRoles(id, before))
    changes.push({ action: 'account.roles_change', resource: describeRoles(id, input.roles) });
  return changes;
}

/**
 * The clinics whose audit chain records an account change: those the user had or gets a role in, else all.
 * Reads through the transaction's repositories (PGlite has one connection: an outside read would wait forever).
 */
async function clinicsTouched(before: Roles, after: Roles, actor: Actor, repos: Repositories) {
  const touched = new Set([...before, ...after].map((r) => r.clinicId));
  if (touched.size > 0) return [...touched].sort();
  return (await repos.organization.listClinics(actor.organizationId)).map((c) => c.id);
}
