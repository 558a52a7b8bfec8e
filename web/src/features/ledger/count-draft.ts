import type { Balance, CountKind, CountLine, Lot, NewCount, Stock, StorageLocation, TimeOfDay, WitnessCredential } from './ledger.api.ts';
import { encodeSource } from './stock-view-model.ts';

/**
 * The count screen's rows (every bucket with its book balance) and the one pure step to the API body. Sealed stock is
 * counted in whole containers, an opened container to the mL (DAY.md 17:30; issue 5 item 5).
 */
export interface CountRow {
  key: string;
  lot: Lot;
  location: StorageLocation;
  balance: Balance;
  sealed: boolean;
}

export const COUNT_KIND_LABELS: Record<CountKind, string> = {
  shift: 'Shift count',
  daily: 'Daily count',
  initial_inventory: 'Initial inventory',
  biennial_inventory: 'Biennial inventory',
};

/** Inventories (21 CFR 1304.11) are taken at the opening or the close of business; the other counts need no time of day. */
export function needsTimeOfDay(kind: CountKind): boolean {
  return kind === 'initial_inventory' || kind === 'biennial_inventory';
}

export function listCountRows(stock: Stock): CountRow[] {
  const lots = new Map(stock.lots.map((lot) => [lot.id, lot]));
  const locations = new Map(stock.registration.locations.map((l) => [l.id, l]));
  const rows: CountRow[] = [];
  for (const balance of stock.balances) {
    const lot = lots.get(balance.lotId);
    if (!lot) continue;
    const location = locations.get(balance.locationId) ?? { id: balance.locationId, name: 'Unknown location' };
    rows.push({ key: encodeSource(balance), lot, location, balance, sealed: !balance.containerId });
  }
  return rows.sort(
    (a, b) =>
      a.location.name.localeCompare(b.location.name) ||
      Number(a.sealed === false) - Number(b.sealed === false) ||
      a.lot.productName.localeCompare(b.lot.productName) ||
      a.lot.lotNumber.localeCompare(b.lot.lotNumber),
  );
}

export type CountBuild = { ok: true; body: NewCount } | { ok: false; errors: Record<string, string> };

export function buildCountBody(input: {
  rows: CountRow[];
  counted: Record<string, string>;
  countKind: CountKind;
  timeOfDay: TimeOfDay | null;
  note: string;
  secondCounter: WitnessCredential;
}): CountBuild {
  const errors: Record<string, string> = {};
  const lines = input.rows.map((row) => {
    const value = parsePositiveOrZero(input.counted[row.key] ?? '');
    if (value === null) errors[row.key] = row.sealed ? 'Enter the containers counted (0 if none).' : 'Enter the mL left (0 if empty).';
    else if (row.sealed && !Number.isInteger(value)) errors[row.key] = 'Sealed containers are counted whole.';
    const base = { lotId: row.lot.id, locationId: row.location.id, containerId: row.balance.containerId };
    return row.sealed ? { ...base, countedContainers: value ?? 0 } : { ...base, countedMl: value ?? 0 };
  });
  if (needsTimeOfDay(input.countKind) && !input.timeOfDay)
    errors.timeOfDay = 'An inventory is taken at the opening or the close of business.';
  if (!input.secondCounter.email.trim()) errors['secondCounter.0.email'] = 'Enter the second counter email.';
  if (!input.secondCounter.password) errors['secondCounter.0.password'] = 'The second counter enters their password.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    body: {
      countKind: input.countKind,
      timeOfDay: needsTimeOfDay(input.countKind) ? input.timeOfDay : null,
      note: input.note.trim(),
      secondCounter: { email: input.secondCounter.email.trim(), password: input.secondCounter.password },
      lines,
    },
  };
}

/** The lines whose count differs from the book (the server marks them; any non-zero mL difference). */
export function listDifferences(lines: CountLine[]): CountLine[] {
  return lines.filter((line) => line.discrepancy || Math.abs(line.differenceMl) > 0);
}

/** A count of zero or more (`0`, `3`, `6.3`, `6,3`); null for empty or other text. */
export function parsePositiveOrZero(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (!/^\d*\.?\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isFinite(value) && value >= 0 ? value : null;
}
