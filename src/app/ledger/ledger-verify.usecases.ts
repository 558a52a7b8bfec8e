import { findFirstLedgerBreak, type LedgerChainBreak } from '../../domain/ledger/ledger-chain.ts';
import { chainHashHex } from '../chain-hash.ts';
import type { Deps, Repositories } from '../deps.ts';

const PAGE_ENTRIES = 2000;

export interface LedgerDecimals {
  containers: string;
  ml: string;
  mg: string;
}

export interface BalanceMismatch {
  registrationId: string;
  lotId: string;
  locationId: string;
  containerId: string;
  /** The cached balance row, or null when lines exist without one. */
  book: LedgerDecimals | null;
  /** The sum of the bucket's lines, or null when a balance row has no lines. */
  sumOfLines: LedgerDecimals | null;
}

export interface LedgerVerification {
  ok: boolean;
  registrations: { registrationId: string; deaNumber: string; entries: number; headSeq: number | null }[];
  firstBreak: (LedgerChainBreak & { deaNumber: string }) | null;
  balanceMismatches: BalanceMismatch[];
}

/**
 * Recomputes each registration's hash chain (read page by page) and compares its end with the head recorded outside the
 * chain (issue 5, item 4), then compares the balance cache with the sum of lines, bucket by bucket, as exact decimal
 * text. Reports the first chain break over all registrations and every balance mismatch.
 */
export async function verifyLedger(deps: Pick<Deps, 'repos'>, options: { registrationId?: string } = {}): Promise<LedgerVerification> {
  const { repos } = deps;
  const ids = options.registrationId ? [options.registrationId] : await repos.ledger.listRegistrationIds();
  const result: LedgerVerification = { ok: true, registrations: [], firstBreak: null, balanceMismatches: [] };
  for (const registrationId of ids) {
    const registration = await repos.ledger.findRegistration(registrationId);
    if (!registration) continue;
    const { entries, head, chainBreak } = await verifyChain(repos, registrationId);
    result.registrations.push({ registrationId, deaNumber: registration.deaNumber, entries, headSeq: head?.seq ?? null });
    if (chainBreak && !result.firstBreak) result.firstBreak = { ...chainBreak, deaNumber: registration.deaNumber };
    result.balanceMismatches.push(...(await compareBalances(repos, registrationId)));
  }
  result.ok = result.firstBreak === null && result.balanceMismatches.length === 0;
  return result;
}

/** Reads a chain in pages of seq order (like `audit verify`) and walks it with the domain check. */
async function verifyChain(repos: Repositories, registrationId: string) {
  const entries = [];
  for (let afterSeq = 0; ; ) {
    const page = await repos.ledger.listChainPage(registrationId, afterSeq, PAGE_ENTRIES);
    entries.push(...page);
    if (page.length < PAGE_ENTRIES) break;
    afterSeq = page.at(-1)!.seq;
  }
  const head = await repos.ledger.findHead(registrationId);
  return { entries: entries.length, head, chainBreak: findFirstLedgerBreak(registrationId, entries, head, chainHashHex) };
}

const bucketKey = (b: { lotId: string; locationId: string; containerId: string }) =>
  `${b.lotId}\u001f${b.locationId}\u001f${b.containerId}`;

/** Each balance row against the sum of its bucket's lines; a row without lines or lines without a row also differ. */
async function compareBalances(repos: Repositories, registrationId: string): Promise<BalanceMismatch[]> {
  // Sequential: restore runs this inside its transaction, whose queries share one connection.
  const book = await repos.ledger.listAllBalances(registrationId);
  const sums = await repos.ledger.sumLinesByBucket(registrationId);
  const sumByBucket = new Map(sums.map((s) => [bucketKey(s), s]));
  const mismatches: BalanceMismatch[] = [];
  const decimals = (r: LedgerDecimals): LedgerDecimals => ({ containers: r.containers, ml: r.ml, mg: r.mg });
  for (const row of book) {
    const sum = sumByBucket.get(bucketKey(row));
    sumByBucket.delete(bucketKey(row));
    if (sum && sum.containers === row.containers && sum.ml === row.ml && sum.mg === row.mg) continue;
    const { lotId, locationId, containerId } = row;
    mismatches.push({ registrationId, lotId, locationId, containerId, book: decimals(row), sumOfLines: sum ? decimals(sum) : null });
  }
  for (const sum of sumByBucket.values()) {
    const { lotId, locationId, containerId } = sum;
    mismatches.push({ registrationId, lotId, locationId, containerId, book: null, sumOfLines: decimals(sum) });
  }
  return mismatches;
}
