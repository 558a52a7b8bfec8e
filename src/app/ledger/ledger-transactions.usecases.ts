import type { RegistrationRow } from '../../db/repositories/ledger.repository.ts';
import { type Actor, type ClinicPermission, findGrantingRole } from '../../domain/access/permissions.ts';
import { validateDeaNumber } from '../../domain/ledger/dea-number.ts';
import { toLocalDate } from '../../domain/ledger/loss-deadlines.ts';
import type { TransactionInput } from '../../domain/ledger/transaction-input.ts';
import { recordPatientAccess } from '../audit.usecases.ts';
import { type Deps, inTransaction, type Repositories, type RequestContext } from '../deps.ts';
import { isUniqueViolation } from '../pharmacology.errors.ts';
import {
  alreadyCorrected,
  deaNumberInvalid,
  isNumericOverflow,
  occurredInFuture,
  occurredTooLongAgo,
  patientNotFound,
  quantityTooLarge,
  registrationExpired,
} from './ledger.errors.ts';
import { authorizeRegistration } from './ledger-access.ts';
import { buildAdministration, buildDispensing, buildOpenContainer } from './ledger-clinical.builders.ts';
import { buildCorrection } from './ledger-correction.builders.ts';
import { buildBreakage, buildDestruction, buildLoss, buildWaste } from './ledger-disposal.builders.ts';
import { type NewLedgerEntry, type PostedEntry, postLedgerEntries } from './ledger-posting.ts';
import { toEntryViews } from './ledger-reads.usecases.ts';
import { toRegistrationView } from './ledger-registrations.usecases.ts';
import { createStockResolver, type StockResolver } from './ledger-stock.ts';
import { buildDistribution, buildMove, buildReceipt, buildReturn } from './ledger-supply.builders.ts';
import { type VerifiedWitness, verifyWitnesses, type WitnessCredential } from './witnesses.ts';

/** The permission each kind needs (src/domain/access/permissions.ts). */
const PERMISSION_BY_KIND: Record<TransactionInput['kind'], ClinicPermission> = {
  receipt: 'ledger.receive',
  opening_balance: 'ledger.receive',
  move: 'ledger.receive',
  distribution_out: 'ledger.receive',
  return: 'ledger.receive',
  open_container: 'ledger.administer',
  administration: 'ledger.administer',
  waste: 'ledger.administer',
  dispensing: 'ledger.dispense',
  breakage: 'ledger.dispose',
  destruction: 'ledger.dispose',
  loss: 'ledger.dispose',
  correction: 'ledger.correct',
};

/** Kinds refused once the registration has lapsed: handling new stock or patients needs a current registration. */
const NEEDS_CURRENT_REGISTRATION = new Set<TransactionInput['kind']>([
  'receipt',
  'opening_balance',
  'open_container',
  'administration',
  'dispensing',
  'distribution_out',
]);

/** Everything a builder needs: the registration, the DB transaction's repositories, lookups and verified witnesses. */
export interface BuildContext {
  registration: RegistrationRow;
  /** The signed-in actor; null when a trusted caller (seeding, treatment sessions) posts on someone's behalf. */
  actor?: Actor | null;
  clinic: { id: string; timeZone: string; name: string; phone: string };
  repos: Repositories;
  deps: Deps;
  actorId: string;
  occurredAt: string;
  today: string;
  stock: StockResolver;
  witnesses: VerifiedWitness[];
}

export type Batch = { registrationId: string; entry: NewLedgerEntry }[];

/** An entry of the building registration, dated when the transaction occurred. */
export function entryOf(c: BuildContext, entry: Omit<NewLedgerEntry, 'occurredAt'>): Batch[number] {
  return { registrationId: c.registration.id, entry: { ...entry, occurredAt: c.occurredAt } };
}

function witnessCredentialsOf(input: TransactionInput): WitnessCredential[] {
  if (input.kind === 'correction') return [input.secondSigner];
  if ('witnesses' in input && input.witnesses) return input.witnesses;
  return [];
}

/**
 * How far back an entry may be dated: a late entry for something that happened earlier is normal (a shipment logged
 * the next morning), an entry dated years back or before the registration was entered is not. [M] clinic policy.
 */
