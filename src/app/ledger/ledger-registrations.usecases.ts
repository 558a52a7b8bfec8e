import type { RegistrationRow } from '../../db/repositories/ledger.repository.ts';
import { validateDeaNumber } from '../../domain/ledger/dea-number.ts';
import { toLocalDate } from '../../domain/ledger/loss-deadlines.ts';
import { type Deps, inTransaction, type Repositories, type RequestContext } from '../deps.ts';
import { requireClinicRole } from '../drug-library.usecases.ts';
import { isUniqueViolation } from '../pharmacology.errors.ts';
import { deaNumberInvalid, deaNumberTaken, locationNameTaken } from './ledger.errors.ts';
import { authorizeRegistration } from './ledger-access.ts';
import { postLedgerEntries } from './ledger-posting.ts';

/**
 * Days before a DEA registration lapses from which it shows as "expiring". [M] DEA registrations run three years
 * and DEA sends a renewal notice about 60 days ahead (not in DOMAIN.md): clinic policy, change here.
 */
export const REGISTRATION_EXPIRY_WARNING_DAYS = 60;

const MS_PER_DAY = 86_400_000;

export interface RegistrationView {
  id: string;
  clinicId: string;
  deaNumber: string;
  registrantName: string;
  address: string;
  expiresOn: string;
  expiryStatus: 'ok' | 'expiring' | 'expired';
  daysToExpiry: number;
  locations: { id: string; name: string }[];
}

/** Registration with its current expiry (the newest registration_expiry entry) and locations. */
export async function toRegistrationView(
  registration: RegistrationRow,
  deps: Deps,
  repos: Repositories = deps.repos,
): Promise<RegistrationView> {
  const expiry = await repos.ledger.listEntries(registration.id, { kinds: ['registration_expiry'] }, { limit: 1, offset: 0 });
  const locations = await repos.ledger.listLocations(registration.id);
  const clinic = await repos.organization.findClinic(registration.clinicId);
  const expiresOn = (JSON.parse(expiry.items[0]?.detailsJson ?? '{}') as { expiresOn?: string }).expiresOn ?? '1970-01-01';
  const today = toLocalDate(deps.clock().toISOString(), clinic?.timeZone ?? 'UTC');
  const daysToExpiry = Math.round((Date.parse(expiresOn) - Date.parse(today)) / MS_PER_DAY);
  return {
    id: registration.id,
    clinicId: registration.clinicId,
    deaNumber: registration.deaNumber,
    registrantName: registration.registrantName,
    address: registration.address,
    expiresOn,
    expiryStatus: daysToExpiry < 0 ? 'expired' : daysToExpiry <= REGISTRATION_EXPIRY_WARNING_DAYS ? 'expiring' : 'ok',
    daysToExpiry,
    locations: locations.map((l) => ({ id: l.id, name: l.name })),
  };
}

/** The active clinic's DEA registrations (issue 5, item 1). */
export async function listRegistrations(ctx: RequestContext, deps: Deps) {
  const { clinicId } = requireClinicRole(ctx, 'ledger.read', 'read the controlled-substance ledger');
  const rows = await deps.repos.ledger.listRegistrations(clinicId);
  return { items: await Promise.all(rows.map((row) => toRegistrationView(row, deps))) };
}

export interface RegistrationInput {
  deaNumber: string;
  registrantName: string;
  address: string;
  expiresOn: string;
}

/** Registers a DEA number for the active clinic; its expiry is the chain's first entry. */
export async function createRegistration(input: RegistrationInput, ctx: RequestContext, deps: Deps) {
  const { clinicId } = requireClinicRole(ctx, 'ledger.register', 'register a DEA number');
  const dea = validateDeaNumber(input.deaNumber);
  if (!dea.ok) throw deaNumberInvalid('deaNumber', dea.message);
  const at = deps.clock();
  const row: RegistrationRow = {
    id: deps.newId(),
    organizationId: ctx.actor.organizationId,
    clinicId,
    deaNumber: dea.normalized,
    registrantName: input.registrantName,
    address: input.address,
    createdBy: ctx.actor.userId,
    createdAt: at,
  };
  try {
    await inTransaction(deps, async (repos) => {
      await repos.ledger.insertRegistration(row);
      await postLedgerEntries(repos, { actorId: ctx.actor.userId, recordedAt: at.toISOString(), newId: deps.newId }, [
        {
          registrationId: row.id,
          entry: { kind: 'registration_expiry', occurredAt: at.toISOString(), details: { expiresOn: input.expiresOn }, lines: [] },
        },
      ]);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw deaNumberTaken();
    throw error;
  }
  return toRegistrationView(row, deps);
}

/** Records a renewed registration's new expiry date (a new chain entry; the old date stays in the record). */
export async function renewRegistration(registrationId: string, input: { expiresOn: string }, ctx: RequestContext, deps: Deps) {
  const { registration } = await authorizeRegistration(registrationId, 'ledger.register', 'renew a DEA registration', ctx, deps);
  const at = deps.clock().toISOString();
  await inTransaction(deps, (repos) =>
    postLedgerEntries(repos, { actorId: ctx.actor.userId, recordedAt: at, newId: deps.newId }, [
      { registrationId, entry: { kind: 'registration_expiry', occurredAt: at, details: { expiresOn: input.expiresOn }, lines: [] } },
    ]),
  );
  return toRegistrationView(registration, deps);
}

/** Adds a storage location (safe, cabinet) to a registration. */
export async function addStorageLocation(registrationId: string, input: { name: string }, ctx: RequestContext, deps: Deps) {
  await authorizeRegistration(registrationId, 'ledger.register', 'add a storage location', ctx, deps);
  const row = { id: deps.newId(), registrationId, name: input.name.trim(), createdBy: ctx.actor.userId, createdAt: deps.clock() };
  try {
    await deps.repos.ledger.insertLocation(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw locationNameTaken();
    throw error;
  }
  return { id: row.id, name: row.name };
}
