import type { RecordEntry } from '../../db/repositories/ledger-counts.repository.ts';
import { findClinicRole } from '../../domain/access/permissions.ts';
import { bucketKeyOf, isDiscrepancy } from '../../domain/ledger/counting.ts';
import {
  type AdministrationFact,
  accountForContainer,
  type ContainerMovement,
  checkOpenedContainers,
  compareBalancesWithLines,
  findRemaindersNotWasted,
  type OpenedContainer,
  type ReconciliationDifference,
  remainingMlAt,
} from '../../domain/ledger/reconciliation.ts';
import { type Deps, inTransaction, type Repositories, type RequestContext } from '../deps.ts';
import { authorizeRegistration } from './ledger-access.ts';
import type { CountDetails } from './ledger-counts.views.ts';
import { loadStockNames } from './ledger-counts.views.ts';
import { buildDiscrepancies } from './ledger-discrepancies.usecases.ts';
import { toBucketAmounts } from './ledger-stock.ts';

type Range = { from: string; to: string };
type Movement = ContainerMovement & { seq: number; containerId: string };

/** (a) and (b): opened containers that were in use in the range, and the balance cache against the sum of lines. */
async function reconcileStock(registrationId: string, range: Range, repos: Repositories) {
  // Sequential reads: they share the transaction's one connection.
  const containers = await repos.ledgerCounts.listContainers(registrationId, range.to);
  const movements = await repos.ledgerCounts.listContainerMovements(registrationId);
  const balances = await repos.ledger.listAllBalances(registrationId);
  const sums = await repos.ledger.sumLinesByBucket(registrationId);
  const byContainer = new Map<string, Movement[]>();
  for (const m of movements) byContainer.set(m.containerId, [...(byContainer.get(m.containerId) ?? []), m]);
  const balanceByKey = new Map(balances.map((b) => [bucketKeyOf(b), Number(b.ml)]));
  const fromMs = Date.parse(range.from);
  const toMs = Date.parse(range.to);
  const inUse: OpenedContainer[] = containers
    .map((c) => ({
      containerId: c.id,
      lotId: c.lotId,
      locationId: c.locationId,
      openedAt: c.openedAt.toISOString(),
      balanceMl: balanceByKey.get(bucketKeyOf({ lotId: c.lotId, locationId: c.locationId, containerId: c.id })) ?? 0,
      movements: byContainer.get(c.id) ?? [],
    }))
    .filter(
      (c) =>
        remainingMlAt(c.movements, range.to) > 0 ||
        c.movements.some((m) => Date.parse(m.occurredAt) >= fromMs && Date.parse(m.occurredAt) <= toMs),
    );
  const differences = [
    ...checkOpenedContainers(inUse, range.to),
    ...compareBalancesWithLines(balances.map(toBucketAmounts), sums.map(toBucketAmounts)),
  ];
  return { differences, containers: inUse.map(accountForContainer), byContainer };
}

/** (c): each count in the range, every line's difference and whether its discrepancy is resolved. */
async function reconcileCounts(registrationId: string, range: Range, repos: Repositories) {
  const counts = await repos.ledgerCounts.listEntriesOfKinds(registrationId, ['count'], { fromIso: range.from, toIso: range.to });
  const actions = await repos.ledgerCounts.listEntriesOfKinds(registrationId, ['discrepancy_action']);
  const names = await loadStockNames(registrationId, repos);
  const discrepancies = buildDiscrepancies(counts, actions, names, new Map());
  const statusOf = (entryId: string, lineNo: number) =>
    discrepancies.find((d) => d.countEntryId === entryId && d.lineNo === lineNo)?.status ?? 'open';
  const differences: ReconciliationDifference[] = discrepancies.map((d) => ({
    type: d.status === 'resolved' ? 'count_discrepancy_resolved' : 'count_discrepancy_open',
    severity: d.status === 'resolved' ? 'info' : 'warning',
    message: `Count line ${d.lineNo}: counted ${d.countedMl} mL against ${d.bookMl} mL on the books (${d.differenceMl} mL), ${d.status}.`,
    entryIds: [d.countEntryId, ...d.actions.map((a) => a.entryId)],
    lotId: d.lotId,
    locationId: d.locationId,
    ...(d.containerId ? { containerId: d.containerId } : {}),
  }));
  const views = counts.map((count) => {
    const details = count.details as unknown as CountDetails;
    return {
      entryId: count.id,
      countKind: details.countKind,
      countedAt: details.countedAt,
      lines: details.lines.map((line, index) => ({
        lineNo: index + 1,
        lotId: line.lotId,
        locationId: line.locationId,
        containerId: line.containerId,
        bookMl: line.bookMl,
        countedMl: line.countedMl,
        differenceMl: line.differenceMl,
        status: isDiscrepancy(line) ? statusOf(count.id, index + 1) : ('matches' as const),
      })),
    };
  });
  return { differences, counts: views };
}

