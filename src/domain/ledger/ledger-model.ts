/**
 * A pure in-memory model of the balance cache (issue 5, item 4: balances per product, lot and location never go
 * negative; a transaction that would is refused whole). Mirrors ledger_balances: each line adds its delta to one
 * bucket at the stored scale (containers 4, mL and mg 3 decimals) and a CHECK >= 0 holds after every line.
 */
import { AMOUNT_DECIMALS, type Amount } from './quantities.ts';

export interface LedgerLine {
  bucketKey: string;
  delta: Amount;
}

export type ApplyLinesResult = { ok: true; balances: Map<string, Amount> } | { ok: false; bucketKey: string };

/** Applies a batch of lines in order to a copy of the balances, each delta rounded to the stored scale (4/3/3
 *  decimals, ledger contract); refuses the whole batch, naming the first bucket that would go below 0 (issue 5, item 4). */
export function applyLines(balances: Map<string, Amount>, lines: LedgerLine[]): ApplyLinesResult {
  const next = new Map(balances);
  for (const line of lines) {
    const current = toScaled(next.get(line.bucketKey) ?? { containers: 0, ml: 0, mg: 0 });
    const delta = toScaled(line.delta);
    const sum = { containers: current.containers + delta.containers, ml: current.ml + delta.ml, mg: current.mg + delta.mg };
    // Like the CHECK constraint, evaluated after each line: a later line in the batch does not cover an earlier overdraw.
    if (sum.containers < 0 || sum.ml < 0 || sum.mg < 0) return { ok: false, bucketKey: line.bucketKey };
    next.set(line.bucketKey, fromScaled(sum));
  }
  return { ok: true, balances: next };
}

/** Integer units of the stored scale (1e-4 container, 1e-3 mL, 1e-3 mg), so sums are exact like PostgreSQL numeric. */
function toScaled(amount: Amount): Amount {
  return {
    containers: scale(amount.containers, AMOUNT_DECIMALS.containers),
    ml: scale(amount.ml, AMOUNT_DECIMALS.ml),
    mg: scale(amount.mg, AMOUNT_DECIMALS.mg),
  };
}

function fromScaled(scaled: Amount): Amount {
  return {
    containers: scaled.containers / 10 ** AMOUNT_DECIMALS.containers + 0,
    ml: scaled.ml / 10 ** AMOUNT_DECIMALS.ml + 0,
    mg: scaled.mg / 10 ** AMOUNT_DECIMALS.mg + 0,
  };
}

function scale(value: number, digits: number): number {
  if (!Number.isFinite(value)) throw new RangeError(`a ledger amount must be finite, got ${value}`);
  // toFixed is the text the app stores (formatDecimals); reading its digits back gives the exact scaled integer.
  return Number(value.toFixed(digits).replace('.', ''));
}
