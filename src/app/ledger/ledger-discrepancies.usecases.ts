import type { RecordEntry } from '../../db/repositories/ledger-counts.repository.ts';
import {
  bucketKeyOf,
  type DiscrepancyAction,
  discrepancyStatusOf,
  entryTouchesBucket,
  isDiscrepancy,
} from '../../domain/ledger/counting.ts';
import { type Deps, inTransaction, type Repositories, type RequestContext } from '../deps.ts';
import { authorizeRegistration } from './ledger-access.ts';
import { discrepancyLinkInvalid, discrepancyNotFound, discrepancyResolved } from './ledger-counts.errors.ts';
import { type CountDetails, loadStockNames, type StockNames, toCountLineView } from './ledger-counts.views.ts';
import { postLedgerEntries } from './ledger-posting.ts';
import { verifyWitnesses, type WitnessCredential, witnessDetails } from './witnesses.ts';

export interface DiscrepancyActionInput {
  action: DiscrepancyAction;
  note: string;
  correctionEntryId?: string | undefined;
  lossEntryId?: string | undefined;
  secondSigner?: WitnessCredential | undefined;
}

/** A `discrepancy_action` entry's details (ledger contract). */
interface ActionDetails {
  countEntryId: string;
  lineNo: number;
  action: DiscrepancyAction;
  note: string;
  correctionEntryId?: string | null;
  lossEntryId?: string | null;
  secondSigner?: { userId: string; name: string; role: string } | null;
}

/** Discrepancies of the given counts (lines whose count differs from the book), each with its actions and status. */
export function buildDiscrepancies(counts: RecordEntry[], actionEntries: RecordEntry[], names: StockNames, people: Map<string, string>) {
  const actionsByLine = new Map<string, RecordEntry[]>();
  for (const entry of actionEntries) {
    const d = entry.details as unknown as ActionDetails;
    const key = `${d.countEntryId}#${d.lineNo}`;
    actionsByLine.set(key, [...(actionsByLine.get(key) ?? []), entry]);
  }
  return counts.flatMap((count) => {
    const details = count.details as unknown as CountDetails;
    return details.lines.flatMap((line, index) => {
      if (!isDiscrepancy(line)) return [];
      const view = toCountLineView(line, index, names);
      const actions = (actionsByLine.get(`${count.id}#${view.lineNo}`) ?? []).map((entry) => {
        const d = entry.details as unknown as ActionDetails;
        return {
          entryId: entry.id,
          action: d.action,
          note: d.note,
          at: entry.occurredAt,
          by: { id: entry.recordedBy, name: people.get(entry.recordedBy) ?? '' },
          correctionEntryId: d.correctionEntryId ?? null,
          lossEntryId: d.lossEntryId ?? null,
          secondSigner: d.secondSigner ?? null,
        };
      });
      return [
        {
          countEntryId: count.id,
          lineNo: view.lineNo,
          countedAt: details.countedAt,
          lotId: view.lotId,
          productName: view.productName,
          lotNumber: view.lotNumber,
          locationId: view.locationId,
          locationName: view.locationName,
          containerId: view.containerId,
          bookContainers: view.bookContainers,
          countedContainers: view.countedContainers,
          bookMl: view.bookMl,
          countedMl: view.countedMl,
          differenceMl: view.differenceMl,
          status: discrepancyStatusOf(actions),
          actions,
        },
      ];
    });
  });
}
export type DiscrepancyView = ReturnType<typeof buildDiscrepancies>[number];

/** Every discrepancy of the registration's counts with its status (reads everything: one chain per registration). */
async function loadDiscrepancies(registrationId: string, repos: Repositories, order: 'oldest_first' | 'newest_first' = 'oldest_first') {
  const counts = await repos.ledgerCounts.listEntriesOfKinds(registrationId, ['count']);
  const actions = await repos.ledgerCounts.listEntriesOfKinds(registrationId, ['discrepancy_action']);
  const names = await loadStockNames(registrationId, repos);
  const people = await repos.ledger.findPeople([...new Set(actions.map((a) => a.recordedBy))]);
  return buildDiscrepancies(order === 'newest_first' ? counts.reverse() : counts, actions, names, people);
}