/**
 * (d): administrations in the range with dose, administered mg and linked waste. Charted administrations come from
 * treatment sessions, which do not exist yet: once they do, each session's charted dose joins here and is compared
 * with the ledger's administered mg (and a charted dose without a ledger entry becomes a difference).
 */
async function reconcileAdministrations(
  registrationId: string,
  range: Range,
  byContainer: Map<string, Movement[]>,
  mayReadPatients: boolean,
  repos: Repositories,
) {
  const administrations = await repos.ledgerCounts.listEntriesOfKinds(registrationId, ['administration'], {
    fromIso: range.from,
    toIso: range.to,
  });
  const administrationIds = new Set(administrations.map((a) => a.id));
  const wastes = (await repos.ledgerCounts.listEntriesOfKinds(registrationId, ['waste'])).filter((w) =>
    administrationIds.has(w.details.administrationEntryId as string),
  );
  const ids = [...administrations, ...wastes].map((e) => e.id);
  const lines = await repos.ledgerCounts.listLinesOf(ids);
  const corrections = await repos.ledger.listCorrections(ids);
  const patientIds = [...new Set(administrations.flatMap((a) => (a.patientId ? [a.patientId] : [])))];
  const patients = mayReadPatients ? await repos.ledger.findPatientLabels(patientIds) : new Map<string, never>();
  const mgOut = (entryId: string) =>
    Number(
      lines
        .filter((l) => l.entryId === entryId)
        .reduce((sum, l) => sum - Number(l.deltaMg), 0)
        .toFixed(3),
    );
  const firstLine = (entryId: string) => lines.find((l) => l.entryId === entryId);
  const wastesOf = (admin: RecordEntry) =>
    wastes.filter((w) => w.details.administrationEntryId === admin.id && !corrections.has(w.id)).map((w) => w.id);
  const facts: AdministrationFact[] = [];
  const views = administrations.map((admin) => {
    const line = firstLine(admin.id);
    const containerId = (admin.details.containerId as string | null | undefined) ?? null;
    const wasteEntryIds = wastesOf(admin);
    const fact = {
      entryId: admin.id,
      occurredAt: admin.occurredAt,
      seq: admin.seq,
      containerId,
      lotId: line?.lotId ?? '',
      locationId: line?.locationId ?? '',
    };
    if (!corrections.has(admin.id)) facts.push({ ...fact, linkedWasteEntryIds: wasteEntryIds });
    const patient = admin.patientId ? patients.get(admin.patientId) : undefined;
    return {
      entryId: admin.id,
      occurredAt: admin.occurredAt,
      patient: patient ? { id: patient.id, name: patient.name, mrn: patient.mrn } : null,
      dose: (admin.details.dose as { value: number; unit: string } | undefined) ?? null,
      administeredMg: mgOut(admin.id),
      lotId: fact.lotId,
      locationId: fact.locationId,
      containerId,
      wasteEntryIds,
      wastedMg: Number(wasteEntryIds.reduce((sum, id) => sum + mgOut(id), 0).toFixed(3)),
      reversedByEntryId: corrections.get(admin.id) ?? null,
    };
  });
  return { differences: findRemaindersNotWasted(facts, byContainer, range.to), administrations: views };
}

/**
 * Reconciliation of a registration over a range (issue 5, item 5): opened containers, balance cache, counts and
 * administrations, with every difference listed. Read under the chain-head lock so no posting lands between reads.
 */
export async function getReconciliation(registrationId: string, range: Range, ctx: RequestContext, deps: Deps) {
  const { registration } = await authorizeRegistration(registrationId, 'ledger.read', 'read the controlled-substance ledger', ctx, deps);
  const mayReadPatients = findClinicRole(ctx.actor, 'ledger.read_patient_log', registration.clinicId) !== null;
  const normalized = { from: new Date(range.from).toISOString(), to: new Date(range.to).toISOString() };
  return inTransaction(deps, async (repos) => {
    await repos.ledger.lockHead(registrationId);
    const stock = await reconcileStock(registrationId, normalized, repos);
    const counts = await reconcileCounts(registrationId, normalized, repos);
    const administered = await reconcileAdministrations(registrationId, normalized, stock.byContainer, mayReadPatients, repos);
    return {
      ...normalized,
      head: await repos.ledger.findHead(registrationId),
      differences: [...stock.differences, ...counts.differences, ...administered.differences],
      containers: stock.containers,
      counts: counts.counts,
      administrations: administered.administrations,
    };
  });
}
