import type { RegistrationRow } from '../../db/repositories/ledger.repository.ts';
import { findClinicRole } from '../../domain/access/permissions.ts';
import { LEDGER_ENTRY_KINDS } from '../../domain/ledger/ledger-entry.ts';
import { toLocalDate } from '../../domain/ledger/loss-deadlines.ts';
import { DISPOSAL_KINDS, toChainTable, toDisposalTable } from '../../domain/ledger/report-chain-rows.ts';
import { type CountLine, describeCount, INVENTORY_COUNT_KINDS, toInventoryTable } from '../../domain/ledger/report-inventory.ts';
import {
  REPORT_TITLES,
  type ReportKind,
  type ReportMeta,
  reportFilename,
  resolveReportRange,
  toHeaderPairs,
  writeReportCsv,
} from '../../domain/ledger/report-layout.ts';
import {
  collectLossTaskCompletions,
  formatLocalDateTime,
  type ReportTable,
  toAdministrationTable,
  toLossTable,
  toReceiptTable,
} from '../../domain/ledger/report-rows.ts';
import type { Deps, Repositories, RequestContext } from '../deps.ts';
import { validationFailed } from '../errors.ts';
import { authorizeRegistration } from './ledger-access.ts';
import { countNotFound } from './ledger-counts.errors.ts';
import { loadEntries, loadLabels, rangeInstants, toReportEntries } from './ledger-report-data.ts';
import { renderReportPdf } from './ledger-report-pdf.ts';

export interface ReportQuery {
  from?: string | undefined;
  to?: string | undefined;
  format: 'csv' | 'pdf';
  countEntryId?: string | undefined;
}

export interface ReportFile {
  filename: string;
  contentType: string;
  body: Buffer;
}

/** What one report reads from the chain once the range and head are fixed. */
interface ReportScope {
  registration: RegistrationRow;
  timeZone: string;
  period: { from: string; to: string };
  maxSeq: number;
  withPatients: boolean;
  repos: Repositories;
}

/**
 * A ledger report as CSV or PDF (issue 5 item 6). Every report needs ledger.read; the administration and dispensing
 * log names patients (1304.22(c): name and address of the person dispensed to), so it needs ledger.read_patient_log.
 * The chain head is read first and only entries up to it are shown, so the printed head describes the rows.
 */
export async function generateLedgerReport(
  registrationId: string,
  report: ReportKind,
  query: ReportQuery,
  ctx: RequestContext,
  deps: Deps,
): Promise<ReportFile> {
  const permission = report === 'administration-dispensing' ? 'ledger.read_patient_log' : 'ledger.read';
  const { registration, role } = await authorizeRegistration(
    registrationId,
    permission,
    'read this controlled-substance report',
    ctx,
    deps,
  );
  const clinic = await deps.repos.organization.findClinic(registration.clinicId);
  const timeZone = clinic?.timeZone ?? 'UTC';
  const now = deps.clock();
  const range = resolveReportRange({ from: query.from, to: query.to, today: toLocalDate(now.toISOString(), timeZone) });
  if (!range.ok) throw validationFailed(range.issues);
  if (report === 'inventory' && !query.countEntryId) {
    throw validationFailed([{ path: 'countEntryId', message: 'required: the count this inventory report shows' }]);
  }
  const head = await deps.repos.ledger.findHead(registrationId);
  const scope: ReportScope = {
    registration,
    timeZone,
    period: { from: range.from, to: range.to },
    maxSeq: head?.seq ?? 0,
    withPatients: findClinicRole(ctx.actor, 'ledger.read_patient_log', registration.clinicId) !== null,
    repos: deps.repos,
  };
  const built = report === 'inventory' ? await buildInventory(scope, query.countEntryId!) : await buildTable(report, scope);
  const meta: ReportMeta = {
    title: built.title ?? REPORT_TITLES[report],
    registrantName: registration.registrantName,
    deaNumber: registration.deaNumber,
    address: registration.address,
    clinicName: clinic?.name ?? '',
    timeZone,
    period: built.period === scope.period ? scope.period : null,
    generatedAt: now.toISOString(),
    generatedBy: `${ctx.actor.name} (${role})`,
    head,
    extra: built.extra ?? [],
  };
  const header = toHeaderPairs(meta);
  const filename = (ext: 'csv' | 'pdf') => reportFilename(registration.deaNumber, report, built.period, ext);
  if (query.format === 'csv') {
    return {
      filename: filename('csv'),
      contentType: 'text/csv; charset=utf-8',
      body: Buffer.from(writeReportCsv(header, built.table), 'utf8'),
    };
  }
  const footer = head
    ? `${registration.deaNumber} | chain head seq ${head.seq}, SHA-256 ${head.hashHex}`
    : `${registration.deaNumber} | chain empty`;
  const body = await renderReportPdf({ title: meta.title, header, table: built.table, footer, generatedAt: now });
  return { filename: filename('pdf'), contentType: 'application/pdf', body };
}