export const LATE_ENTRY_MAX_DAYS = 31;

function requireRecentInstant(value: string | undefined, field: string, registration: RegistrationRow | null, now: Date) {
  if (!value) return;
  const at = Date.parse(value);
  if (at > now.getTime() + 60_000) throw occurredInFuture(field);
  const lateLimit = now.getTime() - LATE_ENTRY_MAX_DAYS * 86_400_000;
  const earliest = registration ? Math.max(lateLimit, registration.createdAt.getTime() - 86_400_000) : lateLimit;
  if (at < earliest) throw occurredTooLongAgo(field, LATE_ENTRY_MAX_DAYS);
}

/** The patient must be one whose clinical record the actor may read (their home clinic's roles), else 404. */
async function requireClinicalAccess(patientId: string, ctx: RequestContext, deps: Deps) {
  const head = await deps.repos.patients.findHead(patientId);
  const target = head && { clinicId: head.homeClinicId, patientId: head.id };
  if (!target || head.organizationId !== ctx.actor.organizationId || !findGrantingRole(ctx.actor, 'patient.read_clinical', target)) {
    throw patientNotFound();
  }
}

/** The registrations whose chains a transaction writes: its own, and a recipient kept here (sorted: lock order). */
async function chainsTouchedBy(input: TransactionInput, registration: RegistrationRow, repos: Repositories): Promise<string[]> {
  const ids = new Set([registration.id]);
  if (input.kind === 'distribution_out') {
    const dea = validateDeaNumber(input.recipient.deaNumber);
    const recipient = dea.ok ? await repos.ledger.findRegistrationByDeaNumber(dea.normalized) : undefined;
    if (recipient && recipient.organizationId === registration.organizationId) ids.add(recipient.id);
  }
  if (input.kind === 'correction') {
    const original = await repos.ledger.findEntry(input.reversesEntryId);
    const linkedId = original && (JSON.parse(original.detailsJson) as { linkedEntryId?: string | null }).linkedEntryId;
    const linked = linkedId ? await repos.ledger.findEntry(linkedId) : undefined;
    if (linked) ids.add(linked.registrationId);
  }
  return [...ids].sort();
}

/** Validates a counterparty's DEA number (suppliers, recipients) with the check-digit rule. */
export function requireValidDeaNumber(value: string, field: string): string {
  const dea = validateDeaNumber(value);
  if (!dea.ok) throw deaNumberInvalid(field, dea.message);
  return dea.normalized;
}

async function build(input: TransactionInput, c: BuildContext): Promise<{ batch: Batch; warnings: string[] }> {
  const only = async (batch: Promise<Batch>) => ({ batch: await batch, warnings: [] as string[] });
  switch (input.kind) {
    case 'receipt':
    case 'opening_balance':
      return only(buildReceipt(input, c));
    case 'open_container':
      return only(buildOpenContainer(input, c));
    case 'administration':
      return only(buildAdministration(input, c));
    case 'dispensing':
      return only(buildDispensing(input, c));
    case 'waste':
      return only(buildWaste(input, c));
    case 'breakage':
      return only(buildBreakage(input, c));
    case 'move':
      return only(buildMove(input, c));
    case 'distribution_out':
      return buildDistribution(input, c);
    case 'return':
      return only(buildReturn(input, c));
    case 'destruction':
      return only(buildDestruction(input, c));
    case 'loss':
      return only(buildLoss(input, c));
    case 'correction':
      return only(buildCorrection(input, c));
  }
}

/**
 * Records one ledger transaction (issue 5, item 3) in one database transaction: every entry and line lands, with
 * the balances and chain heads, or nothing does. Witnesses re-authenticate first (password hashing is slow, so it
 * happens before any lock is taken).
 */
