/**
 * The kinds of ledger entry (issue 5, item 3; DOMAIN.md 10). Stock-moving kinds carry lines; record kinds (counts,
 * discrepancy actions, loss-task completions, registration expiries) carry none but sit in the same chain.
 */
export const STOCK_ENTRY_KINDS = [
  'receipt',
  'opening_balance',
  'open_container',
  'administration',
  'dispensing',
  'waste',
  'breakage',
  'move',
  'distribution_out',
  'distribution_in',
  'return',
  'destruction',
  'loss',
  'correction',
] as const;
export const RECORD_ENTRY_KINDS = ['count', 'discrepancy_action', 'loss_task_done', 'registration_expiry'] as const;
export const LEDGER_ENTRY_KINDS = [...STOCK_ENTRY_KINDS, ...RECORD_ENTRY_KINDS] as const;

export type StockEntryKind = (typeof STOCK_ENTRY_KINDS)[number];
export type RecordEntryKind = (typeof RECORD_ENTRY_KINDS)[number];
export type LedgerEntryKind = (typeof LEDGER_ENTRY_KINDS)[number];

/** Kinds a correction may reverse: opening a container and the corrections themselves are not reversible. */
export const CORRECTABLE_KINDS: ReadonlySet<LedgerEntryKind> = new Set([
  'receipt',
  'opening_balance',
  'administration',
  'dispensing',
  'waste',
  'breakage',
  'move',
  'distribution_out',
  'distribution_in',
  'return',
  'destruction',
  'loss',
]);

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue | undefined };

/**
 * Canonical JSON: object keys sorted by UTF-16 code unit, no whitespace, undefined members dropped. The chain hashes
 * this exact text, so the same details always give the same bytes.
 */
export function canonicalJson(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (typeof value === 'object') {
    const members = Object.keys(value)
      .filter((key) => value[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`);
    return `{${members.join(',')}}`;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('canonicalJson: non-finite number');
  return JSON.stringify(value);
}
