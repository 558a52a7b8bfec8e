import type { StaffRole } from '../../domain/access/permissions.ts';
import type { Deps, Repositories } from '../deps.ts';
import { witnessNotVerified, witnessSamePerson, witnessThrottled } from './ledger.errors.ts';

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

/** Wrong witness passwords allowed per account before it is refused as a witness for a while (policy, like sign-in). */
export const WITNESS_FAILURES_PER_WINDOW = 5;
const FAILURE_WINDOW_MS = 15 * 60_000;

/**
 * Failed witness passwords per account, in this server's memory (as the self-check throttle): the witness form must
 * not become a way around the sign-in throttle to guess a colleague's password.
 */
const failuresByServer = new WeakMap<Deps, Map<string, number[]>>();

function recentFailures(deps: Deps, email: string): number[] {
  const byEmail = failuresByServer.get(deps) ?? new Map<string, number[]>();
  failuresByServer.set(deps, byEmail);
  const now = deps.clock().getTime();
  const recent = (byEmail.get(email) ?? []).filter((at) => now - at < FAILURE_WINDOW_MS);
  byEmail.set(email, recent);
  return recent;
}

/**
 * Re-authenticates each witness (waste, breakage, destruction) or second signer (correction, count) with their own
 * password (DOMAIN.md 10: a second person witnesses waste; Form 41 needs two authorized employees). Each must be an
 * active physician, nurse or admin of the registration's clinic, and not one of `excludedUserIds` (the recorder, the
 * person who gave the dose) nor named twice. Every refusal after the password check reads the same, so the form
 * reveals neither which accounts exist nor whether a password was right.
 */
export async function verifyWitnesses(
  credentials: readonly WitnessCredential[],
  registration: { clinicId: string; organizationId: string },
  excludedUserIds: string | readonly string[],
  deps: Deps,
  repos: Repositories = deps.repos,
): Promise<VerifiedWitness[]> {
  const context = await deps.auth.$context;
  const excludedEmails = new Set<string>();
  for (const id of typeof excludedUserIds === 'string' ? [excludedUserIds] : excludedUserIds) {
    const person = await repos.organization.findUser(id);
    if (person) excludedEmails.add(person.email.toLowerCase());
  }
  const verified: VerifiedWitness[] = [];
  const seen = new Set<string>();
  for (const credential of credentials) {
    const email = credential.email.trim().toLowerCase();
    if (excludedEmails.has(email) || seen.has(email)) throw witnessSamePerson();
    seen.add(email);
    const failures = recentFailures(deps, email);
    if (failures.length >= WITNESS_FAILURES_PER_WINDOW) throw witnessThrottled();
    const found = await repos.ledger.findWitnessCredential(email, registration.clinicId);
    const passwordOk = found?.passwordHash
      ? await context.password.verify({ hash: found.passwordHash, password: credential.password })
      : await context.password.hash(credential.password).then(() => false); // the same work either way
    if (!passwordOk) failures.push(deps.clock().getTime());
    const role = WITNESS_ROLES.find((r) => found?.roles.includes(r));
    if (!found || !passwordOk || !role || found.organizationId !== registration.organizationId || found.active === false) {
      throw witnessNotVerified();
    }
    verified.push({ userId: found.id, name: found.name, role });
  }
  return verified;
}

/** How a verified witness is stored in an entry's details (names are staff, not patient data). */
export const witnessDetails = (witnesses: readonly VerifiedWitness[]) =>
  witnesses.map((w) => ({ userId: w.userId, name: w.name, role: w.role }));