export async function recordLedgerTransaction(registrationId: string, input: TransactionInput, ctx: RequestContext, deps: Deps) {
  const { registration, role } = await authorizeRegistration(
    registrationId,
    PERMISSION_BY_KIND[input.kind],
    `record a ${input.kind}`,
    ctx,
    deps,
  );
  const now = deps.clock();
  requireRecentInstant(input.occurredAt, 'occurredAt', registration, now);
  if (input.kind === 'loss') requireRecentInstant(input.discoveredAt, 'discoveredAt', registration, now);
  // The date received (1304.22(c)) may predate the registration's entry here, but not be older than a late entry.
  if (input.kind === 'receipt') requireRecentInstant(`${input.receivedOn}T00:00:00Z`, 'receivedOn', null, now);
  if (NEEDS_CURRENT_REGISTRATION.has(input.kind) && (await toRegistrationView(registration, deps)).expiryStatus === 'expired') {
    throw registrationExpired();
  }
  if ('patientId' in input) await requireClinicalAccess(input.patientId, ctx, deps);
  const clinic = (await deps.repos.organization.findClinic(registration.clinicId))!;
  const excluded = [ctx.actor.userId, ...(input.kind === 'administration' && input.givenByUserId ? [input.givenByUserId] : [])];
  const witnesses = await verifyWitnesses(witnessCredentialsOf(input), registration, excluded, deps);
  const today = toLocalDate(now.toISOString(), clinic.timeZone);
  try {
    return await inTransaction(deps, async (repos) => {
      // Lock the chains first, so everything read while building (lots, balances, earlier entries) stays true.
      for (const id of await chainsTouchedBy(input, registration, repos)) await repos.ledger.lockHead(id);
      const c: BuildContext = {
        registration,
        clinic,
        repos,
        deps,
        actor: ctx.actor,
        actorId: ctx.actor.userId,
        occurredAt: new Date(input.occurredAt ?? now.toISOString()).toISOString(),
        today,
        stock: createStockResolver(registration, repos, today),
        witnesses,
      };
      const { batch, warnings } = await build(input, c);
      const posted = await postLedgerEntries(repos, { actorId: ctx.actor.userId, recordedAt: now.toISOString(), newId: deps.newId }, batch);
      for (const entry of posted.filter((e) => e.patientId)) {
        // An administration or dispensing writes to the patient's record of care: it shows in "who opened this record".
        const event = {
          clinicId: registration.clinicId,
          patientId: entry.patientId,
          role,
          action: 'create',
          resource: `ledger/${entry.id}`,
        } as const;
        await recordPatientAccess(event, ctx, deps, repos);
      }
      const own = posted.filter((e) => e.registrationId === registrationId);
      return { entries: await toEntryViews(own, role, repos), warnings };
    });
  } catch (error) {
    if (input.kind === 'correction' && isUniqueViolation(error)) throw alreadyCorrected();
    if (isNumericOverflow(error)) throw quantityTooLarge();
    throw error;
  }
}

/**
 * Posts an administration inside the caller's transaction: the entry point for treatment sessions, which chart the
 * dose and post it to the ledger atomically. The caller has authorized the actor and verified any witness.
 */
export async function postAdministration(
  repos: Repositories,
  deps: Deps,
  input: { registrationId: string; actorId: string; witnesses: VerifiedWitness[] } & Extract<TransactionInput, { kind: 'administration' }>,
): Promise<PostedEntry[]> {
  const registration = await repos.ledger.findRegistration(input.registrationId);
  if (!registration) throw new Error('postAdministration: unknown registration');
  const now = deps.clock();
  requireRecentInstant(input.occurredAt, 'occurredAt', registration, now);
  await repos.ledger.lockHead(registration.id); // before anything is read, as recordLedgerTransaction does
  const clinic = (await repos.organization.findClinic(registration.clinicId))!;
  const today = toLocalDate(now.toISOString(), clinic.timeZone);
  const c: BuildContext = {
    registration,
    clinic,
    repos,
    deps,
    actor: null,
    actorId: input.actorId,
    occurredAt: new Date(input.occurredAt ?? now.toISOString()).toISOString(),
    today,
    stock: createStockResolver(registration, repos, today),
    witnesses: input.witnesses,
  };
  const batch = await buildAdministration(input, c);
  return postLedgerEntries(repos, { actorId: input.actorId, recordedAt: now.toISOString(), newId: deps.newId }, batch);
}
