import { parseQuantity, resolveDoseMg, resolveRateMgPerH } from '../../../../src/domain/pharmacology/units.ts';
import type { FieldIssue } from '../../lib/api-client.ts';
import type { DoseCheckRequest, Regimen } from './pharmacology.api.ts';

/**
 * The regimen as the screen holds it: one row per bolus or infusion, every field kept as typed (text or a number
 * being typed) so nothing is lost while a value is incomplete. Rows become the regimen JSON of docs/pharmacology.md
 * and one dose-check request each.
 */

export const ROUTES = ['iv', 'in', 'oral', 'sl', 'sc', 'im', 'topical'] as const;
export type RouteId = (typeof ROUTES)[number];
export type RowKind = 'bolus' | 'infusion';
type NumberText = number | string;

export interface RegimenRow {
  id: string;
  kind: RowKind;
  route: RouteId;
  /** A dose ("0.35 mg/kg") for a bolus, a rate ("0.5 mg/kg/h") for an infusion, as typed. */
  amount: string;
  /** Bolus: given at; infusion: start. */
  startMin: NumberText;
  /** Infusion end. */
  endMin: NumberText;
  /** IV bolus given over this many minutes (1 min by default, per the label). */
  overMin: NumberText;
  /** Infusion line concentration ("1 mg/mL") or topical strength ("5 % w/w"); empty: the library's standard. */
  concentration: string;
}

/** Row fields that the server's issues can name. */
export type RowField = 'amount' | 'startMin' | 'endMin' | 'overMin' | 'route' | 'concentration' | 'row';

let nextRowNumber = 1;

export function createRow(kind: RowKind, route: RouteId, previous?: RegimenRow): RegimenRow {
  const id = `row-${nextRowNumber++}`;
  const start = previous ? toNumber(previous.kind === 'infusion' ? previous.endMin : previous.startMin) : 0;
  const startMin = start ?? 0;
  return {
    id,
    kind,
    route,
    amount: '',
    startMin,
    endMin: kind === 'infusion' ? startMin + 240 : '',
    overMin: 1,
    concentration: '',
  };
}

export function toNumber(value: NumberText): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (value.trim() === '') return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

/** A row with its amount typed can be checked and simulated; empty rows wait. */
export function isRowStarted(row: RegimenRow): boolean {
  return row.amount.trim() !== '';
}

/** The regimen JSON (docs/pharmacology.md) for the started rows, and which row each event came from. */
export function buildRegimen(drug: 'ketamine' | 'esketamine', rows: readonly RegimenRow[]) {
  const started = rows.filter(isRowStarted);
  const events = started.map((row) => {
    const startMin = toNumber(row.startMin) ?? Number.NaN;
    if (row.kind === 'bolus') {
      const overMin = row.route === 'iv' ? toNumber(row.overMin) : undefined;
      return { type: 'bolus' as const, atMin: startMin, route: row.route, dose: row.amount.trim(), ...(overMin ? { overMin } : {}) };
    }
    const concentration = row.concentration.trim();
    return {
      type: 'infusion' as const,
      startMin,
      endMin: toNumber(row.endMin) ?? Number.NaN,
      route: row.route,
      rate: row.amount.trim(),
      ...(concentration && /ml\/h/i.test(row.amount) ? { concentration } : {}),
    };
  });
  return { regimen: { drug, events } as Regimen, rowIds: started.map((row) => row.id) };
}

/** mg given by a row (a bolus, or a rate over its duration), or undefined when it cannot be read yet. */
export function computeRowAmountMg(row: RegimenRow, weightKg: number): number | undefined {
  const parsed = parseQuantity(row.amount.trim());
  if (!parsed.ok) return undefined;
  if (row.kind === 'bolus') return resolveDoseMg(parsed.value, weightKg);
  const rateMgPerH = resolveRateMgPerH(parsed.value, weightKg);
  const durationMin = (toNumber(row.endMin) ?? Number.NaN) - (toNumber(row.startMin) ?? Number.NaN);
  return rateMgPerH !== undefined && durationMin > 0 ? (rateMgPerH * durationMin) / 60 : undefined;
}

