import type { z } from 'zod';
import type { TransactionInput } from '../../../../src/domain/ledger/transaction-input.ts';
import type {
  countSchema,
  discrepancySchema,
  lossTaskSchema,
  reconciliationSchema,
} from '../../../../src/http/schemas/ledger-counts.schemas.ts';
import { requestJson } from '../../lib/api-client.ts';

/**
 * Controlled-substance ledger endpoints (issue 5; .tmp/ledger-contract.md "HTTP API"). Every record is an entry in a
 * hash-chained, append-only chain per DEA registration; the server checks permissions, witnesses and balances again.
 */

export type ExpiryStatus = 'ok' | 'expiring' | 'expired';
export type LedgerForm = 'vial' | 'nasal-device' | 'compounded-oral' | 'compounded-topical';
export type QuantityUnit = 'container' | 'mL' | 'mg';

export interface StorageLocation {
  id: string;
  name: string;
}

export interface Registration {
  id: string;
  clinicId: string;
  deaNumber: string;
  registrantName: string;
  address: string;
  expiresOn: string;
  expiryStatus: ExpiryStatus;
  daysToExpiry: number;
  locations: StorageLocation[];
}

/** Every quantity in all three measures (containers, mL, mg). */
export interface Amount {
  containers: number;
  ml: number;
  mg: number;
}

export interface Lot {
  id: string;
  productId: string;
  productName: string;
  drug: 'ketamine' | 'esketamine';
  form: LedgerForm;
  lotNumber: string;
  expiresOn: string;
  expired: boolean;
  containerVolumeMl: number;
  concentrationMgPerMl: number;
  ndc: string | null;
}

/** One bucket: sealed stock of a lot at a location (containerId null) or one opened container. */
export interface Balance {
  lotId: string;
  locationId: string;
  containerId: string | null;
  openedAt: string | null;
  openedByName: string | null;
  amount: Amount;
}

export interface ChainHead {
  seq: number;
  hashHex: string;
}

export interface Stock {
  registration: Registration;
  lots: Lot[];
  balances: Balance[];
  head: ChainHead | null;
}

export interface EntryLine {
  lineNo: number;
  lotId: string;
  locationId: string;
  containerId: string | null;
  delta: Amount;
}

export interface Entry {
  id: string;
  seq: number;
  kind: string;
  occurredAt: string;
  recordedAt: string;
  recordedBy: { id: string; name: string };
  patient: { id: string; name: string; mrn: string } | null;
  details: Record<string, unknown>;
  reversesEntryId: string | null;
  reversedByEntryId: string | null;
  lines: EntryLine[];
  hashHex: string;
}

export interface EntriesPage {
  items: Entry[];
  total: number;
  head: ChainHead | null;
}

/** A second staff member re-authenticating in the same request; never kept once the request is answered. */
export interface WitnessCredential {
  email: string;
  password: string;
}

export interface Quantity {
  value: number;
  unit: QuantityUnit;
}

export type StockSource = { containerId: string } | { lotId: string; locationId: string };

export interface Party {
  name: string;
  address: string;
  deaNumber: string;
}

/** Transaction bodies are the server's own input schema (one kind per form). */
export type TransactionBody = TransactionInput;

export type TransactionKind = TransactionBody['kind'];

export type CountKind = 'shift' | 'daily' | 'initial_inventory' | 'biennial_inventory';
export type TimeOfDay = 'opening' | 'close';

export interface CountLineInput {
  lotId: string;
  locationId: string;
  containerId: string | null;
  countedContainers?: number;
  countedMl?: number;
}

export interface NewCount {
  countKind: CountKind;
  timeOfDay: TimeOfDay | null;
  note: string;
  secondCounter: WitnessCredential;
  lines: CountLineInput[];
}

/** Answers of the counts, discrepancies, loss tasks and reconciliation routes: the server's response schemas. */
export type Count = z.infer<typeof countSchema>;
export type CountLine = Count['lines'][number];
export type Discrepancy = z.infer<typeof discrepancySchema>;
export type DiscrepancyAction = Discrepancy['actions'][number]['action'];
export type LossTask = z.infer<typeof lossTaskSchema>;
export type LossTaskKind = LossTask['task'];
export type Reconciliation = z.infer<typeof reconciliationSchema>;

export interface NewDiscrepancyAction {
  action: DiscrepancyAction;
  note: string;
  correctionEntryId?: string;
  lossEntryId?: string;
  /** resolved_no_change only: a second person confirms with their own password (no stock entry settles it). */
  secondSigner?: WitnessCredential;
}

export type ReportKind = 'administration-dispensing' | 'receipts' | 'losses' | 'destructions' | 'inventory' | 'entries';

