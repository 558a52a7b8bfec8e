import type { DemoClinic } from './demo-organization.ts';
import { shiftIsoDateByDays } from './demo-random.ts';

/** Dates and clinic-local wall times for the demo ledger story (src/domain/demo/demo-ledger.ts). */

/** Places events on the k-th open day before today (1 = the most recent), minutes after opening or before closing. */
export interface StoryClock {
  date(k: number): string;
  afterOpening(k: number, minutes: number): string;
  beforeClosing(k: number, minutes: number): string;
}

/** How many open days back the story starts: three weeks of a five-day clinic. */
export const STORY_OPEN_DAYS = 15;

/** The UTC instant (ISO) of a wall-clock time, minutes after local midnight of `date`, in an IANA time zone.
 * Two passes of the zone's offset settle daylight-saving days (the story never uses the 1-3 am gap). */
export function zonedWallTimeToIso(date: string, minutesOfDay: number, timeZone: string): string {
  const wallMs = Date.parse(`${date}T00:00:00Z`) + minutesOfDay * 60_000;
  const first = wallMs - zoneOffsetMs(wallMs, timeZone);
  return new Date(wallMs - zoneOffsetMs(first, timeZone)).toISOString();
}

function zoneOffsetMs(utcMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - utcMs;
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The clinic's open days before `today` (most recent first) with their hours (DEMO_CLINICS opening hours). */
export function createStoryClock(today: string, clinic: DemoClinic): StoryClock {
  const days: { date: string; opensMin: number; closesMin: number }[] = [];
  for (let date = shiftIsoDateByDays(today, -1); days.length < STORY_OPEN_DAYS; date = shiftIsoDateByDays(date, -1)) {
    const hours = clinic.hours.find((h) => h.day === new Date(`${date}T00:00:00Z`).getUTCDay());
    if (hours) days.push({ date, opensMin: toMinutes(hours.opens), closesMin: toMinutes(hours.closes) });
  }
  const day = (k: number) => days[k - 1] ?? days[days.length - 1]!;
  return {
    date: (k) => day(k).date,
    afterOpening: (k, minutes) => zonedWallTimeToIso(day(k).date, day(k).opensMin + minutes, clinic.timeZone),
    beforeClosing: (k, minutes) => zonedWallTimeToIso(day(k).date, day(k).closesMin - minutes, clinic.timeZone),
  };
}
