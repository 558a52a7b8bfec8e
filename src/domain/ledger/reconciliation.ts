/**
 * Reconciliation of the ledger (issue 5, item 5): every opened container accounts for what was opened, the balance
 * cache equals the sum of lines, and each administration from an opened container is followed by its waste. Pure
 * comparisons; the use case reads the rows. Every difference is listed, none is corrected here.
 */
import { ML_TOLERANCE } from './counting.ts';

export type DifferenceSeverity = 'info' | 'warning' | 'error';
export type DifferenceType =
  | 'container_balance_mismatch'
  | 'opened_container_not_closed'
  | 'balance_cache_mismatch'
  | 'count_discrepancy_open'
  | 'count_discrepancy_resolved'
  | 'remainder_not_wasted';

export interface ReconciliationDifference {
  type: DifferenceType;
  severity: DifferenceSeverity;
  message: string;
  entryIds: string[];
  lotId?: string;
  locationId?: string;
  containerId?: string;
}

/**
 * [M] clinic policy, not a DEA rule: an opened vial still holding stock this many hours after opening is flagged so
 * its remainder is used, wasted with a witness or explained (a common beyond-use practice; configure per clinic).
 */
export const OPENED_CONTAINER_IN_USE_HOURS = 24;

/** A movement on one opened container: the line's signed mL and the kind of entry it belongs to. */
export interface ContainerMovement {
  entryId: string;
  kind: string;
  occurredAt: string;
  deltaMl: number;
}

export interface OpenedContainer {
  containerId: string;
  lotId: string;
  locationId: string;
  openedAt: string;
  /** The balance cache's mL for this container (0 when no row). */
  balanceMl: number;
  movements: readonly ContainerMovement[];
}

const round3 = (value: number) => {
  const rounded = Number(value.toFixed(3));
  return Object.is(rounded, -0) ? 0 : rounded;
};

/**
 * One container's account: opened mL = administered + wasted + dispensed + broken + destroyed + lost + corrections
 * (net, sign flipped) + remaining. Outgoing kinds are summed as positive mL; remaining is the balance cache.
 */
export function accountForContainer(container: OpenedContainer) {
  const byKind = new Map<string, number>();
  let openedMl = 0;
  for (const m of container.movements) {
    if (m.kind === 'open_container') openedMl += m.deltaMl;
    else byKind.set(m.kind, (byKind.get(m.kind) ?? 0) - m.deltaMl);
  }
  const out = (kind: string) => round3(byKind.get(kind) ?? 0);
  const outgoingMl = [...byKind.values()].reduce((sum, v) => sum + v, 0);
  return {
    containerId: container.containerId,
    lotId: container.lotId,
    locationId: container.locationId,
    openedAt: container.openedAt,
    openedMl: round3(openedMl),
    administeredMl: out('administration'),
    wastedMl: out('waste'),
    dispensedMl: out('dispensing'),
    brokenMl: out('breakage'),
    destroyedMl: out('destruction'),
    lostMl: out('loss'),
    correctionsMl: out('correction'),
    expectedRemainingMl: round3(openedMl - outgoingMl),
    remainingMl: round3(container.balanceMl),
  };
}

/** Remaining mL of a container at an instant: the sum of its movements up to and including it. */
export function remainingMlAt(movements: readonly ContainerMovement[], atIso: string): number {
  const atMs = Date.parse(atIso);
  return round3(movements.filter((m) => Date.parse(m.occurredAt) <= atMs).reduce((sum, m) => sum + m.deltaMl, 0));
}

/**
 * Differences of the opened containers: a remaining balance that is not opened minus outgoing (error), and a container
 * opened more than OPENED_CONTAINER_IN_USE_HOURS before `toIso` that still held stock at `toIso` (warning, [M] policy).
 */