const rowStart = (row: RegimenRow) => toNumber(row.startMin) ?? 0;

/** One dose-check request per started row; the amount of the rows that start earlier is "given this session",
 *  so the session limits see the whole regimen (DOMAIN.md 13 cumulative limits). */
export function buildDoseCheckRequests(
  rows: readonly RegimenRow[],
  context: { productId: string; profileId: string; weightKg: number; patientId?: string },
): Array<{ rowId: string; request: DoseCheckRequest }> {
  const started = rows.filter(isRowStarted);
  return started.map((row) => {
    const earlierMg = started
      .filter(
        (other) =>
          other !== row &&
          (rowStart(other) < rowStart(row) || (rowStart(other) === rowStart(row) && started.indexOf(other) < started.indexOf(row))),
      )
      .reduce((sum, other) => sum + (computeRowAmountMg(other, context.weightKg) ?? 0), 0);
    const durationMin = (toNumber(row.endMin) ?? Number.NaN) - rowStart(row);
    const concentration = row.concentration.trim();
    const request: DoseCheckRequest = {
      productId: context.productId,
      profileId: context.profileId,
      weightKg: context.weightKg,
      ...(row.kind === 'bolus' ? { dose: row.amount.trim() } : { rate: row.amount.trim() }),
      ...(row.kind === 'infusion' && durationMin > 0 ? { durationMin } : {}),
      ...(earlierMg > 0 ? { givenSession: `${Number(earlierMg.toPrecision(6))} mg` } : {}),
      ...(concentration ? { concentration } : {}),
      ...(context.patientId ? { patientId: context.patientId } : {}),
    };
    return { rowId: row.id, request };
  });
}

const EVENT_FIELDS: Record<string, RowField> = {
  atMin: 'startMin',
  startMin: 'startMin',
  endMin: 'endMin',
  overMin: 'overMin',
  dose: 'amount',
  rate: 'amount',
  route: 'route',
  concentration: 'concentration',
  durationMin: 'endMin',
};

export type RowErrors = Record<string, Partial<Record<RowField, string>>>;

/** Server issues named `regimen.events[2].endMin` (or `events.2.endMin`) go next to the row's field; the rest is
 *  returned for the form (weightKg, ageYears ...). */
export function assignIssuesToRows(issues: readonly FieldIssue[], rowIds: readonly string[]) {
  const rowErrors: RowErrors = {};
  const other: FieldIssue[] = [];
  for (const issue of issues) {
    const match = /events(?:\[(\d+)\]|\.(\d+))(?:\.(\w+))?/.exec(issue.path);
    const rowId = match ? rowIds[Number(match[1] ?? match[2])] : undefined;
    if (!match || !rowId) {
      other.push(issue);
      continue;
    }
    const field = EVENT_FIELDS[match[3] ?? ''] ?? 'row';
    const errors = rowErrors[rowId] ?? {};
    rowErrors[rowId] = errors;
    errors[field] = errors[field] ? `${errors[field]} ${issue.message}` : issue.message;
  }
  return { rowErrors, other };
}

/** Where the dose check's own issues (`dose`, `rate`, `concentration`, `durationMin`) go on the row. */
export function mapDoseCheckIssues(issues: readonly FieldIssue[]): Partial<Record<RowField, string>> {
  const errors: Partial<Record<RowField, string>> = {};
  for (const issue of issues) {
    const field = EVENT_FIELDS[issue.path.split('.').pop() ?? ''] ?? 'row';
    errors[field] = errors[field] ? `${errors[field]} ${issue.message}` : issue.message;
  }
  return errors;
}

/** Simulation horizon: two hours after the last event, on a whole-hour grid, with 1-min steps (5 after a day). */
export function chooseHorizon(rows: readonly RegimenRow[]): { untilMin: number; stepMin: number } {
  const ends = rows.filter(isRowStarted).map((row) => (row.kind === 'infusion' ? toNumber(row.endMin) : toNumber(row.startMin)) ?? 0);
  const lastMin = Math.max(0, ...ends);
  const untilMin = Math.max(60, Math.ceil((lastMin + 120) / 60) * 60);
  return { untilMin, stepMin: untilMin > 1440 ? 5 : 1 };
}
