import type { Deps, RequestContext } from '../../src/app/deps.ts';
import type { StaffRole } from '../../src/domain/access/permissions.ts';

/** The request context of a demo account, with its roles in every clinic, as the session layer would build it. */
export async function contextFor(deps: Deps, email: string, clinicId: string): Promise<RequestContext> {
  const person = (await deps.repos.organization.findUserByEmail(email))!;
  const rolesByClinic = new Map<string, StaffRole[]>();
  for (const { clinicId: id, role } of await deps.repos.organization.listRoles(person.id))
    rolesByClinic.set(id, [...(rolesByClinic.get(id) ?? []), role as StaffRole]);
  return {
    actor: {
      userId: person.id,
      name: person.name,
      organizationId: person.organizationId!,
      rolesByClinic,
      activeClinicId: clinicId,
      patientId: null,
    },
    requestId: `ledger-test-${email}`,
  };
}
