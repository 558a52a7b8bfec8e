import type { ContainerRow, LotRow } from '../../db/repositories/ledger.repository.ts';
import {
  bucketKeyOf,
  type CountKind,
  countedAtIssue,
  differenceMlOf,
  findDuplicateBuckets,
  findUncountedBuckets,
  toCountedAmount,
} from '../../domain/ledger/counting.ts';
import { type Deps, inTransaction, type Repositories, type RequestContext } from '../deps.ts';
import { validationFailed } from '../errors.ts';
import { containerNotFound, locationNotFound, lotNotFound } from './ledger.errors.ts';
import { authorizeRegistration } from './ledger-access.ts';
import { countIncomplete, countNotFound } from './ledger-counts.errors.ts';
import { type CountDetails, type CountLineDetails, loadStockNames, toCountView } from './ledger-counts.views.ts';
import { postLedgerEntries } from './ledger-posting.ts';
import { lotMeasure, toBucketAmounts } from './ledger-stock.ts';
import { type VerifiedWitness, verifyWitnesses, type WitnessCredential } from './witnesses.ts';

export interface CountInput {
  countKind: CountKind;
  timeOfDay?: 'opening' | 'close' | null | undefined;
  countedAt?: string | undefined;
  locationId?: string | undefined;
  secondCounter: WitnessCredential;
  note?: string | undefined;
  lines: {
    lotId: string;
    locationId: string;
    containerId: string | null;
    countedContainers?: number | undefined;
    countedMl?: number | undefined;
  }[];
}

/** Checks each counted bucket belongs to this registration (lot, location, and an opened container of that lot there). */
async function resolveLines(input: CountInput, registrationId: string, repos: Repositories) {
  const lots = await repos.ledger.listLots(registrationId);
  const locations = await repos.ledger.listLocations(registrationId);
  const lotById = new Map(lots.map((l) => [l.id, l]));
  const locationIds = new Set(locations.map((l) => l.id));
  if (input.locationId !== undefined && !locationIds.has(input.locationId)) throw locationNotFound();
  const resolved: { line: CountInput['lines'][number]; lot: LotRow; container: ContainerRow | null }[] = [];
  for (const [index, line] of input.lines.entries()) {
    const lot = lotById.get(line.lotId);
    if (!lot) throw lotNotFound();
    if (!locationIds.has(line.locationId)) throw locationNotFound();
    if (input.locationId !== undefined && line.locationId !== input.locationId) {
      throw validationFailed([{ path: `lines.${index}.locationId`, message: 'must be the counted location' }]);
    }
    const container = line.containerId === null ? null : ((await repos.ledger.findContainer(line.containerId)) ?? null);
    if (line.containerId !== null && (!container || container.registrationId !== registrationId)) throw containerNotFound();
    if (container && (container.lotId !== lot.id || container.locationId !== line.locationId)) {
      throw validationFailed([{ path: `lines.${index}.containerId`, message: 'that container is of another lot or location' }]);
    }
    resolved.push({ line, lot, container });
  }
  const refs = input.lines.map((l) => ({ lotId: l.lotId, locationId: l.locationId, containerId: l.containerId ?? '' }));
  const duplicates = findDuplicateBuckets(refs);
  if (duplicates.length > 0) throw validationFailed([{ path: 'lines', message: 'each lot, location and container is counted once' }]);
  return resolved;
}

/**
 * Compares each counted bucket with the book balance read under the chain-head lock, and refuses a count that leaves
 * out a bucket with stock on the books. A counted bucket with no book balance is kept with book 0 (found stock).
 */
