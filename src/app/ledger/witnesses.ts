import type { StaffRole } from '../../domain/access/permissions.ts';
import type { Deps, Repositories } from '../deps.ts';
import { witnessNotEligible, witnessNotVerified, witnessSamePerson } from './ledger.errors.ts';

export interface WitnessCredential {
  email: string;
  password: string;
}

export interface VerifiedWitness {
  userId: string;
  name: string;
  role: StaffRole;
}

const WITNESS_ROLES: readonly StaffRole[] = ['physician', 'nurse', 'admin'];

/**
 * Re-authenticates each witness (waste, breakage, destruction) or second signer (correction, count) with their own
 * password (DOMAIN.md 10: a second person witnesses waste; Form 41 needs two authorized employees). Each must be an
 * active physician, nurse or admin of the registration's clinic, and nobody may witness their own entry or twice.
 * Unknown email and wrong password give the same error, so the form does not reveal which accounts exist.
 */
export async function verifyWitnesses(
  credentials: readonly WitnessCredential[],
  registration: { clinicId: string; organizationId: string },
  actorUserId: string,
  deps: Deps,
  repos: Repositories = deps.repos,
): Promise<VerifiedWitness[]> {
  const context = await deps.auth.$context;
  const verified: VerifiedWitness[] = [];
  for (const credential of credentials) {
    const found = await repos.ledger.findWitnessCredential(credential.email, registration.clinicId);
    const passwordOk = found?.passwordHash
      ? await context.password.verify({ hash: found.passwordHash, password: credential.password })
      : await context.password.hash(credential.password).then(() => false); // same work either way
    if (!found || !passwordOk || found.organizationId !== registration.organizationId || found.active === false) throw witnessNotVerified();
    if (found.id === actorUserId || verified.some((w) => w.userId === found.id)) throw witnessSamePerson();
    const role = WITNESS_ROLES.find((r) => found.roles.includes(r));
    if (!role) throw witnessNotEligible();
    verified.push({ userId: found.id, name: found.name, role });
  }
  return verified;
}

/** How a verified witness is stored in an entry's details (names are staff, not patient data). */
export const witnessDetails = (witnesses: readonly VerifiedWitness[]) =>
  witnesses.map((w) => ({ userId: w.userId, name: w.name, role: w.role }));
