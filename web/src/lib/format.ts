import { KG_PER_LB } from '../../../src/domain/patients/patient-record.ts';

/** Display helpers: dates stay ISO (YYYY-MM-DD) so nothing is ambiguous between US and European staff. */

/** Whole years between an ISO birth date and an ISO day (both YYYY-MM-DD, calendar arithmetic, no time zones). */
export function ageInYears(birthDate: string, todayIso: string): number | null {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [ty, tm, td] = todayIso.split('-').map(Number);
  if (!by || !bm || !bd || !ty || !tm || !td) return null;
  const hadBirthday = tm > bm || (tm === bm && td >= bd);
  return ty - by - (hadBirthday ? 0 : 1);
}

/** Today's date in the browser's zone as YYYY-MM-DD. */
export function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** `treatment_resistant_depression` -> `Treatment resistant depression`. */
export function humanize(value: string): string {
  const spaced = value.replaceAll('_', ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatNumber(value: number, maximumFractionDigits = 1): string {
  return value.toLocaleString(undefined, { maximumFractionDigits });
}

/** `72.5 kg (159.8 lb)`: both units, because staff enter either. */
export function formatWeightKg(weightKg: number): string {
  return `${formatNumber(weightKg)} kg (${formatNumber(weightKg / KG_PER_LB)} lb)`;
}
