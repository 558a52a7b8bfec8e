import type { Reconciliation } from './ledger.api.ts';

/**
 * The reconciliation's opened containers as table rows: what was opened against what was given, wasted and otherwise
 * taken out, and the mL expected left beside the mL the ledger holds. A row is flagged when the two differ.
 */
export interface ContainerRow {
  containerId: string;
  lotId: string;
  locationId: string;
  openedAt: string;
  openedMl: number;
  administeredMl: number;
  wastedMl: number;
  otherOutMl: number;
  expectedRemainingMl: number;
  remainingMl: number;
  differs: boolean;
}

export function toContainerRows(reconciliation: Reconciliation): ContainerRow[] {
  return reconciliation.containers.map((c) => ({
    containerId: c.containerId,
    lotId: c.lotId,
    locationId: c.locationId,
    openedAt: c.openedAt,
    openedMl: c.openedMl,
    administeredMl: c.administeredMl,
    wastedMl: c.wastedMl,
    otherOutMl: round3(c.dispensedMl + c.brokenMl + c.destroyedMl + c.lostMl - c.correctionsMl),
    expectedRemainingMl: c.expectedRemainingMl,
    remainingMl: c.remainingMl,
    differs: Math.abs(c.expectedRemainingMl - c.remainingMl) >= 0.0005,
  }));
}

/** Count lines that did not match the book, newest count first as the server lists them. */
export function listCountDifferences(reconciliation: Reconciliation) {
  return reconciliation.counts.flatMap((count) =>
    count.lines
      .filter((line) => line.status !== 'matches')
      .map((line) => ({ ...line, countEntryId: count.entryId, countedAt: count.countedAt })),
  );
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