const base = '/api/ledger/registrations';
const scoped = (registrationId: string, rest = '') => `${base}/${encodeURIComponent(registrationId)}${rest}`;

export const ledgerKeys = {
  all: ['ledger'] as const,
  registrations: ['ledger', 'registrations'] as const,
  stock: (registrationId: string) => ['ledger', registrationId, 'stock'] as const,
  entries: (registrationId: string, query: EntriesQuery) => ['ledger', registrationId, 'entries', query] as const,
  counts: (registrationId: string) => ['ledger', registrationId, 'counts'] as const,
  discrepancies: (registrationId: string) => ['ledger', registrationId, 'discrepancies'] as const,
  tasks: (registrationId: string) => ['ledger', registrationId, 'tasks'] as const,
  reconciliation: (registrationId: string, from: string, to: string) => ['ledger', registrationId, 'reconciliation', from, to] as const,
  registration: (registrationId: string) => ['ledger', registrationId] as const,
  prescribers: (registrationId: string) => ['ledger', registrationId, 'prescribers'] as const,
};

export function listRegistrations(): Promise<{ items: Registration[] }> {
  return requestJson(base);
}

export function createRegistration(input: {
  deaNumber: string;
  registrantName: string;
  address: string;
  expiresOn: string;
}): Promise<Registration> {
  return requestJson(base, { method: 'POST', body: input });
}

export function renewRegistration(registrationId: string, input: { expiresOn: string }): Promise<Registration> {
  return requestJson(scoped(registrationId, '/renewals'), { method: 'POST', body: input });
}

export function addLocation(registrationId: string, input: { name: string }): Promise<StorageLocation> {
  return requestJson(scoped(registrationId, '/locations'), { method: 'POST', body: input });
}

/** The clinic's active physicians: who may prescribe a take-home dispensing (physicians and nurses ask). */
export function listPrescribers(registrationId: string): Promise<{ items: { id: string; name: string }[] }> {
  return requestJson(scoped(registrationId, '/prescribers'));
}

export function getStock(registrationId: string): Promise<Stock> {
  return requestJson(scoped(registrationId, '/stock'));
}

export function postTransaction(registrationId: string, body: TransactionBody): Promise<{ entries: Entry[]; warnings?: string[] }> {
  return requestJson(scoped(registrationId, '/transactions'), { method: 'POST', body });
}

export interface EntriesQuery {
  from?: string;
  to?: string;
  kind?: string;
  limit?: number;
  offset?: number;
}

export function listEntries(registrationId: string, query: EntriesQuery = {}): Promise<EntriesPage> {
  return requestJson(scoped(registrationId, '/entries'), { query: { ...query } });
}

export function postCount(registrationId: string, input: NewCount): Promise<Count> {
  return requestJson(scoped(registrationId, '/counts'), { method: 'POST', body: input });
}

export function listCounts(registrationId: string): Promise<{ items: Count[] }> {
  return requestJson(scoped(registrationId, '/counts'));
}

export function listDiscrepancies(registrationId: string): Promise<{ items: Discrepancy[] }> {
  return requestJson(scoped(registrationId, '/discrepancies'));
}

export function postDiscrepancyAction(
  registrationId: string,
  countEntryId: string,
  lineNo: number,
  input: NewDiscrepancyAction,
): Promise<unknown> {
  const path = `/discrepancies/${encodeURIComponent(countEntryId)}/${encodeURIComponent(lineNo)}/actions`;
  return requestJson(scoped(registrationId, path), { method: 'POST', body: input });
}

export function listLossTasks(registrationId: string): Promise<{ items: LossTask[] }> {
  return requestJson(scoped(registrationId, '/tasks'));
}

export function completeLossTask(
  registrationId: string,
  lossEntryId: string,
  task: LossTaskKind,
  input: { note: string; reference?: string },
): Promise<unknown> {
  const path = `/tasks/${encodeURIComponent(lossEntryId)}/${encodeURIComponent(task)}/completion`;
  return requestJson(scoped(registrationId, path), { method: 'POST', body: input });
}

export function getReconciliation(registrationId: string, range: { from: string; to: string }): Promise<Reconciliation> {
  return requestJson(scoped(registrationId, '/reconciliation'), { query: range });
}

/** A plain link the browser downloads (the session cookie goes along). */
export function reportUrl(
  registrationId: string,
  report: ReportKind,
  params: { from: string; to: string; format: 'csv' | 'pdf'; countEntryId?: string },
): string {
  const search = new URLSearchParams({ from: params.from, to: params.to, format: params.format });
  if (params.countEntryId) search.set('countEntryId', params.countEntryId);
  return `${scoped(registrationId, `/reports/${report}`)}?${search.toString()}`;
}
