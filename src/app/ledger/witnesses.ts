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

/** Refused witness attempts one user may make against one account before it is refused for a while (policy, like sign-in). */
export const WITNESS_FAILURES_PER_WINDOW = 5;
const FAILURE_WINDOW_MS = 15 * 60_000;

/**
 * Failed witness passwords per account, in this server's memory (as the self-check throttle): the witness form must
 * not become a way around the sign-in throttle to guess a colleague's password.
 */
const failuresByServer = new WeakMap<Deps, Map<string, number[]>>();

/**
 * The failure times of one guesser against one account (keyed by both, so nobody can lock a colleague out of
 * witnessing for everyone), pruned in place so that concurrent requests share one array.
 */
function failuresFor(deps: Deps, key: string): number[] {
  const byKey = failuresByServer.get(deps) ?? new Map<string, number[]>();
  failuresByServer.set(deps, byKey);
  const now = deps.clock().getTime();
  const failures = byKey.get(key) ?? [];
  byKey.set(key, failures);
  while (failures.length > 0 && now - failures[0]! >= FAILURE_WINDOW_MS) failures.shift();
  return failures;
}

function forgetIfEmpty(deps: Deps, key: string, failures: number[]) {
  if (failures.length === 0) failuresByServer.get(deps)?.delete(key);
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
  const excludedIds = typeof excludedUserIds === 'string' ? [excludedUserIds] : excludedUserIds;
  const actorKey = excludedIds[0] ?? '';
  const excludedEmails = new Set<string>();
  for (const id of excludedIds) {
    const person = await repos.organization.findUser(id);
    if (person) excludedEmails.add(person.email.toLowerCase());
  }
  const verified: VerifiedWitness[] = [];
  const seen = new Set<string>();
  for (const credential of credentials) {
    const email = credential.email.trim().toLowerCase();
    if (excludedEmails.has(email) || seen.has(email)) throw witnessSamePerson();
    seen.add(email);
    const key = `${actorKey}\u001f${email}`;
    const failures = failuresFor(deps, key);
    if (failures.length >= WITNESS_FAILURES_PER_WINDOW) throw witnessThrottled();
    // Counted before the slow check, so parallel guesses all count; taken back only on success.
    const attempt = deps.clock().getTime();
    failures.push(attempt);
    const found = await repos.ledger.findWitnessCredential(email, registration.clinicId);
    const passwordOk = found?.passwordHash
      ? await context.password.verify({ hash: found.passwordHash, password: credential.password })
      : await context.password.hash(credential.password).then(() => false); // the same work either way
    const role = WITNESS_ROLES.find((r) => found?.roles.includes(r));
    if (!found || !passwordOk || !role || found.organizationId !== registration.organizationId || found.active === false) {
      throw witnessNotVerified(); // every refusal counts, so the counter reveals nothing either
    }
    failures.splice(failures.indexOf(attempt), 1);
    forgetIfEmpty(deps, key, failures);
    verified.push({ userId: found.id, name: found.name, role });
  }
  return verified;
}

/** How a verified witness is stored in an entry's details (names are staff, not patient data). */
export const witnessDetails = (witnesses: readonly VerifiedWitness[]) =>
  witnesses.map((w) => ({ userId: w.userId, name: w.name, role: w.role }));