/** Discrepancies, newest count first (issue 5, item 5: investigate, resolve with a correction, or report as loss). */
export async function listDiscrepancies(registrationId: string, ctx: RequestContext, deps: Deps) {
  await authorizeRegistration(registrationId, 'ledger.read', 'read the controlled-substance ledger', ctx, deps);
  return { items: await loadDiscrepancies(registrationId, deps.repos, 'newest_first') };
}

const bucketOf = (d: { lotId: string; locationId: string; containerId: string | null }) =>
  bucketKeyOf({ lotId: d.lotId, locationId: d.locationId, containerId: d.containerId ?? '' });

/**
 * The linked correction (or loss) must be of this registration, recorded after the count, and move stock in the
 * discrepancy's own bucket (a correction's lines reverse the corrected entry's, so a reversal on that bucket counts).
 * It closes at most one discrepancy per bucket, so one entry cannot settle several shortfalls of the same stock.
 */
async function checkLinkedEntry(
  input: DiscrepancyActionInput,
  target: DiscrepancyView,
  all: readonly DiscrepancyView[],
  registrationId: string,
  repos: Repositories,
) {
  const link =
    input.action === 'resolved_by_correction'
      ? { id: input.correctionEntryId, kind: 'correction', path: 'correctionEntryId' }
      : input.action === 'reported_as_loss'
        ? { id: input.lossEntryId, kind: 'loss', path: 'lossEntryId' }
        : null;
  if (!link?.id) return;
  const entry = await repos.ledger.findEntry(link.id);
  if (!entry || entry.registrationId !== registrationId || entry.kind !== link.kind) {
    throw discrepancyLinkInvalid(link.path, `must name a ${link.kind} entry of this registration`);
  }
  const count = await repos.ledger.findEntry(target.countEntryId);
  if (!count || entry.seq <= count.seq) throw discrepancyLinkInvalid(link.path, `the ${link.kind} must be recorded after the count`);
  if (!entryTouchesBucket(entry.lines, target)) {
    throw discrepancyLinkInvalid(link.path, `the ${link.kind} must move stock of this lot in this location and container`);
  }
  const used = all.some(
    (d) => bucketOf(d) === bucketOf(target) && d.actions.some((a) => a.correctionEntryId === link.id || a.lossEntryId === link.id),
  );
  if (used) throw discrepancyLinkInvalid(link.path, `that ${link.kind} already closes a discrepancy of this stock`);
}

/**
 * Records an action on a discrepancy as a `discrepancy_action` entry. Read and checked under the chain-head lock, so
 * two people cannot both resolve the same discrepancy; a resolved one answers 409. A shortfall is closed by a stock
 * entry (a correction or a loss on its bucket, after the count) or, with no entry (the counter mis-keyed, a recount
 * found the book right), by `resolved_no_change` with a note and a second person who re-authenticates (issue 5, item 5).
 */
export async function recordDiscrepancyAction(
  registrationId: string,
  countEntryId: string,
  lineNo: number,
  input: DiscrepancyActionInput,
  ctx: RequestContext,
  deps: Deps,
) {
  const { registration } = await authorizeRegistration(registrationId, 'ledger.count', 'act on a count discrepancy', ctx, deps);
  const now = deps.clock().toISOString();
  const signers = input.secondSigner ? await verifyWitnesses([input.secondSigner], registration, ctx.actor.userId, deps) : [];
  return inTransaction(deps, async (repos) => {
    await repos.ledger.lockHead(registrationId);
    const find = async () => {
      const all = await loadDiscrepancies(registrationId, repos);
      return { all, current: all.find((d) => d.countEntryId === countEntryId && d.lineNo === lineNo) };
    };
    const { all, current } = await find();
    if (!current) throw discrepancyNotFound();
    if (current.status === 'resolved') throw discrepancyResolved();
    await checkLinkedEntry(input, current, all, registrationId, repos);
    const details: ActionDetails = {
      countEntryId,
      lineNo,
      action: input.action,
      note: input.note,
      correctionEntryId: input.correctionEntryId ?? null,
      lossEntryId: input.lossEntryId ?? null,
      secondSigner: witnessDetails(signers)[0] ?? null,
    };
    await postLedgerEntries(repos, { actorId: ctx.actor.userId, recordedAt: now, newId: deps.newId }, [
      { registrationId, entry: { kind: 'discrepancy_action', occurredAt: now, details: { ...details }, lines: [] } },
    ]);
    return (await find()).current!;
  });
}
