/**
 * Theft-or-loss deadlines (issue 5, item 3): 21 CFR 1301.76(b), DOMAIN.md section 10: written notice to the DEA
 * Field Division Office within one business day of discovery, and DEA Form 106 within 45 days (88 FR 40707).
 * Read here [M] as: notice due at the end (23:59:59.999 local) of the first business day after the discovery day,
 * Form 106 due at the end of discovery day + 45 calendar days; days are calendar days in the clinic's time zone.
 *
 * Business day = Monday to Friday except US federal holidays. The holiday rules are NOT from DOMAIN.md [M]:
 * the 11 legal public holidays of 5 U.S.C. 6103(a), with the observed-day shifts of 5 U.S.C. 6103(b) and
 * Executive Order 11582 (Saturday -> Friday before, Sunday -> Monday after), as OPM publishes them. Inauguration
 * Day (Washington DC area only) and state holidays are not counted. Verify against the OPM calendar each year.
 */

/** A type alias, not an interface, so it is assignable to JSON entry details (implicit index signature). */
export type LossDeadlines = {
  deaNoticeDueAt: string;
  form106DueAt: string;
};

/** Calendar days to file Form 106 after discovery (DOMAIN.md 10; 88 FR 40707, effective 24 Jul 2023). */
export const FORM_106_DAYS = 45;

const DAY_MS = 86_400_000;

/** Notice due at the end of the next business day after the local discovery day; Form 106 at the end of
 *  discovery day + 45 days; both as UTC ISO instants (21 CFR 1301.76(b), DOMAIN.md 10; holidays 5 U.S.C. 6103 [M]). */
export function computeLossDeadlines(discoveredAtIso: string, timeZone: string): LossDeadlines {
  const discoveryDay = toLocalDate(discoveredAtIso, timeZone);
  let noticeDay = addDays(discoveryDay, 1);
  while (!isFederalBusinessDay(noticeDay)) noticeDay = addDays(noticeDay, 1);
  return {
    deaNoticeDueAt: endOfLocalDay(noticeDay, timeZone),
    form106DueAt: endOfLocalDay(addDays(discoveryDay, FORM_106_DAYS), timeZone),
  };
}

/** The calendar day ('YYYY-MM-DD') of an instant in an IANA time zone, via Intl.DateTimeFormat.
 *  Throws RangeError for an unparseable instant or unknown zone (validate at the edge). */
export function toLocalDate(instantIso: string, timeZone: string): string {
  const instantMs = parseInstant(instantIso);
  const { year, month, day } = readWallClock(instantMs, timeZone);
  return formatDate(Date.UTC(year, month - 1, day));
}

/** The last millisecond (23:59:59.999 wall-clock) of a local calendar day as a UTC ISO instant. If that wall time
 *  falls twice (a fall-back at midnight) the later instant; if clocks jump over it, the earlier reading (conservative). */
export function endOfLocalDay(localDate: string, timeZone: string): string {
  const wallMs = parseDate(localDate) + DAY_MS - 1;
  return new Date(wallTimeToUtcMs(wallMs, timeZone)).toISOString();
}

/** Whether a 'YYYY-MM-DD' day is Monday-Friday and not an observed US federal holiday
 *  (5 U.S.C. 6103 and Executive Order 11582 [M], not in DOMAIN.md). */
export function isFederalBusinessDay(localDate: string): boolean {
  const dayMs = parseDate(localDate);
  const weekday = new Date(dayMs).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  const year = new Date(dayMs).getUTCFullYear();
  // New Year's Day of the next year on a Saturday is observed on 31 December of this year.
  return !listObservedFederalHolidays(year).includes(localDate) && !listObservedFederalHolidays(year + 1).includes(localDate);
}

/** The 11 legal public holidays of a year as observed by federal offices ('YYYY-MM-DD', Saturday -> Friday,
 *  Sunday -> Monday), in calendar order of the holiday. Source: 5 U.S.C. 6103(a)-(b), Executive Order 11582 [M]. */
export function listObservedFederalHolidays(year: number): string[] {
  const fixed = (month: number, day: number) => observe(Date.UTC(year, month - 1, day));
  return [
    fixed(1, 1), // New Year's Day
    nthWeekday(year, 1, 1, 3), // Birthday of Martin Luther King, Jr.: third Monday in January
    nthWeekday(year, 2, 1, 3), // Washington's Birthday: third Monday in February
    lastWeekday(year, 5, 1), // Memorial Day: last Monday in May
    fixed(6, 19), // Juneteenth National Independence Day
    fixed(7, 4), // Independence Day
    nthWeekday(year, 9, 1, 1), // Labor Day: first Monday in September
    nthWeekday(year, 10, 1, 2), // Columbus Day: second Monday in October
    fixed(11, 11), // Veterans Day
    nthWeekday(year, 11, 4, 4), // Thanksgiving Day: fourth Thursday in November
    fixed(12, 25), // Christmas Day
  ].map(formatDate);
}

function observe(dayMs: number): number {
  const weekday = new Date(dayMs).getUTCDay();
  if (weekday === 6) return dayMs - DAY_MS;
  if (weekday === 0) return dayMs + DAY_MS;
  return dayMs;
}

/** nth (1-based) weekday (0 = Sunday) of a month, as UTC midnight ms. */
function nthWeekday(year: number, month: number, weekday: number, n: number): number {
  const first = Date.UTC(year, month - 1, 1);
  const offset = (weekday - new Date(first).getUTCDay() + 7) % 7;
  return first + (offset + 7 * (n - 1)) * DAY_MS;
}

function lastWeekday(year: number, month: number, weekday: number): number {
  const last = Date.UTC(year, month, 0);
  const back = (new Date(last).getUTCDay() - weekday + 7) % 7;
  return last - back * DAY_MS;
}

function addDays(localDate: string, days: number): string {
  return formatDate(parseDate(localDate) + days * DAY_MS);
}

function formatDate(dayMs: number): string {
  return new Date(dayMs).toISOString().slice(0, 10);
}

function parseDate(localDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(localDate);
  const dayMs = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  if (!match || formatDate(dayMs) !== localDate) throw new RangeError(`"${localDate}" is not a calendar date YYYY-MM-DD`);
  return dayMs;
}

function parseInstant(instantIso: string): number {
  // An instant must say its offset; a bare local time would be read in the server's zone.
  const ms = /(Z|[+-]\d{2}:?\d{2})$/i.test(instantIso) ? Date.parse(instantIso) : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(`"${instantIso}" is not an ISO instant with an offset`);
  return ms;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function readWallClock(instantMs: number, timeZone: string): WallClock {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(instantMs)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** Zone offset (local wall clock minus UTC, ms) in force at an instant. */
function offsetAt(instantMs: number, timeZone: string): number {
  const wall = readWallClock(instantMs, timeZone);
  const wallMs = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return wallMs - Math.floor(instantMs / 1000) * 1000;
}

function wallTimeToUtcMs(wallMs: number, timeZone: string): number {
  // Offsets in force around the wall time; a day either side covers every real transition.
  const candidates = [...new Set([offsetAt(wallMs - DAY_MS, timeZone), offsetAt(wallMs, timeZone), offsetAt(wallMs + DAY_MS, timeZone)])];
  const exact = candidates.map((offset) => wallMs - offset).filter((utcMs) => offsetAt(utcMs, timeZone) === wallMs - utcMs);
  if (exact.length > 0) return Math.max(...exact);
  // The wall time falls in a gap (clocks jumped over it): the conservative choice is the instant before the jump.
  return Math.min(...candidates.map((offset) => wallMs - offset));
}
