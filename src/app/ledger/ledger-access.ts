import type { RegistrationRow } from '../../db/repositories/ledger.repository.ts';
import { type ClinicPermission, findClinicRole, type StaffRole } from '../../domain/access/permissions.ts';
import type { Deps, RequestContext } from '../deps.ts';
import { forbidden } from '../errors.ts';
import { registrationNotFound } from './ledger.errors.ts';

/**
 * The registration a ledger action applies to, after checking the actor's role in its clinic. A registration the
 * actor may not even read answers 404 (no existence leak); a readable one without the permission 403.
 */
export async function authorizeRegistration(
  registrationId: string,
  permission: ClinicPermission,
  action: string,
  ctx: RequestContext,
  deps: Deps,
): Promise<{ registration: RegistrationRow; role: StaffRole }> {
  const registration = await deps.repos.ledger.findRegistration(registrationId);
  if (!registration || registration.organizationId !== ctx.actor.organizationId) throw registrationNotFound();
  const role = findClinicRole(ctx.actor, permission, registration.clinicId);
  if (role) return { registration, role };
  if (!findClinicRole(ctx.actor, 'ledger.read', registration.clinicId)) throw registrationNotFound();
  throw forbidden(action);
}
