import type { Amount, Balance, ExpiryStatus, LedgerForm, Lot, Stock, StorageLocation } from './ledger.api.ts';

/** Pure shaping of the stock answer for the screens: buckets grouped per location, totals, labels. */

export const ZERO_AMOUNT: Amount = { containers: 0, ml: 0, mg: 0 };

export function addAmounts(a: Amount, b: Amount): Amount {
  // Rounded to the ledger's precision (containers 4, mL and mg 3 decimals) so sums of decimals stay exact.
  return {
    containers: round(a.containers + b.containers, 4),
    ml: round(a.ml + b.ml, 3),
    mg: round(a.mg + b.mg, 3),
  };
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

const CONTAINER_NOUN: Record<LedgerForm, [string, string]> = {
  vial: ['vial', 'vials'],
  'nasal-device': ['device', 'devices'],
  'compounded-oral': ['bottle', 'bottles'],
  'compounded-topical': ['container', 'containers'],
};

/** `1 vial`, `2.5 vials`, `3 devices`; without a form, `containers`. */
export function formatContainers(containers: number, form?: LedgerForm): string {
  const [one, many] = form ? CONTAINER_NOUN[form] : ['container', 'containers'];
  return `${formatDecimal(containers, 4)} ${containers === 1 ? one : many}`;
}

export function formatDecimal(value: number, maximumFractionDigits = 3): string {
  return value.toLocaleString('en-US', { maximumFractionDigits, useGrouping: false });
}

/** `2 vials · 20 mL · 200 mg`: every ledger quantity in its three measures. */
export function formatAmount(amount: Amount, form?: LedgerForm): string {
  return `${formatContainers(amount.containers, form)} · ${formatDecimal(amount.ml)} mL · ${formatDecimal(amount.mg)} mg`;
}

/**
 * A signed delta for the entries list: `+2 vials · +20 mL · +200 mg`; an opened container's line in mL and mg only
 * (`-4.5 mL · -45 mg`), as it is counted.
 */
export function formatDelta(amount: Amount, form?: LedgerForm, opened = false): string {
  const sign = (v: number) => (v > 0 ? '+' : '');
  if (opened) return `${sign(amount.ml)}${formatDecimal(amount.ml)} mL · ${sign(amount.mg)}${formatDecimal(amount.mg)} mg`;
  return `${sign(amount.containers)}${formatContainers(amount.containers, form)} · ${sign(amount.ml)}${formatDecimal(amount.ml)} mL · ${sign(amount.mg)}${formatDecimal(amount.mg)} mg`;
}

export const EXPIRY_BADGE: Record<ExpiryStatus, { color: string; label: string }> = {
  ok: { color: 'teal', label: 'Valid' },
  expiring: { color: 'orange', label: 'Expiring soon' },
  expired: { color: 'red', label: 'Expired' },
};

/** `Expires in 20 days`, `Expires today`, `Expired 3 days ago`. */
export function describeDaysToExpiry(days: number): string {
  if (days > 1) return `Expires in ${days} days`;
  if (days === 1) return 'Expires tomorrow';
  if (days === 0) return 'Expires today';
  return days === -1 ? 'Expired yesterday' : `Expired ${-days} days ago`;
}

export interface SealedRow {
  lot: Lot;
  amount: Amount;
}

export interface OpenedRow {
  lot: Lot;
  containerId: string;
  openedAt: string | null;
  openedByName: string | null;
  amount: Amount;
}

export interface LocationStock {
  location: StorageLocation;
  sealed: SealedRow[];
  opened: OpenedRow[];
  total: Amount;
}

/** Groups the non-zero buckets per storage location (in the registration's order; locations without stock stay listed). */
export function groupStockByLocation(stock: Stock): LocationStock[] {
  const lots = new Map(stock.lots.map((lot) => [lot.id, lot]));
  const groups = new Map<string, LocationStock>(
    stock.registration.locations.map((location) => [location.id, { location, sealed: [], opened: [], total: ZERO_AMOUNT }]),
  );
  for (const balance of stock.balances) {
    const lot = lots.get(balance.lotId);
    if (!lot) continue;
    let group = groups.get(balance.locationId);
    if (!group) {
      group = { location: { id: balance.locationId, name: 'Unknown location' }, sealed: [], opened: [], total: ZERO_AMOUNT };
      groups.set(balance.locationId, group);
    }
    if (balance.containerId) {
      group.opened.push({
        lot,
        containerId: balance.containerId,
        openedAt: balance.openedAt,
        openedByName: balance.openedByName,
        amount: balance.amount,
      });
    } else {
      group.sealed.push({ lot, amount: balance.amount });
    }
    group.total = addAmounts(group.total, balance.amount);
  }
  for (const group of groups.values()) {
    group.sealed.sort((a, b) => a.lot.productName.localeCompare(b.lot.productName) || a.lot.expiresOn.localeCompare(b.lot.expiresOn));
    group.opened.sort((a, b) => (a.openedAt ?? '').localeCompare(b.openedAt ?? ''));
  }
  return [...groups.values()];
}

export function totalStock(stock: Stock): Amount {
  return stock.balances.reduce((sum, balance) => addAmounts(sum, balance.amount), ZERO_AMOUNT);
}

/** Options for "where does it come from": opened containers first, then sealed stock (opens a new vial). */
export interface SourceOption {
  value: string;
  label: string;
  lot: Lot;
  balance: Balance;
}

export function encodeSource(balance: Pick<Balance, 'lotId' | 'locationId' | 'containerId'>): string {
  return balance.containerId ? `container:${balance.containerId}` : `sealed:${balance.lotId}:${balance.locationId}`;
}

export function decodeSource(value: string): { containerId: string } | { lotId: string; locationId: string } | null {
  const [type, first, second] = value.split(':');
  if (type === 'container' && first) return { containerId: first };
  if (type === 'sealed' && first && second) return { lotId: first, locationId: second };
  return null;
}

/**
 * Every usable bucket as a choice. Expired lots are left out unless `includeExpired` (destruction, return and loss
 * concern expired stock too). `sealedOnly` / `openedOnly` narrow the list; `forms` keeps only some product forms.
 * `opensVial` (administration) names a sealed vial "Open a new vial from"; elsewhere sealed stock leaves whole.
 */
export function listSourceOptions(
  stock: Stock,
  options: {
    includeExpired?: boolean;
    sealedOnly?: boolean;
    openedOnly?: boolean;
    opensVial?: boolean;
    forms?: readonly LedgerForm[];
  } = {},
): SourceOption[] {
  const lots = new Map(stock.lots.map((lot) => [lot.id, lot]));
  const locations = new Map(stock.registration.locations.map((l) => [l.id, l.name]));
  const result: SourceOption[] = [];
  for (const balance of stock.balances) {
    const lot = lots.get(balance.lotId);
    if (!lot || (lot.expired && !options.includeExpired)) continue;
    if (options.forms && !options.forms.includes(lot.form)) continue;
    if (balance.containerId ? options.sealedOnly : options.openedOnly) continue;
    const where = locations.get(balance.locationId) ?? 'unknown location';
    const expired = lot.expired ? ' (EXPIRED)' : '';
    const label = balance.containerId
      ? `Opened ${CONTAINER_NOUN[lot.form][0]} · ${lot.productName} · lot ${lot.lotNumber}${expired} · ${formatDecimal(balance.amount.ml)} mL left · ${where}`
      : `${options.opensVial && lot.form === 'vial' ? 'Open a new vial from ' : 'Sealed · '}${lot.productName} · lot ${lot.lotNumber}${expired} · ${where} (${formatContainers(balance.amount.containers, lot.form)})`;
    result.push({ value: encodeSource(balance), label, lot, balance });
  }
  return result.sort(
    (a, b) => Number(Boolean(b.balance.containerId)) - Number(Boolean(a.balance.containerId)) || a.label.localeCompare(b.label),
  );
}

export function describeLot(lot: Lot): string {
  return `${lot.productName}, lot ${lot.lotNumber} (expires ${lot.expiresOn})`;
}