async function buildCountLines(input: CountInput, registrationId: string, repos: Repositories): Promise<CountLineDetails[]> {
  const resolved = await resolveLines(input, registrationId, repos);
  const balances = (await repos.ledger.listAllBalances(registrationId)).map(toBucketAmounts);
  const refs = input.lines.map((l) => ({ lotId: l.lotId, locationId: l.locationId, containerId: l.containerId ?? '' }));
  const missing = findUncountedBuckets(balances, refs, input.locationId ?? null);
  if (missing.length > 0) {
    throw countIncomplete(
      missing.map((b) => ({
        path: 'lines',
        message: b.containerId
          ? `opened container with ${b.ml} mL on the books is not counted`
          : `${b.containers} sealed containers on the books are not counted`,
        lotId: b.lotId,
        locationId: b.locationId,
        containerId: b.containerId || null,
      })),
    );
  }
  const book = new Map(balances.map((b) => [bucketKeyOf(b), b]));
  return resolved.map(({ line, lot }) => {
    const held = book.get(bucketKeyOf({ ...line, containerId: line.containerId ?? '' }));
    const counted = toCountedAmount(
      line.containerId === null ? { containers: line.countedContainers ?? 0 } : { ml: line.countedMl ?? 0 },
      lotMeasure(lot),
    );
    const bookMl = held?.ml ?? 0;
    return {
      lotId: line.lotId,
      locationId: line.locationId,
      containerId: line.containerId,
      bookContainers: held?.containers ?? 0,
      bookMl,
      bookMg: held?.mg ?? 0,
      countedContainers: counted.containers,
      countedMl: counted.ml,
      countedMg: counted.mg,
      differenceMl: differenceMlOf(bookMl, counted.ml),
    };
  });
}

/**
 * Records a count by two people (issue 5, item 5; 21 CFR 1304.11 for inventories: a physical count on its date, at the
 * opening or close of business). The second counter re-authenticates; the count is a `count` entry with no lines, so
 * it moves no stock: differences become discrepancies to resolve.
 */
export async function recordCount(registrationId: string, input: CountInput, ctx: RequestContext, deps: Deps) {
  const { registration } = await authorizeRegistration(registrationId, 'ledger.count', 'record a count', ctx, deps);
  const now = deps.clock();
  const countedAtProblem = input.countedAt ? countedAtIssue(Date.parse(input.countedAt), now.getTime()) : null;
  if (countedAtProblem) throw validationFailed([{ path: 'countedAt', message: countedAtProblem }]);
  const [secondCounter] = (await verifyWitnesses([input.secondCounter], registration, ctx.actor.userId, deps)) as [VerifiedWitness];
  const countedAt = new Date(input.countedAt ?? now.toISOString()).toISOString();
  return inTransaction(deps, async (repos) => {
    await repos.ledger.lockHead(registrationId);
    const lines = await buildCountLines(input, registrationId, repos);
    const details: CountDetails = {
      countKind: input.countKind,
      timeOfDay: input.timeOfDay ?? null,
      countedAt,
      locationId: input.locationId ?? null,
      secondCounter: { userId: secondCounter.userId, name: secondCounter.name, role: secondCounter.role },
      note: input.note ? input.note : null,
      lines,
    };
    const [posted] = await postLedgerEntries(repos, { actorId: ctx.actor.userId, recordedAt: now.toISOString(), newId: deps.newId }, [
      {
        registrationId,
        entry: { kind: 'count', occurredAt: countedAt, details: { ...details, lines: lines.map((l) => ({ ...l })) }, lines: [] },
      },
    ]);
    const names = await loadStockNames(registrationId, repos);
    const people = await repos.ledger.findPeople([ctx.actor.userId]);
    return toCountView({ id: posted!.id, seq: posted!.seq, recordedBy: ctx.actor.userId, details: { ...details } }, names, people);
  });
}

/** Every count of a registration, newest first. */
export async function listCounts(registrationId: string, ctx: RequestContext, deps: Deps) {
  await authorizeRegistration(registrationId, 'ledger.read', 'read the controlled-substance ledger', ctx, deps);
  const entries = await deps.repos.ledgerCounts.listEntriesOfKinds(registrationId, ['count']);
  const names = await loadStockNames(registrationId, deps.repos);
  const people = await deps.repos.ledger.findPeople([...new Set(entries.map((e) => e.recordedBy))]);
  return { items: entries.reverse().map((e) => toCountView(e, names, people)) };
}

/** One count by its entry id; an entry of another kind or registration answers 404. */
export async function getCount(registrationId: string, entryId: string, ctx: RequestContext, deps: Deps) {
  await authorizeRegistration(registrationId, 'ledger.read', 'read the controlled-substance ledger', ctx, deps);
  const entry = await deps.repos.ledger.findEntry(entryId);
  if (!entry || entry.registrationId !== registrationId || entry.kind !== 'count') throw countNotFound();
  const names = await loadStockNames(registrationId, deps.repos);
  const people = await deps.repos.ledger.findPeople([entry.recordedBy]);
  return toCountView({ ...entry, details: JSON.parse(entry.detailsJson) as Record<string, unknown> }, names, people);
}
