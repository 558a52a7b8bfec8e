/**
 * Deterministic randomness and calendar arithmetic for the demo data: a seeded PRNG (mulberry32) and ISO-date
 * helpers in UTC, so the same input always builds the same demo clinic (no clock, no Math.random).
 */

export interface DemoRandom {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both inclusive. */
  nextInt(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  shuffle<T>(items: readonly T[]): T[];
}

/** Seeded PRNG, 32-bit state, period 2^32: mulberry32 (Tommy Ettinger, public domain, 2017).
 * Good enough for demo data; never for security. */
export function createDemoRandom(seed: number): DemoRandom {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const nextInt = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    nextInt,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick() needs a non-empty list');
      return items[nextInt(0, items.length - 1)] as T;
    },
    shuffle: <T>(items: readonly T[]): T[] => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = nextInt(0, i);
        [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
      }
      return copy;
    },
  };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

function parseIsoDate(iso: string): { year: number; month: number; day: number } {
  const match = ISO_DATE.exec(iso);
  if (!match) throw new Error(`Expected an ISO date YYYY-MM-DD, got "${iso}"`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

function formatUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Calendar date shifted by whole days (negative = earlier), proleptic Gregorian calendar in UTC.
 * Source: ISO 8601 dates; no time zone is involved because only the date part is kept. */
export function shiftIsoDateByDays(iso: string, days: number): string {
  const { year, month, day } = parseIsoDate(iso);
  return formatUtc(Date.UTC(year, month - 1, day) + days * MS_PER_DAY);
}

/** The same calendar day a number of years earlier; 29 February becomes 28 February in a common year.
 * Source: the usual convention for anniversaries of a leap day. */
export function subtractYearsFromIsoDate(iso: string, years: number): string {
  const { year, month, day } = parseIsoDate(iso);
  const targetYear = year - years;
  const lastDay = new Date(Date.UTC(targetYear, month, 0)).getUTCDate();
  return formatUtc(Date.UTC(targetYear, month - 1, Math.min(day, lastDay)));
}

/** Completed years between a birth date and a later date (age in whole years).
 * Source: calendar age as used on patient records. */
export function computeAgeYears(birthIso: string, onIso: string): number {
  const birth = parseIsoDate(birthIso);
  const on = parseIsoDate(onIso);
  const hadBirthday = on.month > birth.month || (on.month === birth.month && on.day >= birth.day);
  return on.year - birth.year - (hadBirthday ? 0 : 1);
}

/** Completed calendar months between two ISO dates (0 when the end is not later).
 * Source: calendar arithmetic, used for pain duration in months. */
export function computeCompletedMonths(fromIso: string, toIso: string): number {
  const from = parseIsoDate(fromIso);
  const to = parseIsoDate(toIso);
  const months = (to.year - from.year) * 12 + (to.month - from.month) - (to.day < from.day ? 1 : 0);
  return Math.max(0, months);
}

/** Whole days from one ISO date to another (negative when the second is earlier), in UTC.
 * Source: calendar arithmetic; both dates parse as UTC midnight (ECMAScript date-only form). */
export function computeDaysBetweenIsoDates(fromIso: string, toIso: string): number {
  const from = parseIsoDate(fromIso);
  const to = parseIsoDate(toIso);
  return Math.round((Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) / MS_PER_DAY);
}
