import type { RecordEntry } from '../../db/repositories/ledger-counts.repository.ts';
import { type DiscrepancyAction, discrepancyStatusOf, isDiscrepancy } from '../../domain/ledger/counting.ts';
import { type Deps, inTransaction, type Repositories, type RequestContext } from '../deps.ts';
import { authorizeRegistration } from './ledger-access.ts';
import { discrepancyLinkInvalid, discrepancyNotFound, discrepancyResolved } from './ledger-counts.errors.ts';
import { type CountDetails, loadStockNames, type StockNames, toCountLineView } from './ledger-counts.views.ts';
import { postLedgerEntries } from './ledger-posting.ts';

export interface DiscrepancyActionInput {
  action: DiscrepancyAction;
  note: string;
  correctionEntryId?: string | undefined;
  lossEntryId?: string | undefined;
}

/** A `discrepancy_action` entry's details (ledger contract). */
interface ActionDetails {
  countEntryId: string;
  lineNo: number;
  action: DiscrepancyAction;
  note: string;
  correctionEntryId?: string | null;
  lossEntryId?: string | null;
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

/** The linked entry must be a correction (or loss) in this registration's chain. */
async function checkLinkedEntry(input: DiscrepancyActionInput, registrationId: string, repos: Repositories) {
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
}

/**
 * Records an action on a discrepancy as a `discrepancy_action` entry. Read and checked under the chain-head lock, so
 * two people cannot both resolve the same discrepancy; a resolved one answers 409.
 */
export async function recordDiscrepancyAction(
  registrationId: string,
  countEntryId: string,
  lineNo: number,
  input: DiscrepancyActionInput,
  ctx: RequestContext,
  deps: Deps,
) {
  await authorizeRegistration(registrationId, 'ledger.count', 'act on a count discrepancy', ctx, deps);
  const now = deps.clock().toISOString();
  return inTransaction(deps, async (repos) => {
    await repos.ledger.lockHead(registrationId);
    const find = async () =>
      (await loadDiscrepancies(registrationId, repos)).find((d) => d.countEntryId === countEntryId && d.lineNo === lineNo);
    const current = await find();
    if (!current) throw discrepancyNotFound();
    if (current.status === 'resolved') throw discrepancyResolved();
    await checkLinkedEntry(input, registrationId, repos);
    const details: ActionDetails = {
      countEntryId,
      lineNo,
      action: input.action,
      note: input.note,
      correctionEntryId: input.correctionEntryId ?? null,
      lossEntryId: input.lossEntryId ?? null,
    };
    await postLedgerEntries(repos, { actorId: ctx.actor.userId, recordedAt: now, newId: deps.newId }, [
      { registrationId, entry: { kind: 'discrepancy_action', occurredAt: now, details: { ...details }, lines: [] } },
    ]);
    return (await find())!;
  });
}