interface BuiltReport {
  table: ReportTable;
  period: { from: string; to: string };
  title?: string;
  extra?: [string, string][];
}

/** The date-range reports: entries of the report's kinds in the range, mapped by the domain's row functions. */
async function buildTable(report: Exclude<ReportKind, 'inventory'>, s: ReportScope): Promise<BuiltReport> {
  const instants = rangeInstants(s.period, s.timeZone);
  const load = async (kinds: (typeof LEDGER_ENTRY_KINDS)[number][], ranged = true) =>
    toReportEntries(
      await loadEntries(s.repos, s.registration.id, { ...(ranged ? instants : {}), kinds }, s.maxSeq),
      { withPatients: s.withPatients, maxSeq: s.maxSeq },
      s.repos,
    );
  switch (report) {
    case 'administration-dispensing':
      return { period: s.period, table: toAdministrationTable(await load(['administration', 'dispensing', 'waste']), s.timeZone) };
    case 'receipts':
      return { period: s.period, table: toReceiptTable(await load(['receipt', 'distribution_in']), s.timeZone) };
    case 'losses': {
      // A task may be completed after the range ends: its completion is read from the whole chain.
      const completions = collectLossTaskCompletions(await load(['loss_task_done'], false), s.timeZone);
      return { period: s.period, table: toLossTable(await load(['loss']), completions, s.timeZone) };
    }
    case 'destructions':
      return { period: s.period, table: toDisposalTable(await load([...DISPOSAL_KINDS]), s.timeZone) };
    case 'entries': {
      const labels = await loadLabels(s.registration, s.repos);
      const entries = await load([...LEDGER_ENTRY_KINDS]);
      return { period: s.period, table: toChainTable(entries, labels, { withPatients: s.withPatients, timeZone: s.timeZone }) };
    }
  }
}

/**
 * The inventory (21 CFR 1304.11, DOMAIN.md 10) or count named by countEntryId: each bucket counted beside its book
 * balance, the date and opening or close of business, and the previous inventory with the 24-month check.
 */
async function buildInventory(s: ReportScope, countEntryId: string): Promise<BuiltReport> {
  const count = await s.repos.ledger.findEntry(countEntryId);
  if (!count || count.registrationId !== s.registration.id || count.kind !== 'count' || count.seq > s.maxSeq) throw countNotFound();
  const [entry] = await toReportEntries([count], { withPatients: false, maxSeq: s.maxSeq }, s.repos);
  const details = entry!.details;
  const earlier = await loadEntries(s.repos, s.registration.id, { kinds: ['count'] }, count.seq - 1);
  const previous = earlier
    .map((e) => JSON.parse(e.detailsJson) as { countKind?: string; countedAt?: string })
    .filter((d) => INVENTORY_COUNT_KINDS.has(String(d.countKind)))
    .at(-1);
  const countDate = formatLocalDateTime(String(details.countedAt ?? count.occurredAt), s.timeZone).slice(0, 10);
  const labels = await loadLabels(s.registration, s.repos);
  const described = describeCount({
    countKind: String(details.countKind),
    timeOfDay: typeof details.timeOfDay === 'string' ? details.timeOfDay : null,
    countDate,
    countedBy: entry!.recordedByName,
    secondCounter: String((details.secondCounter as { name?: string } | undefined)?.name ?? ''),
    previousInventoryDate: previous?.countedAt ? formatLocalDateTime(previous.countedAt, s.timeZone).slice(0, 10) : null,
  });
  const scopeName = typeof details.locationId === 'string' ? (labels.locationNames.get(details.locationId) ?? '') : 'all locations';
  return {
    title: described.title,
    period: { from: countDate, to: countDate },
    extra: [
      ...described.extra,
      ['Locations counted', scopeName],
      ['Count entry seq', String(count.seq)],
      ...(typeof details.note === 'string' && details.note ? ([['Note', details.note]] as [string, string][]) : []),
    ],
    table: toInventoryTable((details.lines ?? []) as CountLine[], labels),
  };
}