export function checkOpenedContainers(containers: readonly OpenedContainer[], toIso: string): ReconciliationDifference[] {
  const differences: ReconciliationDifference[] = [];
  const limitMs = Date.parse(toIso) - OPENED_CONTAINER_IN_USE_HOURS * 3_600_000;
  for (const container of containers) {
    const account = accountForContainer(container);
    const ref = { lotId: container.lotId, locationId: container.locationId, containerId: container.containerId };
    const entryIds = container.movements.map((m) => m.entryId);
    if (Math.abs(account.expectedRemainingMl - account.remainingMl) > ML_TOLERANCE) {
      differences.push({
        type: 'container_balance_mismatch',
        severity: 'error',
        message: `Opened container holds ${account.remainingMl} mL but its entries leave ${account.expectedRemainingMl} mL.`,
        entryIds,
        ...ref,
      });
    }
    const heldMl = remainingMlAt(container.movements, toIso);
    if (Date.parse(container.openedAt) < limitMs && heldMl > ML_TOLERANCE) {
      differences.push({
        type: 'opened_container_not_closed',
        severity: 'warning',
        message: `Container opened ${container.openedAt} still held ${heldMl} mL more than ${OPENED_CONTAINER_IN_USE_HOURS} h later.`,
        entryIds,
        ...ref,
      });
    }
  }
  return differences;
}

export interface BucketAmounts {
  lotId: string;
  locationId: string;
  containerId: string;
  containers: number;
  ml: number;
  mg: number;
}

const keyOf = (b: { lotId: string; locationId: string; containerId: string }) => `${b.lotId}\u001f${b.locationId}\u001f${b.containerId}`;

/** Every bucket whose cached balance differs from the sum of its lines (containers, mL or mg), either missing counting as 0. */
export function compareBalancesWithLines(
  balances: readonly BucketAmounts[],
  lineSums: readonly BucketAmounts[],
): ReconciliationDifference[] {
  const zero = { containers: 0, ml: 0, mg: 0 };
  const cached = new Map(balances.map((b) => [keyOf(b), b]));
  const summed = new Map(lineSums.map((b) => [keyOf(b), b]));
  const differences: ReconciliationDifference[] = [];
  for (const key of new Set([...cached.keys(), ...summed.keys()])) {
    const ref = (cached.get(key) ?? summed.get(key))!;
    const a = cached.get(key) ?? zero;
    const b = summed.get(key) ?? zero;
    const same =
      Math.abs(a.containers - b.containers) < 0.00005 && Math.abs(a.ml - b.ml) < ML_TOLERANCE && Math.abs(a.mg - b.mg) < ML_TOLERANCE;
    if (same) continue;
    differences.push({
      type: 'balance_cache_mismatch',
      severity: 'error',
      message: `Balance shows ${a.ml} mL (${a.containers} containers) but the entries sum to ${b.ml} mL (${b.containers} containers).`,
      entryIds: [],
      lotId: ref.lotId,
      locationId: ref.locationId,
      ...(ref.containerId ? { containerId: ref.containerId } : {}),
    });
  }
  return differences;
}

export interface AdministrationFact {
  entryId: string;
  occurredAt: string;
  seq: number;
  containerId: string | null;
  lotId: string;
  locationId: string;
  /** Waste entries naming this administration (details.administrationEntryId). */
  linkedWasteEntryIds: readonly string[];
}

/**
 * An administration from an opened container leaves a remainder that must be wasted with a witness (DOMAIN.md 10 [M]).
 * Flags the last administration from a container when no waste on that container followed it and the container still
 * held stock at `toIso`. Reversed administrations are left out by the caller.
 */
export function findRemaindersNotWasted(
  administrations: readonly AdministrationFact[],
  movementsByContainer: ReadonlyMap<string, readonly (ContainerMovement & { seq: number })[]>,
  toIso: string,
): ReconciliationDifference[] {
  const differences: ReconciliationDifference[] = [];
  for (const admin of administrations) {
    if (!admin.containerId || admin.linkedWasteEntryIds.length > 0) continue;
    const movements = movementsByContainer.get(admin.containerId) ?? [];
    const later = movements.filter((m) => m.seq > admin.seq);
    if (later.some((m) => m.kind === 'waste' || m.kind === 'administration')) continue;
    const heldMl = remainingMlAt(movements, toIso);
    if (heldMl <= ML_TOLERANCE) continue;
    differences.push({
      type: 'remainder_not_wasted',
      severity: 'warning',
      message: `After this administration the opened container still holds ${heldMl} mL and no witnessed waste followed.`,
      entryIds: [admin.entryId],
      lotId: admin.lotId,
      locationId: admin.locationId,
      containerId: admin.containerId,
    });
  }
  return differences;
}
