import type { Role } from '../auth/auth.api.ts';
import type { TransactionKind } from './ledger.api.ts';
import {
  LEDGER_ADMINISTER_ROLES,
  LEDGER_CORRECT_ROLES,
  LEDGER_DISPENSE_ROLES,
  LEDGER_DISPOSE_ROLES,
  LEDGER_RECEIVE_ROLES,
} from './ledger-roles.ts';

/** The transaction forms: URL slug (/ledger/new/:slug), API kind, who may post it and how many witnesses sign it. */
export interface TransactionKindInfo {
  slug: string;
  kind: TransactionKind;
  label: string;
  hint: string;
  roles: readonly Role[];
  /** Staff members who re-authenticate in the same request (a correction's second signer counts as one). */
  witnesses: 0 | 1 | 2;
}

export const TRANSACTION_KINDS: readonly TransactionKindInfo[] = [
  { slug: 'receipt', kind: 'receipt', label: 'Receipt', hint: 'A shipment from a supplier', roles: LEDGER_RECEIVE_ROLES, witnesses: 0 },
  {
    slug: 'administration',
    kind: 'administration',
    label: 'Administration',
    hint: 'Given to a patient, with any remainder wasted',
    roles: LEDGER_ADMINISTER_ROLES,
    witnesses: 0,
  },
  { slug: 'waste', kind: 'waste', label: 'Waste', hint: 'Remainder of an opened container', roles: LEDGER_ADMINISTER_ROLES, witnesses: 1 },
  {
    slug: 'breakage',
    kind: 'breakage',
    label: 'Breakage',
    hint: 'A broken or spilled container',
    roles: LEDGER_DISPOSE_ROLES,
    witnesses: 1,
  },
  { slug: 'move', kind: 'move', label: 'Move', hint: 'Sealed stock between storage locations', roles: LEDGER_RECEIVE_ROLES, witnesses: 0 },
  {
    slug: 'return',
    kind: 'return',
    label: 'Return',
    hint: 'To the supplier or a reverse distributor',
    roles: LEDGER_RECEIVE_ROLES,
    witnesses: 0,
  },
  {
    slug: 'distribution',
    kind: 'distribution_out',
    label: 'Distribution',
    hint: 'To another DEA registrant (21 CFR 1307.11)',
    roles: LEDGER_RECEIVE_ROLES,
    witnesses: 0,
  },
  {
    slug: 'destruction',
    kind: 'destruction',
    label: 'Destruction',
    hint: 'DEA Form 41, two witnesses',
    roles: LEDGER_DISPOSE_ROLES,
    witnesses: 2,
  },
  { slug: 'loss', kind: 'loss', label: 'Loss or theft', hint: 'DEA Form 106', roles: LEDGER_DISPOSE_ROLES, witnesses: 0 },
  {
    slug: 'correction',
    kind: 'correction',
    label: 'Correction',
    hint: 'Reverses a named entry, with a second signer',
    roles: LEDGER_CORRECT_ROLES,
    witnesses: 1,
  },
  {
    slug: 'opening-balance',
    kind: 'opening_balance',
    label: 'Opening balance',
    hint: 'Stock on hand when the ledger starts (only before any other stock entry)',
    roles: LEDGER_RECEIVE_ROLES,
    witnesses: 0,
  },
  {
    slug: 'dispensing',
    kind: 'dispensing',
    label: 'Dispensing',
    hint: 'Take-home compounded oral (never esketamine)',
    roles: LEDGER_DISPENSE_ROLES,
    witnesses: 0,
  },
];

export function findTransactionKind(slug: string | undefined): TransactionKindInfo | undefined {
  return TRANSACTION_KINDS.find((info) => info.slug === slug);
}

/** Kinds a correction may reverse: the server's own rule (src/domain/ledger/ledger-entry.ts). */
export { CORRECTABLE_KINDS } from '../../../../src/domain/ledger/ledger-entry.ts';

const ENTRY_KIND_LABELS: Record<string, string> = {
  receipt: 'Receipt',
  opening_balance: 'Opening balance',
  open_container: 'Container opened',
  administration: 'Administration',
  dispensing: 'Dispensing',
  waste: 'Waste',
  breakage: 'Breakage',
  move: 'Move',
  distribution_out: 'Distribution out',
  distribution_in: 'Distribution in',
  return: 'Return',
  destruction: 'Destruction',
  loss: 'Loss or theft',
  correction: 'Correction',
  count: 'Count',
  discrepancy_action: 'Discrepancy action',
  loss_task_done: 'Loss task done',
  registration_expiry: 'Registration expiry',
};

export function describeEntryKind(kind: string): string {
  return ENTRY_KIND_LABELS[kind] ?? kind.replaceAll('_', ' ');
}
